CREATE TABLE "case_numbers" (
	"organisation_id" uuid NOT NULL,
	"route_code" text NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "case_numbers_organisation_id_route_code_year_pk" PRIMARY KEY("organisation_id","route_code","year")
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "number" text;--> statement-breakpoint
-- Cases received before numbers existed are numbered in the order they arrived, per handling
-- organisation, route and local year, and the counters start after them.
WITH "numbered" AS (
  SELECT c."id",
    CASE c."route_code" WHEN 'commission' THEN 'IC' WHEN 'risk_signal' THEN 'RS' WHEN 'ethics' THEN 'EP' WHEN 'advisor' THEN 'VA' ELSE upper(replace(c."route_code", '_', '')) END AS "prefix",
    extract(year FROM c."received_at" AT TIME ZONE o."time_zone")::int AS "year",
    row_number() OVER (PARTITION BY c."handled_by", c."route_code", extract(year FROM c."received_at" AT TIME ZONE o."time_zone") ORDER BY c."received_at", c."id") AS "n"
  FROM "cases" c JOIN "organisations" o ON o."id" = c."handled_by"
)
UPDATE "cases" SET "number" = "numbered"."prefix" || '-' || "numbered"."year" || '-' || CASE WHEN "numbered"."n" < 10000 THEN lpad("numbered"."n"::text, 4, '0') ELSE "numbered"."n"::text END
FROM "numbered" WHERE "numbered"."id" = "cases"."id";--> statement-breakpoint
INSERT INTO "case_numbers" ("organisation_id", "route_code", "year", "last")
SELECT c."handled_by", c."route_code", extract(year FROM c."received_at" AT TIME ZONE o."time_zone")::int, count(*)::int
FROM "cases" c JOIN "organisations" o ON o."id" = c."handled_by"
GROUP BY 1, 2, 3;--> statement-breakpoint
ALTER TABLE "cases" ALTER COLUMN "number" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "case_numbers" ADD CONSTRAINT "case_numbers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "cases_number" ON "cases" USING btree ("handled_by","route_code","number");