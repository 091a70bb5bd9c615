ALTER TABLE "cases" ADD COLUMN "priority" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "due_on" date;--> statement-breakpoint
CREATE INDEX "cases_handled_by_due_idx" ON "cases" USING btree ("handled_by","due_on","id");--> statement-breakpoint
-- Back-fill: the next legal deadline in the handling organisation's local dates, as the inbox computed it (computeDeadlines).
UPDATE "cases" AS c SET "due_on" = CASE
  WHEN c."status" = 'received' THEN (c."received_at" AT TIME ZONE o."time_zone")::date + 7
  WHEN c."status" IN ('acknowledged', 'assessed', 'in_handling', 'concluded') THEN COALESCE(
    c."feedback_extended_to"::date,
    (COALESCE((c."acknowledged_at" AT TIME ZONE o."time_zone")::date, (c."received_at" AT TIME ZONE o."time_zone")::date + 7) + interval '3 months')::date)
  ELSE NULL END
FROM "organisations" AS o WHERE o."id" = c."handled_by";--> statement-breakpoint
-- The priority the assessment recorded, from the audit trail (the sealed note holds the same).
UPDATE "cases" AS c SET "priority" = (
  SELECT a."detail"->>'priority' FROM "audit_log" AS a
  WHERE a."case_id" = c."id" AND a."action" = 'case.assessed' ORDER BY a."at" DESC LIMIT 1);
