ALTER TABLE "case_statistics" ADD COLUMN "beyond_legal_term" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "beyond_legal_term" boolean DEFAULT false NOT NULL;