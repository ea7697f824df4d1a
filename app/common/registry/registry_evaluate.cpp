// SPDX-License-Identifier: Apache-2.0
// Registry re-evaluation: a server-side cursor over sessions (one snapshot), their readings
// fetched a batch at a time, each batch's sessions evaluated on a pool of threads.
#include "app/common/registry/registry_evaluate.h"

#include "app/common/registry/migrations.h"
#include "libmeasure/procedure/profile.h"
#include "libmeasure/util/json_view.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <map>
#include <thread>

namespace cm::registry {

namespace {

struct SessionRow {
    std::string uuid, site, auditorium, screen, started_utc, profile_json;
    std::vector<procedure::RecordedReading> readings;
    std::vector<app::FigureChange> changes;
    std::exception_ptr error;
};

/// Readings of a batch of sessions; a correction row replaces the reading it points at.
void loadReadings(Connection& c, std::vector<SessionRow>& batch) {
    std::string uuids = "{";
    std::map<std::string, std::size_t> at;
    for (std::size_t i = 0; i < batch.size(); ++i) {
        uuids += (i ? "," : "") + batch[i].uuid;
        at[batch[i].uuid] = i;
    }
    uuids += "}";
    const Result r = c.exec(
        "SELECT session_uuid, id, corrects, step, point, repeat, x_tristimulus, luminance_cdm2, "
        "z_tristimulus, coalesce(integration_time_s, 0), coalesce(u_luminance_rel, 0), "
        "coalesce(u_chromaticity_xy, 0), coalesce(status, 'ok'), "
        "coalesce(to_char(measured_utc AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), ''), "
        "coalesce(averages, 1), coalesce(integration_limit_s, 0) "
        "FROM readings WHERE session_uuid = ANY($1::uuid[]) ORDER BY session_uuid, seq",
        {uuids});
    std::map<std::string, std::map<long long, std::size_t>> position;  // reading id -> index
    for (int i = 0; i < r.rows(); ++i) {
        SessionRow& s = batch[at.at(r.text(i, 0))];
        procedure::RecordedReading rr;
        rr.step_id = r.text(i, 3);
        rr.point_id = r.text(i, 4);
        rr.repeat = static_cast<int>(r.integer(i, 5));
        rr.reading.xyz_cdm2 = {r.real(i, 6), r.real(i, 7), r.real(i, 8)};
        rr.reading.integration_time_s = r.real(i, 9);
        rr.reading.u_luminance_rel = r.real(i, 10);
        rr.reading.u_chromaticity_xy = r.real(i, 11);
        rr.reading.status = r.text(i, 12);
        rr.reading.timestamp_utc = r.text(i, 13);
        rr.reading.averages = static_cast<int>(r.integer(i, 14));
        rr.reading.integration_limit_s = r.real(i, 15);
        auto& pos = position[s.uuid];
        const long long id = r.integer(i, 1);
        if (!r.isNull(i, 2) && pos.count(r.integer(i, 2)) != 0) {
            const std::size_t k = pos[r.integer(i, 2)];
            s.readings[k] = rr;
            pos[id] = k;
        } else {
            pos[id] = s.readings.size();
            s.readings.push_back(rr);
        }
    }
}

void evaluateBatch(std::vector<SessionRow>& batch, const procedure::Profile& after,
                   unsigned threads) {
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i = next++; i < batch.size(); i = next++) {
            SessionRow& s = batch[i];
            try {
                const std::string what = "session " + s.uuid + " (stored profile)";
                const nlohmann::json doc = util::parseJson(s.profile_json, what);
                const procedure::Profile before =
                    procedure::parseProfile(util::JsonView(doc, what));
                s.changes = app::compareEvaluations(s.uuid, s.readings, before, after);
            } catch (...) {
                s.error = std::current_exception();
            }
        }
    };
    const unsigned n =
        std::max(1u, std::min<unsigned>(threads, static_cast<unsigned>(batch.size())));
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < n; ++t) {
        pool.emplace_back(work);
    }
    work();
    for (auto& t : pool) {
        t.join();
    }
    for (const auto& s : batch) {
        if (s.error) {
            std::rethrow_exception(s.error);
        }
    }
}

}  // namespace

RegistryEvaluation evaluateRegistry(Connection& c, const procedure::Profile& after,
                                    const std::string& after_json,
                                    const RegistryEvaluateOptions& options) {
    requireSchema(c);
    RegistryEvaluation out;
    const unsigned threads =
        options.threads != 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    Transaction t(c);
    // One snapshot for the whole run; read-only unless the committee records the results.
    c.exec(options.record ? "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"
                          : "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    std::string profileSha;
    if (options.record) {
        out.run_uuid = c.exec("SELECT gen_random_uuid()").text(0, 0);
        profileSha =
            c.exec("SELECT encode(sha256(convert_to($1, 'UTF8')), 'hex')", {after_json}).text(0, 0);
    }
    c.exec(
        "DECLARE cm_reevaluate NO SCROLL CURSOR FOR "
        "SELECT s.uuid, si.name, a.name, sc.name, "
        "to_char(s.started_utc AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), "
        "s.profile_json::text FROM sessions s JOIN screens sc ON sc.id = s.screen_id "
        "JOIN auditoriums a ON a.id = sc.auditorium_id JOIN sites si ON si.id = a.site_id "
        "WHERE ($1 = '' OR si.name = $1) ORDER BY si.name, a.name, sc.name, s.started_utc, s.uuid",
        {options.site});
    const std::string fetch = "FETCH FORWARD " +
                              std::to_string(std::max<std::size_t>(1, options.batch_sessions)) +
                              " FROM cm_reevaluate";
    for (;;) {
        const Result b = c.exec(fetch);
        if (b.rows() == 0) {
            break;
        }
        std::vector<SessionRow> batch(static_cast<std::size_t>(b.rows()));
        for (int i = 0; i < b.rows(); ++i) {
            batch[i] = {b.text(i, 0), b.text(i, 1), b.text(i, 2), b.text(i, 3), b.text(i, 4),
                        b.text(i, 5), {},           {},           nullptr};
        }
        loadReadings(c, batch);
        evaluateBatch(batch, after, threads);
        for (const auto& s : batch) {
            ++out.sessions;
            for (const auto& ch : s.changes) {
                ++out.figures;
                if (ch.changed()) {
                    out.changed.push_back(
                        {s.site, s.auditorium, s.screen, s.uuid, s.started_utc, ch});
                }
                if (options.record) {
                    c.exec(
                        "INSERT INTO reevaluations (run_uuid, session_uuid, figure_id, "
                        "profile_id, profile_sha256, value, old_limit, old_verdict, new_limit, "
                        "new_verdict) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                        {out.run_uuid, s.uuid, ch.figure_id, after.id, profileSha,
                         std::isfinite(ch.value) ? Param{num(ch.value)} : Param{}, ch.old_limit,
                         evaluation::toString(ch.old_verdict), ch.new_limit,
                         evaluation::toString(ch.new_verdict)});
                }
            }
        }
    }
    c.exec("CLOSE cm_reevaluate");
    t.commit();
    return out;
}

}  // namespace cm::registry
