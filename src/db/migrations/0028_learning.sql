CREATE TABLE "deliberations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"facilitator_id" uuid NOT NULL,
	"title" text NOT NULL,
	"method" text NOT NULL,
	"step" integer DEFAULT 0 NOT NULL,
	"notes_sealed" "bytea",
	"saved" boolean DEFAULT false NOT NULL,
	"proposed_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dilemma_proposal_copies" (
	"proposal_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"sealed" "bytea" NOT NULL,
	CONSTRAINT "dilemma_proposal_copies_proposal_id_user_id_pk" PRIMARY KEY("proposal_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "dilemma_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"source" text NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"received_on" date NOT NULL,
	"dilemma_id" uuid
);
--> statement-breakpoint
CREATE TABLE "dilemmas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"seed_key" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"source" text NOT NULL,
	"content" jsonb NOT NULL,
	"choices" integer[] NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "team_participants" (
	"token_hash" "bytea" PRIMARY KEY NOT NULL,
	"session_id" uuid NOT NULL,
	"voted_position" integer DEFAULT -1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "team_rounds" (
	"session_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"dilemma" jsonb NOT NULL,
	"counts" integer[] NOT NULL,
	CONSTRAINT "team_rounds_session_id_position_pk" PRIMARY KEY("session_id","position")
);
--> statement-breakpoint
CREATE TABLE "team_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"facilitator_id" uuid NOT NULL,
	"title" text NOT NULL,
	"code_hash" "bytea",
	"code_sealed" "bytea",
	"position" integer DEFAULT 0 NOT NULL,
	"state" text DEFAULT 'waiting' NOT NULL,
	"kept" boolean DEFAULT false NOT NULL,
	"conclusions_sealed" "bytea",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	CONSTRAINT "team_sessions_code_hash_unique" UNIQUE("code_hash")
);
--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "dilemma_min_count" integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE "deliberations" ADD CONSTRAINT "deliberations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliberations" ADD CONSTRAINT "deliberations_facilitator_id_users_id_fk" FOREIGN KEY ("facilitator_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dilemma_proposal_copies" ADD CONSTRAINT "dilemma_proposal_copies_proposal_id_dilemma_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."dilemma_proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dilemma_proposal_copies" ADD CONSTRAINT "dilemma_proposal_copies_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dilemma_proposals" ADD CONSTRAINT "dilemma_proposals_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dilemma_proposals" ADD CONSTRAINT "dilemma_proposals_dilemma_id_dilemmas_id_fk" FOREIGN KEY ("dilemma_id") REFERENCES "public"."dilemmas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dilemmas" ADD CONSTRAINT "dilemmas_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_participants" ADD CONSTRAINT "team_participants_session_id_team_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."team_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_rounds" ADD CONSTRAINT "team_rounds_session_id_team_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."team_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_sessions" ADD CONSTRAINT "team_sessions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_sessions" ADD CONSTRAINT "team_sessions_facilitator_id_users_id_fk" FOREIGN KEY ("facilitator_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "dilemmas_seed_key" ON "dilemmas" USING btree ("organisation_id","seed_key");