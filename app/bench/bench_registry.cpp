// SPDX-License-Identifier: Apache-2.0
// Registry benchmarks against a real PostgreSQL: push's session writes against a COPY of the same
// rows, and registry re-evaluation against a plain read of the same rows, at two sizes so the
// growth shows. Needs $CINEMEASURE_BENCH_REGISTRY (a superuser connection string of a scratch
// server); scripts/bench-registry.sh starts one. Rows: 100 readings per session.
#include "app/bench/bench.h"
#include "app/common/data_paths.h"
#include "app/common/profile_catalog.h"
#include "app/common/registry/admin.h"
#include "app/common/registry/migrations.h"
#include "app/common/registry/push.h"
#include "app/common/registry/registry_evaluate.h"

#include <unistd.h>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <map>
#include <memory>
#include <random>

namespace cm::bench {
namespace {

using registry::Connection;
constexpr std::size_t kReadingsPerSession = 100;

double seconds(const std::function<void()>& f) {
    const auto t0 = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

std::size_t baseSessions() {
    const char* e = std::getenv("CINEMEASURE_BENCH_REGISTRY_SESSIONS");
    const long n = e ? std::atol(e) : 1000;
    return static_cast<std::size_t>(std::max(10L, n));
}

/// COPY text format: backslash, tab, newline and carriage return escaped.
std::string copyText(const std::string& s) {
    std::string out;
    for (char ch : s) {
        switch (ch) {
            case '\\':
                out += "\\\\";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            default:
                out += ch;
        }
    }
    return out;
}

std::string uuidFor(std::size_t kind, std::size_t size, std::size_t i) {
    char b[96];
    std::snprintf(b, sizeof b, "%08zx-%04zx-4000-8000-%012zx", kind & 0xFFFFFFFFu, size % 0xFFFF,
                  i & 0xFFFFFFFFFFFFu);
    return b;
}

/// A scratch database with one inspector and one committee member, dropped at exit.
struct BenchRegistry {
    std::string server, db, inspector, committee;
    std::string profile_id, profile_json;
    std::vector<std::pair<std::string, std::vector<std::string>>> steps;  // step -> points
    std::map<std::size_t, bool> pushed;

    static BenchRegistry* get() {
        static std::unique_ptr<BenchRegistry> r = [] {
            const char* url = std::getenv("CINEMEASURE_BENCH_REGISTRY");
            if (!url || !*url) {
                std::fprintf(stderr,
                             "registry benchmarks need $CINEMEASURE_BENCH_REGISTRY (a superuser "
                             "connection string); scripts/bench-registry.sh starts a scratch "
                             "server and sets it\n");
                return std::unique_ptr<BenchRegistry>();
            }
            auto b = std::make_unique<BenchRegistry>();
            b->server = url;
            b->setUp();
            return b;
        }();
        return r.get();
    }
    std::string url(const std::string& role) const {
        return server + " dbname=" + db + " user=" + role;
    }
    void setUp() {
        const std::string pid = std::to_string(::getpid());
        db = "cm_bench_" + pid;
        inspector = "cm_bench_insp_" + pid;
        committee = "cm_bench_com_" + pid;
        Connection admin(server);
        admin.exec("DROP DATABASE IF EXISTS " + db);
        admin.exec("CREATE DATABASE " + db);
        Connection c(server + " dbname=" + db);
        registry::migrate(c);
        registry::addOrganisation(c, "Bench chain", "chain");
        registry::addOrganisation(c, "Bench inspectorate", "inspection_body");
        registry::addOrganisation(c, "Bench committee", "committee");
        registry::addMember(c, inspector, "Bench inspectorate", "inspector", "bench");
        registry::addMember(c, committee, "Bench committee", "committee", "bench");
        c.exec(
            "INSERT INTO inspector_keys (key_id, db_role, public_key_hex) VALUES ('benchkey', "
            "$1, repeat('cd', 32))",
            {inspector});
        profile_id = "st431-1-theatre";
        profile_json = app::readTextFile(app::findProfileFile(profile_id));
        const auto doc = nlohmann::json::parse(profile_json);
        for (const auto& s : doc["steps"]) {
            std::vector<std::string> pts;
            for (const auto& p : s.value("points", nlohmann::json::array())) {
                pts.push_back(p.get<std::string>());
            }
            if (pts.empty()) {
                pts.push_back("C");
            }
            steps.emplace_back(s["id"].get<std::string>(), pts);
        }
    }
    ~BenchRegistry() {
        try {
            Connection admin(server);
            admin.exec("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
        } catch (const std::exception&) {
            // The scratch server is thrown away anyway.
        }
    }
    void site(const std::string& name) {
        Connection c(server + " dbname=" + db);
        registry::addSite(c, "Bench chain", name);
    }
    /// 100 readings cycling over the profile's steps and points, luminance near 48 cd/m².
    std::vector<procedure::RecordedReading> readings(std::mt19937_64& rng) const {
        std::normal_distribution<double> noise(0.0, 0.5);
        std::vector<procedure::RecordedReading> out;
        std::size_t k = 0;
        while (out.size() < kReadingsPerSession) {
            for (const auto& [step, pts] : steps) {
                for (const auto& p : pts) {
                    if (out.size() == kReadingsPerSession) {
                        break;
                    }
                    procedure::RecordedReading r;
                    r.step_id = step;
                    r.point_id = p;
                    r.repeat = static_cast<int>(k / 64);
                    r.reading.xyz_cdm2 = {45 + noise(rng), 48 + noise(rng), 52 + noise(rng)};
                    r.reading.integration_time_s = 0.04;
                    r.reading.u_luminance_rel = 0.005;
                    r.reading.u_chromaticity_xy = 0.0005;
                    r.reading.instrument = {"virtual", "Virtual spot meter", "VSM-1", "1", 1.0, "", ""};
                    out.push_back(r);
                    ++k;
                }
            }
        }
        return out;
    }
};

std::string pushSite(std::size_t n) {
    return "Bench push " + std::to_string(n);
}

/// Push's write path (writeSession, one transaction per session) against one COPY of the same
/// session and reading rows.
std::pair<double, double> pushVsCopy(std::size_t n) {
    BenchRegistry* b = BenchRegistry::get();
    if (!b) {
        return {std::nan(""), std::nan("")};
    }
    b->site(pushSite(n));
    b->site("Bench copy " + std::to_string(n));
    std::mt19937_64 rng(n);
    std::vector<registry::SessionPayload> payloads(n);
    for (std::size_t i = 0; i < n; ++i) {
        auto& p = payloads[i];
        p.session_uuid = uuidFor(1, n, i);
        p.journal_id = "bench-" + std::to_string(i);
        p.profile_id = b->profile_id;
        p.profile_json = b->profile_json;
        p.status = "complete";
        p.started_utc = "2026-01-01T00:00:00Z";
        p.site = pushSite(n);
        p.auditorium = "Aud " + std::to_string(i % 20);
        p.screen_type = "projector";
        p.readings = b->readings(rng);
        p.report_text = "{}";
        p.overall_verdict = "PASS";
        p.signature_text = "{}";
        p.key_id = "benchkey";
    }
    Connection insp(b->url(b->inspector));
    const double work = seconds([&] {
        for (const auto& p : payloads) {
            registry::Transaction t(insp);
            registry::writeSession(insp, p);
            t.commit();
        }
    });
    // The floor: the same rows through COPY, as the owner, in one transaction.
    Connection admin(b->url("postgres"));
    const std::string screen =
        admin
            .exec("SELECT cm_resolve_screen($1, 'Aud 0', 'projector', NULL, NULL)",
                  {"Bench copy " + std::to_string(n)})
            .text(0, 0);
    const std::string instrument =
        admin.exec("SELECT cm_instrument_id('virtual', 'Virtual spot meter', 'VSM-1', '1', 1)")
            .text(0, 0);
    std::string sessions, readings;
    const std::string profile = copyText(b->profile_json);
    for (std::size_t i = 0; i < n; ++i) {
        const auto& p = payloads[i];
        const std::string uuid = uuidFor(2, n, i);
        sessions += uuid + '\t' + p.journal_id + '\t' + b->inspector + '\t' + screen + '\t' +
                    p.profile_id + '\t' + profile + "\tcomplete\t2026-01-01T00:00:00Z\n";
        std::size_t seq = 0;
        for (const auto& r : p.readings) {
            readings +=
                uuid + '\t' + std::to_string(++seq) + '\t' + r.step_id + '\t' + r.point_id + '\t' +
                std::to_string(r.repeat) + '\t' + registry::num(r.reading.xyz_cdm2.X) + '\t' +
                registry::num(r.reading.xyz_cdm2.Y) + '\t' + registry::num(r.reading.xyz_cdm2.Z) +
                "\t0.04\tok\t" + instrument + "\t0.005\t0.0005\n";
        }
    }
    const double floor = seconds([&] {
        registry::Transaction t(admin);
        admin.copyIn(
            "COPY sessions (uuid, journal_id, inspector_role, screen_id, profile_id, "
            "profile_json, status, started_utc) FROM STDIN",
            sessions);
        admin.copyIn(
            "COPY readings (session_uuid, seq, step, point, repeat, x_tristimulus, "
            "luminance_cdm2, z_tristimulus, integration_time_s, status, instrument_id, "
            "u_luminance_rel, u_chromaticity_xy) FROM STDIN",
            readings);
        t.commit();
    });
    b->pushed[n] = true;
    return {work, floor};
}

/// Registry re-evaluation of the n pushed sessions against a plain read of the same rows.
std::pair<double, double> evaluateVsRead(std::size_t n) {
    BenchRegistry* b = BenchRegistry::get();
    if (!b) {
        return {std::nan(""), std::nan("")};
    }
    if (!b->pushed[n]) {
        pushVsCopy(n);
    }
    Connection com(b->url(b->committee));
    const auto profile = app::findProfile(b->profile_id);
    registry::RegistryEvaluateOptions o;
    o.site = pushSite(n);
    std::size_t evaluated = 0;
    const double work = seconds(
        [&] { evaluated = registry::evaluateRegistry(com, profile, b->profile_json, o).sessions; });
    if (evaluated != n) {
        std::fprintf(stderr, "registry bench: evaluated %zu of %zu sessions\n", evaluated, n);
    }
    const double floor = seconds([&] {
        const auto s = com.exec(
            "SELECT s.uuid, s.profile_json::text FROM sessions s JOIN screens sc ON sc.id = "
            "s.screen_id JOIN auditoriums a ON a.id = sc.auditorium_id JOIN sites si ON si.id = "
            "a.site_id WHERE si.name = $1",
            {o.site});
        const auto r = com.exec(
            "SELECT r.session_uuid, r.id, r.corrects, r.step, r.point, r.repeat, "
            "r.x_tristimulus, r.luminance_cdm2, r.z_tristimulus, r.integration_time_s, "
            "r.u_luminance_rel, r.u_chromaticity_xy, r.status FROM readings r JOIN sessions s ON "
            "s.uuid = r.session_uuid JOIN screens sc ON sc.id = s.screen_id JOIN auditoriums a ON "
            "a.id = sc.auditorium_id JOIN sites si ON si.id = a.site_id WHERE si.name = $1",
            {o.site});
        doNotOptimise(s.rows() + r.rows());
    });
    return {work, floor};
}

std::string sizeName(const char* what, std::size_t n) {
    return std::string(what) + " " + std::to_string(n) + " sessions x " +
           std::to_string(kReadingsPerSession) + " readings";
}

Benchmark pushBench(std::size_t divisor) {
    const std::size_t n = baseSessions() / divisor;
    Benchmark bm;
    bm.area = "registry";
    bm.name = sizeName("push", n);
    bm.floor_name = "COPY of the same rows";
    bm.once = [n] { return pushVsCopy(n); };
    bm.detail = [n](double s) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "(%.0f sessions/s)", static_cast<double>(n) / s);
        return std::string(buf);
    };
    return bm;
}

Benchmark evaluateBench(std::size_t divisor) {
    const std::size_t n = baseSessions() / divisor;
    Benchmark bm;
    bm.area = "registry";
    bm.name = sizeName("evaluate", n);
    bm.floor_name = "plain read of the same rows";
    bm.once = [n] { return evaluateVsRead(n); };
    bm.detail = [n](double s) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "(%.0f sessions/s)", static_cast<double>(n) / s);
        return std::string(buf);
    };
    return bm;
}

const Registrar kPushSmall(pushBench(10));
const Registrar kPushLarge(pushBench(1));
const Registrar kEvaluateSmall(evaluateBench(10));
const Registrar kEvaluateLarge(evaluateBench(1));

}  // namespace
}  // namespace cm::bench
