ALTER TABLE "case_keys" ADD COLUMN "sealed_internal_key" "bytea";--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "internal_public_key" "bytea";