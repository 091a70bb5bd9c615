ALTER TABLE "case_statistics" ADD COLUMN "handled_by" uuid;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "sector" text;--> statement-breakpoint
ALTER TABLE "survey_organisations" ADD COLUMN "organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "case_statistics" ADD CONSTRAINT "case_statistics_handled_by_organisations_id_fk" FOREIGN KEY ("handled_by") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_organisations" ADD CONSTRAINT "survey_organisations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "survey_organisations_owner_organisation" ON "survey_organisations" USING btree ("owner_id","organisation_id");--> statement-breakpoint
-- An organisation's analyst who already measured the organisation itself named that unit after it:
-- that unit becomes the organisation's own, and its sector the organisation's.
UPDATE "survey_organisations" AS so SET "organisation_id" = o."id"
  FROM "organisations" AS o
  WHERE so."owner_id" = o."id" AND so."id" = (
    SELECT x."id" FROM "survey_organisations" AS x
    WHERE x."owner_id" = o."id" AND lower(btrim(x."name")) = lower(btrim(o."name"))
    ORDER BY x."id" LIMIT 1
  );--> statement-breakpoint
UPDATE "organisations" AS o SET "sector" = so."sector"
  FROM "survey_organisations" AS so
  WHERE so."organisation_id" = o."id" AND so."owner_id" = o."id" AND o."sector" IS NULL;--> statement-breakpoint
-- Figures purged before this version: the commission's routes were read by the commission the
-- organisation shared on the day the report came in (its own chain records every change, with the
-- commission before and after); before any change, by the first one's "before"; never shared: its own.
-- The advisors' and the panel's routes are always the organisation's own.
UPDATE "case_statistics" AS st SET "handled_by" = coalesce(
    (SELECT (a."detail"->>'after')::uuid FROM "audit_log" AS a
      WHERE a."organisation_id" = st."organisation_id" AND a."action" = 'commission.shared'
        AND a."detail"->>'organisation' = st."organisation_id"::text
        AND a."at" < (st."received_on"::date + 1)
      ORDER BY a."seq" DESC LIMIT 1),
    (SELECT (a."detail"->>'before')::uuid FROM "audit_log" AS a
      WHERE a."organisation_id" = st."organisation_id" AND a."action" = 'commission.shared'
        AND a."detail"->>'organisation' = st."organisation_id"::text
      ORDER BY a."seq" ASC LIMIT 1),
    st."organisation_id")
  WHERE st."route_code" IN ('commission', 'risk_signal');--> statement-breakpoint
UPDATE "case_statistics" SET "handled_by" = "organisation_id" WHERE "handled_by" IS NULL;
