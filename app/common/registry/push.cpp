// SPDX-License-Identifier: Apache-2.0
// Push: verify the signed report against the inspector's registered keys, then write the session
// in one transaction; the outbox marks it only after the registry committed.
#include "app/common/registry/push.h"

#include "app/common/data_paths.h"
#include "app/common/registry/migrations.h"
#include "app/common/session/session_store.h"
#include "app/common/signing.h"

#include <nlohmann/json.hpp>

#include <unistd.h>
#include <cmath>
#include <filesystem>
#include <map>

namespace cm::registry {

namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

/// The inspector's registered (not revoked) keys as *.pub files in a private temporary folder,
/// so the report is checked by the same code as `cinemeasure verify`.
class RegisteredKeys {
public:
    RegisteredKeys(Connection& c, const std::string& role) {
        std::string tmpl = (fs::temp_directory_path() / "cinemeasure-keys.XXXXXX").string();
        if (::mkdtemp(tmpl.data()) == nullptr) {
            throw RegistryError("push: cannot create a temporary folder for the registered keys");
        }
        dir_ = tmpl;
        const Result r = c.exec(
            "SELECT key_id, public_key_hex FROM inspector_keys WHERE db_role = $1 AND "
            "revoked_utc IS NULL",
            {role});
        for (int i = 0; i < r.rows(); ++i) {
            app::writeFileAtomically(dir_ / (r.text(i, 0) + ".pub"), r.text(i, 1) + "\n");
        }
        count_ = r.rows();
    }
    ~RegisteredKeys() {
        std::error_code ec;
        fs::remove_all(dir_, ec);
    }
    RegisteredKeys(const RegisteredKeys&) = delete;
    RegisteredKeys& operator=(const RegisteredKeys&) = delete;
    const fs::path& dir() const { return dir_; }
    int count() const { return count_; }

private:
    fs::path dir_;
    int count_ = 0;
};

Param optNum(const json& j, const char* key) {
    if (j.contains(key) && j[key].is_number()) {
        const double v = j[key].get<double>();
        if (std::isfinite(v)) {
            return num(v);
        }
    }
    return std::nullopt;
}

std::string str(const json& j, const char* key, const std::string& fallback = {}) {
    return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : fallback;
}

Param optText(const std::string& s) {
    return s.empty() ? Param{} : Param{s};
}

/// A one-dimensional array parameter in PostgreSQL's text form: every element double-quoted
/// (so commas, braces and quotes in names are safe), NULL for a missing value.
class ArrayParam {
public:
    void add(const Param& v) {
        out_ += out_.empty() ? "{" : ",";
        if (!v) {
            out_ += "NULL";
            return;
        }
        out_ += '"';
        for (char ch : *v) {
            if (ch == '"' || ch == '\\') {
                out_ += '\\';
            }
            out_ += ch;
        }
        out_ += '"';
    }
    std::string str() const { return out_.empty() ? "{}" : out_ + "}"; }

private:
    std::string out_;
};

std::string pgArray(const std::vector<double>& v) {
    std::string out = "{";
    for (std::size_t i = 0; i < v.size(); ++i) {
        out += (i ? "," : "") + num(v[i]);
    }
    return out + "}";
}

std::optional<double> jsonNum(const json& j, const char* key) {
    if (j.contains(key) && j[key].is_number()) {
        const double v = j[key].get<double>();
        if (std::isfinite(v)) {
            return v;
        }
    }
    return std::nullopt;
}

Param optParam(const std::optional<double>& v) {
    return v ? Param{num(*v)} : Param{};
}

SessionPayload payload(const app::SessionInfo& info, const OutboxEntry& e, const json& report,
                       const std::string& reportText, const std::string& signatureText,
                       const std::string& keyId, std::vector<procedure::RecordedReading> readings) {
    const json site = report.value("site", json::object());
    const json run = report.value("run", json::object());
    SessionPayload p;
    p.session_uuid = e.session_uuid;
    p.journal_id = info.id;
    p.profile_id = info.profile_id;
    p.profile_json = info.profile_json;
    p.status = info.status;
    p.started_utc = str(run, "started_utc", info.created_utc);
    p.finished_utc = str(run, "finished_utc");
    p.site = str(site, "site", info.site);
    p.auditorium = str(site, "auditorium", "(unnamed)");
    p.screen_type = str(site, "screen_type");
    p.screen_width_m = jsonNum(site, "screen_width_m");
    p.screen_height_m = jsonNum(site, "screen_height_m");
    p.readings = std::move(readings);
    p.figures = report.value("figures", json::array());
    p.report_text = reportText;
    p.overall_verdict = str(report, "overall_verdict", "NOT EVALUATED");
    p.signature_text = signatureText;
    p.key_id = keyId;
    return p;
}

}  // namespace

std::size_t writeSession(Connection& c, const SessionPayload& p) {
    const std::string screen = c.exec("SELECT cm_resolve_screen($1, $2, $3, $4, $5)",
                                      {p.site, p.auditorium, optText(p.screen_type),
                                       optParam(p.screen_width_m), optParam(p.screen_height_m)})
                                   .text(0, 0);
    c.exec(
        "INSERT INTO sessions (uuid, journal_id, screen_id, profile_id, profile_json, status, "
        "started_utc, finished_utc) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        {p.session_uuid, p.journal_id, screen, p.profile_id, p.profile_json, p.status,
         p.started_utc, optText(p.finished_utc)});
    // One lookup per instrument, not per reading.
    std::map<std::string, std::string> instruments;
    // Readings without spectra go in one statement (arrays unnested server-side); a reading with
    // a spectrum gets its own statement, as its samples form a variable-length array.
    ArrayParam seqs, steps, points, repeats, xs, ys, zs, times, measured, statuses, instrumentIds,
        uLum, uXy, corrections, averages, limits;
    std::size_t seq = 0, bulk = 0;
    for (const auto& rr : p.readings) {
        const auto& r = rr.reading;
        const auto& ins = r.instrument;
        const std::string key =
            ins.family + '\n' + ins.model + '\n' + ins.serial + '\n' + ins.firmware;
        auto it = instruments.find(key);
        if (it == instruments.end()) {
            it = instruments
                     .emplace(key, c.exec("SELECT cm_instrument_id($1, $2, $3, $4, $5)",
                                          {ins.family, ins.model, ins.serial, ins.firmware,
                                           num(ins.acceptance_angle_deg)})
                                       .text(0, 0))
                     .first;
        }
        ++seq;
        if (r.spectral_radiance.empty()) {
            ++bulk;
            seqs.add(std::to_string(seq));
            steps.add(rr.step_id);
            points.add(rr.point_id);
            repeats.add(std::to_string(rr.repeat));
            xs.add(num(r.xyz_cdm2.X));
            ys.add(num(r.xyz_cdm2.Y));
            zs.add(num(r.xyz_cdm2.Z));
            times.add(num(r.integration_time_s));
            measured.add(optText(r.timestamp_utc));
            statuses.add(r.status);
            instrumentIds.add(it->second);
            uLum.add(num(r.u_luminance_rel));
            uXy.add(num(r.u_chromaticity_xy));
            corrections.add(optText(r.correction_id));
            averages.add(std::to_string(r.averages));
            limits.add(num(r.integration_limit_s));
            continue;
        }
        c.exec(
            "INSERT INTO readings (session_uuid, seq, step, point, repeat, x_tristimulus, "
            "luminance_cdm2, z_tristimulus, integration_time_s, measured_utc, status, "
            "instrument_id, u_luminance_rel, u_chromaticity_xy, correction_id, spectrum_start_nm, "
            "spectrum_step_nm, spectral_radiance, averages, integration_limit_s) VALUES ($1, $2, "
            "$3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)",
            {p.session_uuid,
             std::to_string(seq),
             rr.step_id,
             rr.point_id,
             std::to_string(rr.repeat),
             num(r.xyz_cdm2.X),
             num(r.xyz_cdm2.Y),
             num(r.xyz_cdm2.Z),
             num(r.integration_time_s),
             optText(r.timestamp_utc),
             r.status,
             it->second,
             num(r.u_luminance_rel),
             num(r.u_chromaticity_xy),
             optText(r.correction_id),
             num(r.spectrum_start_nm),
             num(r.spectrum_step_nm),
             pgArray(r.spectral_radiance),
             std::to_string(r.averages),
             num(r.integration_limit_s)});
    }
    if (bulk > 0) {
        c.exec(
            "INSERT INTO readings (session_uuid, seq, step, point, repeat, x_tristimulus, "
            "luminance_cdm2, z_tristimulus, integration_time_s, measured_utc, status, "
            "instrument_id, u_luminance_rel, u_chromaticity_xy, correction_id, averages, "
            "integration_limit_s) "
            "SELECT $1, * FROM unnest($2::integer[], $3::text[], $4::text[], $5::integer[], "
            "$6::float8[], $7::float8[], $8::float8[], $9::float8[], $10::timestamptz[], "
            "$11::text[], $12::bigint[], $13::float8[], $14::float8[], $15::text[], "
            "$16::integer[], $17::float8[])",
            {p.session_uuid, seqs.str(), steps.str(), points.str(), repeats.str(), xs.str(),
             ys.str(), zs.str(), times.str(), measured.str(), statuses.str(), instrumentIds.str(),
             uLum.str(), uXy.str(), corrections.str(), averages.str(), limits.str()});
    }
    for (const auto& f : p.figures) {
        const json limit = f.value("limit", json::object());
        c.exec(
            "INSERT INTO figures (session_uuid, figure_id, label, metric, unit, value, "
            "expanded_uncertainty_k2, limit_lower, limit_upper, limit_text, verdict, provisional) "
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
            {p.session_uuid, str(f, "id"), str(f, "label"), optText(str(f, "metric")),
             optText(str(f, "unit")), optNum(f, "value"), optNum(f, "expanded_uncertainty_k2"),
             optNum(limit, "lower"), optNum(limit, "upper"), optText(str(limit, "text")),
             str(f, "verdict", "NOT EVALUATED"), f.value("provisional", false) ? "true" : "false"});
    }
    c.exec(
        "INSERT INTO reports (session_uuid, report_text, report_sha256, overall_verdict, "
        "signature_json, key_id) VALUES ($1, $2, encode(sha256(convert_to($2, 'UTF8')), 'hex'), "
        "$3, $4, $5)",
        {p.session_uuid, p.report_text, p.overall_verdict, p.signature_text, p.key_id});
    return seq;
}

std::vector<PushOutcome> push(const app::SessionStore& store, Outbox& outbox, Connection& c,
                              const PushHooks& hooks) {
    requireSchema(c);
    const std::string role = c.currentUser();
    const Result member = c.exec("SELECT kind FROM members WHERE db_role = $1", {role});
    if (member.rows() == 0 || member.text(0, 0) != "inspector") {
        throw RegistryError("registry role \"" + role +
                            "\" is not registered as an inspector (its administrator runs "
                            "`cinemeasure registry add-member --kind inspector`)");
    }
    outbox.enqueueComplete(store);
    const RegisteredKeys keys(c, role);
    const std::string where = c.describe();

    std::vector<PushOutcome> outcomes;
    for (const OutboxEntry& e : outbox.pending()) {
        PushOutcome o{e.session_id, e.session_uuid, PushOutcome::Status::Refused, {}, 0};
        auto refuse = [&](const std::string& why) {
            o.reason = why;
            outbox.markRefused(e.session_id, why);
            outcomes.push_back(o);
        };
        // Already committed by an earlier push that was cut off before it could mark the outbox.
        if (c.exec("SELECT 1 FROM sessions WHERE uuid = $1", {e.session_uuid}).rows() == 1) {
            outbox.markPushed(e.session_id, where);
            o.status = PushOutcome::Status::AlreadyThere;
            outcomes.push_back(o);
            continue;
        }
        app::SessionInfo info;
        try {
            info = store.session(e.session_id);
        } catch (const std::exception& ex) {
            refuse(ex.what());
            continue;
        }
        const fs::path reportFile = fs::path(info.out_dir) / "report.json";
        const fs::path sigFile = reportFile.string() + ".sig";
        if (info.out_dir.empty() || !fs::exists(reportFile)) {
            refuse("no report.json in " + info.out_dir + " (export the session again)");
            continue;
        }
        if (!fs::exists(sigFile)) {
            refuse(reportFile.string() + " is not signed (run `cinemeasure sign`)");
            continue;
        }
        std::string reportText, signatureText;
        json report, signature;
        app::VerifyResult v;
        try {
            reportText = app::readTextFile(reportFile);
            signatureText = app::readTextFile(sigFile);
            report = json::parse(reportText);
            signature = json::parse(signatureText);
            v = app::verifyReport(reportFile, sigFile, keys.dir());
        } catch (const std::exception& ex) {
            refuse(reportFile.string() + ": " + ex.what());
            continue;
        }
        if (!v.valid) {
            refuse(v.message);
            continue;
        }
        if (!v.trusted) {
            refuse(reportFile.string() + ": signed by key " + v.key_id +
                   ", which is not registered for inspector \"" + role + "\" in the registry");
            continue;
        }
        if (str(report.value("run", json::object()), "session_id") != e.session_id) {
            refuse(reportFile.string() + " belongs to another session than " + e.session_id);
            continue;
        }
        try {
            Transaction t(c);
            o.readings = writeSession(c, payload(info, e, report, reportText, signatureText,
                                                 v.key_id, store.readings(e.session_id)));
            if (hooks.beforeCommit) {
                hooks.beforeCommit(e);
            }
            t.commit();
        } catch (const RegistryError& ex) {
            // A statement the registry refused (e.g. an unregistered site) refuses this session;
            // a lost connection ends the push (the rest stays queued).
            if (ex.sqlstate().empty() || ex.sqlstate().rfind("08", 0) == 0) {
                throw;
            }
            refuse(ex.what());
            continue;
        }
        if (hooks.afterCommit) {
            hooks.afterCommit(e);
        }
        outbox.markPushed(e.session_id, where);
        o.status = PushOutcome::Status::Sent;
        outcomes.push_back(o);
    }
    return outcomes;
}

}  // namespace cm::registry
