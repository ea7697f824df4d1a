// SPDX-License-Identifier: Apache-2.0
// Registry migrations: v1 the tables and the append-only rule, v2 roles and row-level security.
// A deployed registry is only ever moved forward by adding a migration here, never by editing one.
#include "app/common/registry/migrations.h"

namespace cm::registry {

namespace {

// v1: organisations own sites; a site has auditoriums, each with its screen(s). Sessions, readings,
// figures and reports are append-only: a trigger refuses UPDATE, DELETE and TRUNCATE for every
// role including the owner, so a stored measurement can only be superseded by a correction row
// (readings.corrects) that points at the row it corrects.
constexpr const char* kV1 = R"SQL(
CREATE TABLE organisations (
    id bigserial PRIMARY KEY,
    name text NOT NULL UNIQUE,
    kind text NOT NULL CHECK (kind IN ('chain', 'inspection_body', 'committee')));
-- Database roles (logins) and what they are in the registry.
CREATE TABLE members (
    db_role text PRIMARY KEY,
    organisation_id bigint NOT NULL REFERENCES organisations (id),
    kind text NOT NULL CHECK (kind IN ('inspector', 'chain', 'committee')),
    display_name text NOT NULL);
-- Ed25519 public keys an inspector signs reports with (hex, as `cinemeasure keygen` writes them).
CREATE TABLE inspector_keys (
    key_id text PRIMARY KEY,
    db_role text NOT NULL REFERENCES members (db_role),
    public_key_hex text NOT NULL UNIQUE CHECK (public_key_hex ~ '^[0-9a-f]{64}$'),
    registered_utc timestamptz NOT NULL DEFAULT now(),
    revoked_utc timestamptz);
CREATE TABLE sites (
    id bigserial PRIMARY KEY,
    organisation_id bigint NOT NULL REFERENCES organisations (id),
    name text NOT NULL,
    UNIQUE (organisation_id, name));
CREATE TABLE auditoriums (
    id bigserial PRIMARY KEY,
    site_id bigint NOT NULL REFERENCES sites (id),
    name text NOT NULL,
    UNIQUE (site_id, name));
CREATE TABLE screens (
    id bigserial PRIMARY KEY,
    auditorium_id bigint NOT NULL REFERENCES auditoriums (id),
    name text NOT NULL DEFAULT 'main',
    screen_type text,
    width_m double precision,
    height_m double precision,
    UNIQUE (auditorium_id, name));
CREATE TABLE instruments (
    id bigserial PRIMARY KEY,
    family text NOT NULL,
    model text NOT NULL,
    serial text NOT NULL,
    firmware text NOT NULL,
    acceptance_angle_deg double precision,
    UNIQUE (family, model, serial, firmware));
CREATE TABLE calibration_records (
    id bigserial PRIMARY KEY,
    instrument_id bigint NOT NULL REFERENCES instruments (id),
    calibrated_on date NOT NULL,
    valid_until date,
    laboratory text NOT NULL,
    certificate text NOT NULL,
    recorded_by text NOT NULL DEFAULT current_user,
    UNIQUE (instrument_id, certificate));
-- One certification session; uuid is the idempotency key of `cinemeasure push`.
CREATE TABLE sessions (
    uuid uuid PRIMARY KEY,
    journal_id text NOT NULL,
    inspector_role text NOT NULL DEFAULT current_user REFERENCES members (db_role),
    screen_id bigint NOT NULL REFERENCES screens (id),
    profile_id text NOT NULL,
    profile_json jsonb NOT NULL,
    status text NOT NULL,
    started_utc timestamptz NOT NULL,
    finished_utc timestamptz,
    pushed_utc timestamptz NOT NULL DEFAULT now());
CREATE INDEX sessions_screen ON sessions (screen_id, started_utc);
-- Readings: XYZ with Y in cd/m2; spectra in W sr-1 m-2 nm-1 where the instrument gave them.
CREATE TABLE readings (
    id bigserial PRIMARY KEY,
    session_uuid uuid NOT NULL REFERENCES sessions (uuid),
    seq integer NOT NULL,
    step text NOT NULL,
    point text NOT NULL,
    repeat integer NOT NULL,
    x_tristimulus double precision NOT NULL,
    luminance_cdm2 double precision NOT NULL,
    z_tristimulus double precision NOT NULL,
    integration_time_s double precision,
    measured_utc timestamptz,
    status text,
    instrument_id bigint REFERENCES instruments (id),
    u_luminance_rel double precision,
    u_chromaticity_xy double precision,
    correction_id text,
    spectrum_start_nm double precision,
    spectrum_step_nm double precision,
    spectral_radiance double precision[],
    corrects bigint,
    correction_reason text,
    recorded_by text NOT NULL DEFAULT current_user,
    recorded_utc timestamptz NOT NULL DEFAULT now(),
    UNIQUE (session_uuid, seq),
    UNIQUE (session_uuid, id),
    -- A correction points at a reading of the same session.
    FOREIGN KEY (session_uuid, corrects) REFERENCES readings (session_uuid, id),
    CHECK ((corrects IS NULL) = (correction_reason IS NULL)));
CREATE TABLE figures (
    session_uuid uuid NOT NULL REFERENCES sessions (uuid),
    figure_id text NOT NULL,
    label text NOT NULL,
    metric text,
    unit text,
    value double precision,
    expanded_uncertainty_k2 double precision,
    limit_lower double precision,
    limit_upper double precision,
    limit_text text,
    verdict text NOT NULL,
    provisional boolean NOT NULL DEFAULT false,
    PRIMARY KEY (session_uuid, figure_id));
-- The report exactly as signed (text, not jsonb: the signature covers the bytes).
CREATE TABLE reports (
    session_uuid uuid PRIMARY KEY REFERENCES sessions (uuid),
    report_text text NOT NULL,
    report_sha256 text NOT NULL,
    overall_verdict text NOT NULL,
    signature_json text NOT NULL,
    key_id text NOT NULL REFERENCES inspector_keys (key_id),
    verified_utc timestamptz NOT NULL DEFAULT now());

CREATE FUNCTION cm_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'registry % are append-only; store a correction as a new row that points at the old one', TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER sessions_append_only BEFORE UPDATE OR DELETE ON sessions
    FOR EACH ROW EXECUTE FUNCTION cm_append_only();
CREATE TRIGGER readings_append_only BEFORE UPDATE OR DELETE ON readings
    FOR EACH ROW EXECUTE FUNCTION cm_append_only();
CREATE TRIGGER figures_append_only BEFORE UPDATE OR DELETE ON figures
    FOR EACH ROW EXECUTE FUNCTION cm_append_only();
CREATE TRIGGER reports_append_only BEFORE UPDATE OR DELETE ON reports
    FOR EACH ROW EXECUTE FUNCTION cm_append_only();
CREATE TRIGGER sessions_no_truncate BEFORE TRUNCATE ON sessions
    FOR EACH STATEMENT EXECUTE FUNCTION cm_append_only();
CREATE TRIGGER readings_no_truncate BEFORE TRUNCATE ON readings
    FOR EACH STATEMENT EXECUTE FUNCTION cm_append_only();
CREATE TRIGGER figures_no_truncate BEFORE TRUNCATE ON figures
    FOR EACH STATEMENT EXECUTE FUNCTION cm_append_only();
CREATE TRIGGER reports_no_truncate BEFORE TRUNCATE ON reports
    FOR EACH STATEMENT EXECUTE FUNCTION cm_append_only();
)SQL";

// v2: three group roles and row-level security. Login roles are made members of one group and
// listed in `members` with their organisation. The lookup functions are SECURITY DEFINER so the
// policies can follow a session to its site's organisation without granting the caller the rows
// in between; they take the caller as an argument because inside them current_user is the owner.
constexpr const char* kV2 = R"SQL(
DO $$
DECLARE r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['cm_inspector', 'cm_chain', 'cm_committee'] LOOP
        BEGIN
            EXECUTE format('CREATE ROLE %I NOLOGIN', r);
        EXCEPTION WHEN duplicate_object OR unique_violation THEN
            NULL;  -- roles are per cluster: another registry database already made it
        END;
    END LOOP;
END $$;

CREATE FUNCTION cm_org_of(p_role text) RETURNS bigint LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = public, pg_temp AS $$ SELECT organisation_id FROM members WHERE db_role = p_role $$;
CREATE FUNCTION cm_site_org(p_site bigint) RETURNS bigint LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = public, pg_temp AS $$ SELECT organisation_id FROM sites WHERE id = p_site $$;
CREATE FUNCTION cm_auditorium_org(p_auditorium bigint) RETURNS bigint LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = public, pg_temp AS $$
    SELECT s.organisation_id FROM auditoriums a JOIN sites s ON s.id = a.site_id WHERE a.id = p_auditorium $$;
CREATE FUNCTION cm_screen_org(p_screen bigint) RETURNS bigint LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = public, pg_temp AS $$
    SELECT s.organisation_id FROM screens sc JOIN auditoriums a ON a.id = sc.auditorium_id
        JOIN sites s ON s.id = a.site_id WHERE sc.id = p_screen $$;
CREATE FUNCTION cm_session_owner(p_session uuid) RETURNS text LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = public, pg_temp AS $$ SELECT inspector_role FROM sessions WHERE uuid = p_session $$;
CREATE FUNCTION cm_session_org(p_session uuid) RETURNS bigint LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = public, pg_temp AS $$
    SELECT cm_screen_org(screen_id) FROM sessions WHERE uuid = p_session $$;

-- An inspector names the site as the report does; the site must be registered by its
-- organisation, the auditorium and screen are added on first sight.
CREATE FUNCTION cm_resolve_screen(p_site text, p_auditorium text, p_screen_type text,
                                  p_width_m double precision, p_height_m double precision)
    RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_site bigint;
    v_n integer;
    v_aud bigint;
    v_screen bigint;
BEGIN
    SELECT count(*), min(id) INTO v_n, v_site FROM sites WHERE name = p_site;
    IF v_n = 0 THEN
        RAISE EXCEPTION 'site "%" is not registered in the registry (its organisation adds it with: cinemeasure registry add-site)', p_site
            USING ERRCODE = 'foreign_key_violation';
    ELSIF v_n > 1 THEN
        RAISE EXCEPTION 'site name "%" belongs to more than one organisation in the registry', p_site
            USING ERRCODE = 'cardinality_violation';
    END IF;
    INSERT INTO auditoriums (site_id, name) VALUES (v_site, p_auditorium)
        ON CONFLICT (site_id, name) DO NOTHING;
    SELECT id INTO v_aud FROM auditoriums WHERE site_id = v_site AND name = p_auditorium;
    INSERT INTO screens (auditorium_id, name, screen_type, width_m, height_m)
        VALUES (v_aud, 'main', p_screen_type, p_width_m, p_height_m)
        ON CONFLICT (auditorium_id, name) DO NOTHING;
    SELECT id INTO v_screen FROM screens WHERE auditorium_id = v_aud AND name = 'main';
    RETURN v_screen;
END $$;

CREATE FUNCTION cm_instrument_id(p_family text, p_model text, p_serial text, p_firmware text,
                                 p_angle double precision)
    RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE v_id bigint;
BEGIN
    INSERT INTO instruments (family, model, serial, firmware, acceptance_angle_deg)
        VALUES (p_family, p_model, p_serial, p_firmware, p_angle)
        ON CONFLICT (family, model, serial, firmware) DO NOTHING;
    SELECT id INTO v_id FROM instruments
        WHERE family = p_family AND model = p_model AND serial = p_serial AND firmware = p_firmware;
    RETURN v_id;
END $$;

REVOKE ALL ON ALL FUNCTIONS IN SCHEMA public FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cm_org_of(text), cm_site_org(bigint), cm_auditorium_org(bigint),
    cm_screen_org(bigint), cm_session_owner(uuid), cm_session_org(uuid)
    TO cm_inspector, cm_chain, cm_committee;
GRANT EXECUTE ON FUNCTION cm_resolve_screen(text, text, text, double precision, double precision),
    cm_instrument_id(text, text, text, text, double precision) TO cm_inspector;
GRANT EXECUTE ON FUNCTION cm_append_only() TO cm_inspector, cm_chain, cm_committee;

GRANT USAGE ON SCHEMA public TO cm_inspector, cm_chain, cm_committee;
GRANT SELECT ON schema_migrations, organisations, members, inspector_keys, instruments,
    calibration_records TO cm_inspector, cm_chain, cm_committee;
GRANT SELECT ON sites, auditoriums, screens, sessions, readings, figures, reports
    TO cm_inspector, cm_chain, cm_committee;
GRANT INSERT ON sessions, readings, figures, reports, calibration_records TO cm_inspector;
GRANT USAGE ON SEQUENCE readings_id_seq, calibration_records_id_seq TO cm_inspector;

ALTER TABLE sites ENABLE ROW LEVEL SECURITY;
ALTER TABLE auditoriums ENABLE ROW LEVEL SECURITY;
ALTER TABLE screens ENABLE ROW LEVEL SECURITY;
ALTER TABLE sessions ENABLE ROW LEVEL SECURITY;
ALTER TABLE readings ENABLE ROW LEVEL SECURITY;
ALTER TABLE figures ENABLE ROW LEVEL SECURITY;
ALTER TABLE reports ENABLE ROW LEVEL SECURITY;

CREATE POLICY committee_reads_all ON sites FOR SELECT TO cm_committee USING (true);
CREATE POLICY chain_reads_own ON sites FOR SELECT TO cm_chain
    USING (organisation_id = cm_org_of(current_user));
CREATE POLICY committee_reads_all ON auditoriums FOR SELECT TO cm_committee USING (true);
CREATE POLICY chain_reads_own ON auditoriums FOR SELECT TO cm_chain
    USING (cm_site_org(site_id) = cm_org_of(current_user));
CREATE POLICY committee_reads_all ON screens FOR SELECT TO cm_committee USING (true);
CREATE POLICY chain_reads_own ON screens FOR SELECT TO cm_chain
    USING (cm_auditorium_org(auditorium_id) = cm_org_of(current_user));

CREATE POLICY committee_reads_all ON sessions FOR SELECT TO cm_committee USING (true);
CREATE POLICY chain_reads_own ON sessions FOR SELECT TO cm_chain
    USING (cm_screen_org(screen_id) = cm_org_of(current_user));
CREATE POLICY inspector_reads_own ON sessions FOR SELECT TO cm_inspector
    USING (inspector_role = current_user);
CREATE POLICY inspector_inserts_own ON sessions FOR INSERT TO cm_inspector
    WITH CHECK (inspector_role = current_user AND cm_org_of(current_user) IS NOT NULL);

CREATE POLICY committee_reads_all ON readings FOR SELECT TO cm_committee USING (true);
CREATE POLICY chain_reads_own ON readings FOR SELECT TO cm_chain
    USING (cm_session_org(session_uuid) = cm_org_of(current_user));
CREATE POLICY inspector_reads_own ON readings FOR SELECT TO cm_inspector
    USING (cm_session_owner(session_uuid) = current_user);
CREATE POLICY inspector_inserts_own ON readings FOR INSERT TO cm_inspector
    WITH CHECK (cm_session_owner(session_uuid) = current_user);

CREATE POLICY committee_reads_all ON figures FOR SELECT TO cm_committee USING (true);
CREATE POLICY chain_reads_own ON figures FOR SELECT TO cm_chain
    USING (cm_session_org(session_uuid) = cm_org_of(current_user));
CREATE POLICY inspector_reads_own ON figures FOR SELECT TO cm_inspector
    USING (cm_session_owner(session_uuid) = current_user);
CREATE POLICY inspector_inserts_own ON figures FOR INSERT TO cm_inspector
    WITH CHECK (cm_session_owner(session_uuid) = current_user);

CREATE POLICY committee_reads_all ON reports FOR SELECT TO cm_committee USING (true);
CREATE POLICY chain_reads_own ON reports FOR SELECT TO cm_chain
    USING (cm_session_org(session_uuid) = cm_org_of(current_user));
CREATE POLICY inspector_reads_own ON reports FOR SELECT TO cm_inspector
    USING (cm_session_owner(session_uuid) = current_user);
CREATE POLICY inspector_inserts_own ON reports FOR INSERT TO cm_inspector
    WITH CHECK (cm_session_owner(session_uuid) = current_user);
)SQL";

// v3: committee re-evaluations, recorded only on request (`evaluate --registry --record`). A
// re-evaluation never changes a stored verdict: it is a row of its own, append-only like the rest.
constexpr const char* kV3 = R"SQL(
CREATE TABLE reevaluations (
    id bigserial PRIMARY KEY,
    run_uuid uuid NOT NULL,
    session_uuid uuid NOT NULL REFERENCES sessions (uuid),
    figure_id text NOT NULL,
    profile_id text NOT NULL,
    profile_sha256 text NOT NULL,
    value double precision,
    old_limit text,
    old_verdict text NOT NULL,
    new_limit text,
    new_verdict text NOT NULL,
    evaluated_by text NOT NULL DEFAULT current_user,
    evaluated_utc timestamptz NOT NULL DEFAULT now(),
    UNIQUE (run_uuid, session_uuid, figure_id));
CREATE TRIGGER reevaluations_append_only BEFORE UPDATE OR DELETE ON reevaluations
    FOR EACH ROW EXECUTE FUNCTION cm_append_only();
CREATE TRIGGER reevaluations_no_truncate BEFORE TRUNCATE ON reevaluations
    FOR EACH STATEMENT EXECUTE FUNCTION cm_append_only();
GRANT SELECT ON reevaluations TO cm_chain, cm_committee;
GRANT INSERT ON reevaluations TO cm_committee;
GRANT USAGE ON SEQUENCE reevaluations_id_seq TO cm_committee;
ALTER TABLE reevaluations ENABLE ROW LEVEL SECURITY;
CREATE POLICY committee_reads_all ON reevaluations FOR SELECT TO cm_committee USING (true);
CREATE POLICY committee_records ON reevaluations FOR INSERT TO cm_committee
    WITH CHECK (evaluated_by = current_user);
CREATE POLICY chain_reads_own ON reevaluations FOR SELECT TO cm_chain
    USING (cm_session_org(session_uuid) = cm_org_of(current_user));
)SQL";

// v4: what each reading was taken with (journal v7): the exposures it averages, whose number
// divides its random uncertainty, and the raised auto-exposure ceiling. Rows pushed before v4
// keep NULL, read as one exposure and the default ceiling.
constexpr const char* kV4 = R"SQL(
ALTER TABLE readings ADD COLUMN averages integer CHECK (averages IS NULL OR averages >= 1);
ALTER TABLE readings ADD COLUMN integration_limit_s double precision;
)SQL";

}  // namespace

const std::vector<Migration>& migrations() {
    static const std::vector<Migration> all{
        {1, "tables; sessions, readings, figures and reports append-only", kV1},
        {2, "roles cm_inspector, cm_chain, cm_committee; row-level security", kV2},
        {3, "committee re-evaluations (recorded on request, append-only)", kV3},
        {4, "readings: averages and raised integration ceiling (reading conditions)", kV4},
    };
    return all;
}

int expectedSchemaVersion() {
    return migrations().back().version;
}

int schemaVersion(Connection& c) {
    const Result exists = c.exec("SELECT to_regclass('public.schema_migrations') IS NOT NULL");
    if (exists.text(0, 0) != "t") {
        return 0;
    }
    return static_cast<int>(
        c.exec("SELECT coalesce(max(version), 0) FROM schema_migrations").integer(0, 0));
}

std::vector<int> migrate(Connection& c) {
    std::vector<int> applied;
    // One administrator at a time; the lock is released with the session.
    c.exec("SELECT pg_advisory_lock(hashtext('cinemeasure registry migrate'))");
    try {
        c.exec(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, "
            "description text NOT NULL, applied_utc timestamptz NOT NULL DEFAULT now())");
        const int have = schemaVersion(c);
        if (have > expectedSchemaVersion()) {
            throw RegistryError("registry schema is at version " + std::to_string(have) +
                                ", newer than this cinemeasure knows (" +
                                std::to_string(expectedSchemaVersion()) + "): upgrade cinemeasure");
        }
        for (const auto& m : migrations()) {
            if (m.version <= have) {
                continue;
            }
            Transaction t(c);
            c.execScript(m.sql);
            c.exec("INSERT INTO schema_migrations (version, description) VALUES ($1, $2)",
                   {std::to_string(m.version), m.description});
            t.commit();
            applied.push_back(m.version);
        }
    } catch (...) {
        c.exec("SELECT pg_advisory_unlock(hashtext('cinemeasure registry migrate'))");
        throw;
    }
    c.exec("SELECT pg_advisory_unlock(hashtext('cinemeasure registry migrate'))");
    return applied;
}

void requireSchema(Connection& c) {
    const int have = schemaVersion(c);
    const int want = expectedSchemaVersion();
    if (have == want) {
        return;
    }
    if (have == 0) {
        throw RegistryError(
            "registry has no cinemeasure schema: its administrator runs `cinemeasure registry "
            "migrate --registry URL` first");
    }
    if (have < want) {
        throw RegistryError("registry schema version mismatch: the registry is at version " +
                            std::to_string(have) + ", this cinemeasure needs " +
                            std::to_string(want) +
                            " (its administrator runs `cinemeasure registry migrate`)");
    }
    throw RegistryError("registry schema version mismatch: the registry is at version " +
                        std::to_string(have) + ", newer than this cinemeasure knows (" +
                        std::to_string(want) + "); upgrade cinemeasure");
}

}  // namespace cm::registry
