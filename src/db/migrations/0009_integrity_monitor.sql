CREATE TABLE "survey_invitations" (
	"code_hash" "bytea" PRIMARY KEY NOT NULL,
	"wave_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"sector" text NOT NULL,
	CONSTRAINT "survey_organisations_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"wave_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"answers" integer[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_wave_organisations" (
	"wave_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"invited" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "survey_wave_organisations_wave_id_organisation_id_pk" PRIMARY KEY("wave_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "survey_waves" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"questions" jsonb NOT NULL,
	"open_link_hash" "bytea",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_wave_id_survey_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."survey_waves"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_organisation_id_survey_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."survey_organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_wave_id_survey_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."survey_waves"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_organisation_id_survey_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."survey_organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_wave_organisations" ADD CONSTRAINT "survey_wave_organisations_wave_id_survey_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."survey_waves"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_wave_organisations" ADD CONSTRAINT "survey_wave_organisations_organisation_id_survey_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."survey_organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "survey_responses_wave_idx" ON "survey_responses" USING btree ("wave_id");