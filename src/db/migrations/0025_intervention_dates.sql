ALTER TABLE "case_interventions" ADD COLUMN "planned_on" date;--> statement-breakpoint
ALTER TABLE "case_interventions" ADD COLUMN "done_on" date;