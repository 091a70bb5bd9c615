-- What the public pages keep in memory comes from these tables; any committed change to them is
-- reported to every listening instance (src/db/change-feed.ts), whoever made it.
CREATE OR REPLACE FUNCTION tegenspraak_report_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('tegenspraak_change', TG_TABLE_NAME);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER organisations_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON organisations FOR EACH STATEMENT EXECUTE FUNCTION tegenspraak_report_change();
--> statement-breakpoint
CREATE TRIGGER organisation_logos_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON organisation_logos FOR EACH STATEMENT EXECUTE FUNCTION tegenspraak_report_change();
--> statement-breakpoint
CREATE TRIGGER routes_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON routes FOR EACH STATEMENT EXECUTE FUNCTION tegenspraak_report_change();
--> statement-breakpoint
CREATE TRIGGER questionnaires_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON questionnaires FOR EACH STATEMENT EXECUTE FUNCTION tegenspraak_report_change();
--> statement-breakpoint
CREATE TRIGGER body_admissions_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON body_admissions FOR EACH STATEMENT EXECUTE FUNCTION tegenspraak_report_change();
--> statement-breakpoint
-- Who reads a route: an account's name, roles, status and keys; not its log-in bookkeeping.
CREATE TRIGGER users_added_or_removed AFTER INSERT OR DELETE OR TRUNCATE ON users FOR EACH STATEMENT EXECUTE FUNCTION tegenspraak_report_change();
--> statement-breakpoint
CREATE TRIGGER users_changed AFTER UPDATE OF organisation_id, display_name, roles, status, public_key, signing_public_key ON users FOR EACH ROW
  WHEN (OLD.organisation_id IS DISTINCT FROM NEW.organisation_id OR OLD.display_name IS DISTINCT FROM NEW.display_name OR OLD.roles IS DISTINCT FROM NEW.roles
    OR OLD.status IS DISTINCT FROM NEW.status OR OLD.public_key IS DISTINCT FROM NEW.public_key OR OLD.signing_public_key IS DISTINCT FROM NEW.signing_public_key)
  EXECUTE FUNCTION tegenspraak_report_change();
--> statement-breakpoint
-- The audit chain anchors a body's founding and a member's removal; any edit of the chain counts too.
CREATE TRIGGER audit_log_admission AFTER INSERT ON audit_log FOR EACH ROW WHEN (NEW.action IN ('body.founded', 'member.removed')) EXECUTE FUNCTION tegenspraak_report_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_edited AFTER UPDATE OR DELETE OR TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION tegenspraak_report_change();
