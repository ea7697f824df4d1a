// SPDX-License-Identifier: Apache-2.0
// `cinemeasure fleet` on known data: due dates, verdicts and a centre-luminance trend whose
// least-squares numbers are worked out by hand below; chains see only their own screens.
#include "app/common/registry/admin.h"
#include "app/common/registry/luminance_trend.h"
#include "tests/app/cli_run.h"
#include "tests/app/registry/pg_test_server.h"

#include <unistd.h>
#include <cmath>
#include <limits>

using cm::registry::Connection;
using cm::test::cli;

namespace {

constexpr double kExact = 1e-9;  // values that are exact in the hand calculation
constexpr double kHand = 5e-7;   // values rounded to 7 digits by hand

std::string role(const std::string& base) {
    return base + "_" + std::to_string(::getpid());
}

/// Stores one certified session as push would (admin connection: the fixture plays inspector).
void certified(Connection& admin, const std::string& inspector, const std::string& site,
               const std::string& auditorium, const std::string& uuid, const std::string& when,
               double centre_cdm2, const std::string& verdict) {
    const std::string screen =
        admin.exec("SELECT cm_resolve_screen($1, $2, 'projector', 12, 5)", {site, auditorium})
            .text(0, 0);
    admin.exec(
        "INSERT INTO sessions (uuid, journal_id, inspector_role, screen_id, profile_id, "
        "profile_json, status, started_utc) VALUES ($1, $5, $2, $3, 'st431-1-review', '{}', "
        "'complete', $4)",
        {uuid, inspector, screen, when, "journal-" + uuid.substr(uuid.size() - 1)});
    admin.exec(
        "INSERT INTO figures (session_uuid, figure_id, label, metric, unit, value, "
        "expanded_uncertainty_k2, limit_lower, limit_upper, limit_text, verdict) VALUES ($1, "
        "'centre_luminance', 'Centre luminance', 'luminance', 'cd/m2', $2, 0.45, 44.5, 51.5, "
        "'48 ± 3.5', $3)",
        {uuid, cm::registry::num(centre_cdm2), verdict});
    admin.exec(
        "INSERT INTO reports (session_uuid, report_text, report_sha256, overall_verdict, "
        "signature_json, key_id) VALUES ($1, '{}', '', $2, '{}', 'fleetkey')",
        {uuid, verdict});
}

struct FleetData {
    cm::test::PgTestDatabase db{"fleet"};
    std::string inspector = role("insp_f"), chainA = role("chain_fa"), committee = role("com_f");
    FleetData() {
        Connection a(db.url());
        cm::registry::addOrganisation(a, "Chain A", "chain");
        cm::registry::addOrganisation(a, "Chain B", "chain");
        cm::registry::addOrganisation(a, "Inspectorate", "inspection_body");
        cm::registry::addOrganisation(a, "Committee", "committee");
        cm::registry::addSite(a, "Chain A", "Cinema One");
        cm::registry::addSite(a, "Chain B", "Cinema Two");
        cm::registry::addMember(a, inspector, "Inspectorate", "inspector", "Inspector");
        cm::registry::addMember(a, chainA, "Chain A", "chain", "Chain A");
        cm::registry::addMember(a, committee, "Committee", "committee", "Committee");
        a.exec(
            "INSERT INTO inspector_keys (key_id, db_role, public_key_hex) VALUES ('fleetkey', "
            "$1, repeat('ab', 32))",
            {inspector});
        // Aud 1: four yearly sessions exactly 365.25 days apart, so x = 0, 1, 2, 3 years.
        certified(a, inspector, "Cinema One", "Aud 1", "00000000-0000-4000-8000-000000000001",
                  "2022-01-01T00:00:00Z", 52.0, "PASS");
        certified(a, inspector, "Cinema One", "Aud 1", "00000000-0000-4000-8000-000000000002",
                  "2023-01-01T06:00:00Z", 50.5, "PASS");
        certified(a, inspector, "Cinema One", "Aud 1", "00000000-0000-4000-8000-000000000003",
                  "2024-01-01T12:00:00Z", 49.5, "PASS");
        certified(a, inspector, "Cinema One", "Aud 1", "00000000-0000-4000-8000-000000000004",
                  "2024-12-31T18:00:00Z", 48.0, "PASS");
        // Aud 2: one failing session; Aud 3: registered, never certified.
        certified(a, inspector, "Cinema One", "Aud 2", "00000000-0000-4000-8000-000000000005",
                  "2025-06-15T10:00:00Z", 43.0, "FAIL");
        a.exec("SELECT cm_resolve_screen('Cinema One', 'Aud 3', 'led', NULL, NULL)");
        // Chain B's screen: never visible to chain A.
        certified(a, inspector, "Cinema Two", "Aud 1", "00000000-0000-4000-8000-000000000006",
                  "2025-02-01T00:00:00Z", 47.0, "PASS");
    }
};

std::string slurp(const std::filesystem::path& f) {
    std::ifstream in(f, std::ios::binary);
    REQUIRE(in);
    return std::string((std::istreambuf_iterator<char>(in)), {});
}

}  // namespace

// Hand calculation for Cinema One / Aud 1 (x in years, y in cd/m²):
//   x = 0, 1, 2, 3; y = 52.0, 50.5, 49.5, 48.0; x̄ = 1.5, ȳ = 50.0
//   Sxx = 2.25 + 0.25 + 0.25 + 2.25 = 5
//   Sxy = (−1.5)(2.0) + (−0.5)(0.5) + (0.5)(−0.5) + (1.5)(−2.0) = −6.5
//   slope b = −6.5 / 5 = −1.3 cd/m² per year; intercept a = 50 + 1.3·1.5 = 51.95
//   residuals 0.05, −0.15, 0.15, −0.05 → Σr² = 0.05; s² = 0.05 / 2 = 0.025
//   U(b) = 2·√(0.025 / 5) = 2·√0.005 = 0.1414214
//   limit 44.5: x* = (44.5 − 51.95) / (−1.3) = 5.7307692 years = 2093.16 days after 2022-01-01
//   2022-01-01 + 2093 days = 2027-09-25 (1826 days to 2027-01-01, then 267 more).
//   Next due: 2024-12-31 + 365 days = 2025-12-31; on 2026-03-01 that is overdue.
TEST_CASE("least-squares trend: hand-worked numbers and edge cases", "[registry]") {
    const double t0 = 1640995200.0;  // 2022-01-01T00:00:00Z
    std::vector<cm::registry::TrendPoint> pts;
    const double ys[] = {52.0, 50.5, 49.5, 48.0};
    for (int i = 3; i >= 0; --i) {  // any order
        pts.push_back({t0 + i * cm::registry::kYear_s, ys[i]});
    }
    const auto t = cm::registry::fitLinearTrend(pts, 44.5);
    CHECK(t.points == 4);
    CHECK(t.slope_per_year == Approx(-1.3).margin(kExact));
    CHECK(t.intercept == Approx(51.95).margin(kExact));
    CHECK(t.slope_U_k2 == Approx(0.1414214).margin(kHand));
    REQUIRE(t.crosses_limit_unix_s);
    CHECK((*t.crosses_limit_unix_s - t0) / cm::registry::kYear_s ==
          Approx(5.7307692).margin(kHand));

    using P = cm::registry::LinearTrend::Projection;
    CHECK(cm::registry::fitLinearTrend({}, 44.5).projection == P::TooFewPoints);
    CHECK(cm::registry::fitLinearTrend({{t0, 50.0}}, 44.5).projection == P::TooFewPoints);
    CHECK(cm::registry::fitLinearTrend({{t0, 50.0}, {t0, 49.0}}, 44.5).projection ==
          P::TooFewPoints);
    const auto two = cm::registry::fitLinearTrend({{t0, 50.0}, {t0 + cm::registry::kYear_s, 49.0}},
                                                  std::nullopt);
    CHECK(two.projection == P::NoLimit);
    CHECK(two.slope_per_year == Approx(-1.0).margin(kExact));
    CHECK(std::isnan(two.slope_U_k2));  // no residual degrees of freedom
    CHECK(cm::registry::fitLinearTrend({{t0, 50.0}, {t0 + 1e7, 51.0}}, 44.5).projection ==
          P::NotFalling);
    CHECK(cm::registry::fitLinearTrend({{t0, 46.0}, {t0 + 1e7, 44.0}}, 44.5).projection ==
          P::AlreadyBelow);
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const auto withNan = cm::registry::fitLinearTrend(
        {{t0, 50.0}, {t0 + cm::registry::kYear_s, nan}, {t0 + 2 * cm::registry::kYear_s, 48.0}},
        44.5);
    CHECK(withNan.points == 2);
    CHECK(withNan.slope_per_year == Approx(-1.0).margin(kExact));
}

TEST_CASE("fleet on known data: due dates, verdicts, hand-worked trend, chain sees own screens",
          "[registry]") {
    FleetData d;
    const std::string args = " --as-of 2026-03-01 --interval-days 365";
    const auto json = cli("fleet --registry '" + d.db.url(d.chainA) + "' --format json" + args);
    INFO(json.output);
    REQUIRE(json.exit_code == 0);
    const auto doc = nlohmann::json::parse(json.output);
    REQUIRE(doc["screens"].size() == 3);  // Chain B's screen is not there
    for (const auto& s : doc["screens"]) {
        CHECK(s["organisation"] == "Chain A");
    }
    const auto& a1 = doc["screens"][0];
    CHECK(a1["auditorium"] == "Aud 1");
    CHECK(a1["sessions"] == 4);
    CHECK(a1["last_certified_utc"] == "2024-12-31T18:00:00Z");
    CHECK(a1["verdict"] == "PASS");
    CHECK(a1["next_due"] == "2025-12-31");
    CHECK(a1["status"] == "OVERDUE");
    CHECK(a1["value"].get<double>() == Approx(48.0).margin(kExact));
    CHECK(a1["lower_limit"].get<double>() == Approx(44.5).margin(kExact));
    CHECK(a1["trend"]["points"] == 4);
    CHECK(a1["trend"]["slope_per_year"].get<double>() == Approx(-1.3).margin(kExact));
    CHECK(a1["trend"]["intercept"].get<double>() == Approx(51.95).margin(kExact));
    CHECK(a1["trend"]["slope_U_k2_per_year"].get<double>() == Approx(0.1414214).margin(kHand));
    CHECK(a1["trend"]["projected_below_limit"] == "2027-09-25");
    const auto& a2 = doc["screens"][1];
    CHECK(a2["verdict"] == "FAIL");
    CHECK(a2["next_due"] == "2026-06-15");
    CHECK(a2["status"] == "ok");
    CHECK(a2["trend"]["projection"] == "too few points");
    const auto& a3 = doc["screens"][2];
    CHECK(a3["status"] == "never certified");
    CHECK(a3["last_certified_utc"].is_null());

    // CSV and table against golden files (the numbers above, rendered).
    const auto csv = cli("fleet --registry '" + d.db.url(d.chainA) + "' --format csv" + args);
    REQUIRE(csv.exit_code == 0);
    CHECK(csv.output ==
          slurp(std::string(CINEMEASURE_TEST_DATA_DIR) + "/registry/fleet_chain_a.csv"));
    const auto table = cli("fleet --registry '" + d.db.url(d.chainA) + "'" + args);
    REQUIRE(table.exit_code == 0);
    CHECK(table.output ==
          slurp(std::string(CINEMEASURE_TEST_DATA_DIR) + "/registry/fleet_chain_a.txt"));

    // The committee sees every chain.
    const auto all = cli("fleet --registry '" + d.db.url(d.committee) + "' --format json" + args);
    REQUIRE(all.exit_code == 0);
    CHECK(nlohmann::json::parse(all.output)["screens"].size() == 4);

    // Bad input: one line each.
    auto r = cli("fleet --registry '" + d.db.url(d.chainA) + "' --as-of yesterday");
    CHECK(r.exit_code == 2);
    CHECK(r.output.find("--as-of: not a date") != std::string::npos);
}
