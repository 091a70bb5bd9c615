-- Issue 13: one installation, many organisations. Every organisation-owned row names its
-- organisation. An installation upgraded in place has one organisation: everything it holds becomes
-- that organisation's, with no step needed from the operator.
ALTER TABLE "organisations" ADD COLUMN "receipt_salt" "bytea" DEFAULT decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex') NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "audit_legacy_until" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "listed" boolean DEFAULT true NOT NULL;--> statement-breakpoint
-- The first organisation keeps the installation's receipt salt (so every receipt still opens) and
-- the audit entries so far, whose hashes were made before chains named their organisation.
UPDATE "organisations" SET
  "receipt_salt" = coalesce((SELECT "receipt_salt" FROM "installation" ORDER BY "id" LIMIT 1), "receipt_salt"),
  "audit_legacy_until" = coalesce((SELECT max("seq") FROM "audit_log"), 0)
WHERE "id" = (SELECT "id" FROM "organisations" ORDER BY "created_at", "id" LIMIT 1);--> statement-breakpoint
ALTER TABLE "cases" DROP CONSTRAINT "cases_receipt_lookup_unique";--> statement-breakpoint
ALTER TABLE "cases" DROP CONSTRAINT "cases_route_code_routes_code_fk";--> statement-breakpoint
ALTER TABLE "questionnaires" DROP CONSTRAINT "questionnaires_route_code_routes_code_fk";--> statement-breakpoint
DROP INDEX "body_admissions_body_idx";--> statement-breakpoint
DROP INDEX "questionnaires_route_version";--> statement-breakpoint
ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_pkey";--> statement-breakpoint
ALTER TABLE "routes" DROP CONSTRAINT "routes_pkey";--> statement-breakpoint
-- Before setup there is no organisation and nothing to keep: routes are now made with each organisation.
DELETE FROM "questionnaires" WHERE NOT EXISTS (SELECT 1 FROM "organisations");--> statement-breakpoint
DELETE FROM "routes" WHERE NOT EXISTS (SELECT 1 FROM "organisations");--> statement-breakpoint
ALTER TABLE "advisor_registrations" ADD COLUMN "organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "body_admissions" ADD COLUMN "organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "case_statistics" ADD COLUMN "organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "handled_by" uuid;--> statement-breakpoint
ALTER TABLE "questionnaires" ADD COLUMN "organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "routes" ADD COLUMN "organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "routes" ADD COLUMN "body_organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "organisation_id" uuid;--> statement-breakpoint
UPDATE "advisor_registrations" SET "organisation_id" = (SELECT "id" FROM "organisations" ORDER BY "created_at", "id" LIMIT 1);--> statement-breakpoint
UPDATE "body_admissions" SET "organisation_id" = (SELECT "id" FROM "organisations" ORDER BY "created_at", "id" LIMIT 1);--> statement-breakpoint
UPDATE "case_statistics" SET "organisation_id" = (SELECT "id" FROM "organisations" ORDER BY "created_at", "id" LIMIT 1);--> statement-breakpoint
UPDATE "cases" SET "organisation_id" = (SELECT "id" FROM "organisations" ORDER BY "created_at", "id" LIMIT 1);--> statement-breakpoint
UPDATE "cases" SET "handled_by" = "organisation_id";--> statement-breakpoint
UPDATE "questionnaires" SET "organisation_id" = (SELECT "id" FROM "organisations" ORDER BY "created_at", "id" LIMIT 1);--> statement-breakpoint
UPDATE "routes" SET "organisation_id" = (SELECT "id" FROM "organisations" ORDER BY "created_at", "id" LIMIT 1);--> statement-breakpoint
UPDATE "routes" SET "body_organisation_id" = "organisation_id";--> statement-breakpoint
UPDATE "users" SET "organisation_id" = (SELECT "id" FROM "organisations" ORDER BY "created_at", "id" LIMIT 1);--> statement-breakpoint
-- Entries written before setup (if any) belong to the platform's own chain.
UPDATE "audit_log" SET "organisation_id" = coalesce((SELECT "id" FROM "organisations" ORDER BY "created_at", "id" LIMIT 1), '00000000-0000-0000-0000-000000000000');--> statement-breakpoint
ALTER TABLE "advisor_registrations" ALTER COLUMN "organisation_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "organisation_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "body_admissions" ALTER COLUMN "organisation_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "case_statistics" ALTER COLUMN "organisation_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ALTER COLUMN "organisation_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ALTER COLUMN "handled_by" SET NOT NULL;--> statement-breakpoint
CREATE INDEX "cases_handled_by_idx" ON "cases" USING btree ("handled_by","received_at");--> statement-breakpoint
ALTER TABLE "questionnaires" ALTER COLUMN "organisation_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "routes" ALTER COLUMN "organisation_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "routes" ALTER COLUMN "body_organisation_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_organisation_id_seq_pk" PRIMARY KEY("organisation_id","seq");--> statement-breakpoint
ALTER TABLE "routes" ADD CONSTRAINT "routes_organisation_id_code_pk" PRIMARY KEY("organisation_id","code");--> statement-breakpoint
ALTER TABLE "advisor_registrations" ADD CONSTRAINT "advisor_registrations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "body_admissions" ADD CONSTRAINT "body_admissions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_statistics" ADD CONSTRAINT "case_statistics_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_organisation_id_route_code_routes_organisation_id_code_fk" FOREIGN KEY ("organisation_id","route_code") REFERENCES "public"."routes"("organisation_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaires" ADD CONSTRAINT "questionnaires_organisation_id_route_code_routes_organisation_id_code_fk" FOREIGN KEY ("organisation_id","route_code") REFERENCES "public"."routes"("organisation_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routes" ADD CONSTRAINT "routes_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routes" ADD CONSTRAINT "routes_body_organisation_id_organisations_id_fk" FOREIGN KEY ("body_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_action_idx" ON "audit_log" USING btree ("organisation_id","action");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_receipt_lookup" ON "cases" USING btree ("organisation_id","receipt_lookup");--> statement-breakpoint
CREATE INDEX "body_admissions_body_idx" ON "body_admissions" USING btree ("organisation_id","body");--> statement-breakpoint
CREATE UNIQUE INDEX "questionnaires_route_version" ON "questionnaires" USING btree ("organisation_id","route_code","version");--> statement-breakpoint
-- Survey units and waves belong to the organisation whose analyst made them (the first one here).
ALTER TABLE "survey_organisations" DROP CONSTRAINT "survey_organisations_name_unique";--> statement-breakpoint
ALTER TABLE "survey_organisations" ADD COLUMN "owner_id" uuid;--> statement-breakpoint
ALTER TABLE "survey_waves" ADD COLUMN "owner_id" uuid;--> statement-breakpoint
UPDATE "survey_organisations" SET "owner_id" = (SELECT "id" FROM "organisations" ORDER BY "created_at", "id" LIMIT 1);--> statement-breakpoint
UPDATE "survey_waves" SET "owner_id" = (SELECT "id" FROM "organisations" ORDER BY "created_at", "id" LIMIT 1);--> statement-breakpoint
ALTER TABLE "survey_organisations" ALTER COLUMN "owner_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "survey_waves" ALTER COLUMN "owner_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "survey_organisations" ADD CONSTRAINT "survey_organisations_owner_id_organisations_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_waves" ADD CONSTRAINT "survey_waves_owner_id_organisations_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "survey_organisations_owner_name" ON "survey_organisations" USING btree ("owner_id","name");
