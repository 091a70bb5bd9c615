CREATE TABLE "report_submissions" (
	"nonce_hash" "bytea" PRIMARY KEY NOT NULL,
	"sealed_receipt" "bytea" NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
