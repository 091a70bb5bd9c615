CREATE TABLE "body_admissions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"body" text NOT NULL,
	"user_id" uuid NOT NULL,
	"roles" text[] NOT NULL,
	"box_public_key" "bytea" NOT NULL,
	"signing_public_key" "bytea" NOT NULL,
	"admitted_on" text NOT NULL,
	"admitted_by" uuid,
	"admitter_signing_key" "bytea" NOT NULL,
	"statement" text,
	"signature" "bytea" NOT NULL,
	"removed_at" timestamp with time zone,
	"removed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"detail" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "identity_requests" ADD COLUMN "pending_sealed_identity" "bytea";--> statement-breakpoint
ALTER TABLE "identity_requests" ADD COLUMN "release_after" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "identity_requests" ADD COLUMN "legal_duty" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "identity_requests" ADD COLUMN "reporter_answer" text;--> statement-breakpoint
ALTER TABLE "identity_requests" ADD COLUMN "reporter_answered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "identity_requests" ADD COLUMN "released_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "decision_quorum" text DEFAULT 'all' NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "identity_wait_days" integer DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "signing_public_key" "bytea";--> statement-breakpoint
ALTER TABLE "body_admissions" ADD CONSTRAINT "body_admissions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_notices" ADD CONSTRAINT "staff_notices_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "body_admissions_body_idx" ON "body_admissions" USING btree ("body");--> statement-breakpoint
CREATE INDEX "body_admissions_user_idx" ON "body_admissions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "staff_notices_user_idx" ON "staff_notices" USING btree ("user_id","created_at");