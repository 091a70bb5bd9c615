-- Issue 13: every organisation gets its own public address /o/<slug>/. Existing organisations
-- (an installation upgraded in place) get a slug made from their name; new ones are given theirs
-- by the code, with a random one as the column's fallback.
ALTER TABLE "organisations" ADD COLUMN "slug" text DEFAULT ('org-' || substr(replace(gen_random_uuid()::text, '-', ''), 1, 10)) NOT NULL;--> statement-breakpoint
UPDATE "organisations" AS o SET "slug" = d.slug
FROM (
  SELECT id, CASE WHEN row_number() OVER (PARTITION BY base ORDER BY created_at, id) = 1 THEN base
                  ELSE base || '-' || row_number() OVER (PARTITION BY base ORDER BY created_at, id) END AS slug
  FROM (
    SELECT id, created_at,
           coalesce(nullif(trim(both '-' from left(regexp_replace(lower(name), '[^a-z0-9]+', '-', 'g'), 40)), ''), 'organisatie') AS base
    FROM "organisations"
  ) AS b
) AS d
WHERE o.id = d.id;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_slug_unique" UNIQUE("slug");
