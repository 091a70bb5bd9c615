ALTER TABLE "users" DROP CONSTRAINT "users_email_unique";--> statement-breakpoint
DROP INDEX "cases_route_received_idx";--> statement-breakpoint
DROP INDEX "cases_received_idx";--> statement-breakpoint
DROP INDEX "cases_handled_by_idx";--> statement-breakpoint
CREATE INDEX "cases_handled_by_route_idx" ON "cases" USING btree ("handled_by","route_code","received_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_organisation_email" ON "users" USING btree ("organisation_id","email");--> statement-breakpoint
CREATE UNIQUE INDEX "users_operator_email" ON "users" USING btree ("email") WHERE organisation_id is null;--> statement-breakpoint
CREATE INDEX "cases_handled_by_idx" ON "cases" USING btree ("handled_by","received_at","id");--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "failed_logins";--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "locked_until";