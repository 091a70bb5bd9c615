CREATE TABLE "annual_report_texts" (
	"organisation_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"block" text NOT NULL,
	"text" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "annual_report_texts_organisation_id_year_block_pk" PRIMARY KEY("organisation_id","year","block")
);
--> statement-breakpoint
ALTER TABLE "case_statistics" ADD COLUMN "anonymity" text;--> statement-breakpoint
ALTER TABLE "case_statistics" ADD COLUMN "feedback_on" text;--> statement-breakpoint
ALTER TABLE "case_statistics" ADD COLUMN "extended" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "case_statistics" ADD COLUMN "reporter_returned" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "case_statistics" ADD COLUMN "coding" jsonb;--> statement-breakpoint
ALTER TABLE "case_statistics" ADD COLUMN "interventions" jsonb;--> statement-breakpoint
ALTER TABLE "case_statistics" ADD COLUMN "recommendations" jsonb;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "feedback_given_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "intake_channel" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "reporter_returned" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "coding" jsonb;--> statement-breakpoint
ALTER TABLE "annual_report_texts" ADD CONSTRAINT "annual_report_texts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Cases from before these columns: the feedback date from the audit chain, the return from the reporter's last activity.
UPDATE "cases" SET "feedback_given_at" = (SELECT max(a."at") FROM "audit_log" AS a WHERE a."case_id" = "cases"."id" AND a."action" = 'case.feedback_given') WHERE "feedback_given_at" IS NULL;--> statement-breakpoint
UPDATE "cases" SET "reporter_returned" = true WHERE "last_reporter_activity_at" > "received_at";
