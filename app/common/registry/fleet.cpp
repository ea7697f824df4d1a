// SPDX-License-Identifier: Apache-2.0
// Fleet: two queries (screens; sessions with their report verdict and the trend figure), then the
// due dates and the least-squares trend per screen; three renderings of the same rows.
#include "app/common/registry/fleet.h"

#include <cmath>
#include <cstdio>
#include <ctime>
#include <map>
#include <stdexcept>

namespace cm::registry {

namespace {

std::string fmt(const char* f, double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, f, v);
    return buf;
}

/// Display width of UTF-8 text (code points; every character here is one column wide).
std::size_t width(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char ch : s) {
        n += (ch & 0xC0) != 0x80 ? 1 : 0;
    }
    return n;
}

std::string csvField(const std::string& s) {
    if (s.find_first_of(",\"\n") == std::string::npos) {
        return s;
    }
    std::string out = "\"";
    for (char ch : s) {
        out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    }
    return out + "\"";
}

std::string optNum(const std::optional<double>& v, const char* f = "%.6g") {
    return v && std::isfinite(*v) ? fmt(f, *v) : std::string();
}

std::string projectionText(const LinearTrend& t) {
    return t.crosses_limit_unix_s ? utcDate(*t.crosses_limit_unix_s)
                                  : std::string(toString(t.projection));
}

}  // namespace

std::string utcDate(double unix_s) {
    return utcTime(unix_s).substr(0, 10);
}

std::string utcTime(double unix_s) {
    const std::time_t t = static_cast<std::time_t>(std::floor(unix_s));
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

double parseUtcDate(const std::string& date) {
    std::tm tm{};
    const char* end = strptime(date.c_str(), "%Y-%m-%d", &tm);
    if (end == nullptr || *end != '\0') {
        throw std::invalid_argument("not a date (YYYY-MM-DD): " + date);
    }
    return static_cast<double>(timegm(&tm));
}

std::string trendMethod(const std::string& figure_id) {
    return "Trend: ordinary least-squares line of " + figure_id +
           " against time in years of 365.25 days, over every signed session of the screen; "
           "U (k=2) of the slope from the residuals (3 or more sessions); projected date = "
           "where the line meets the lower limit of the latest session's profile.";
}

Fleet loadFleet(Connection& c, const FleetOptions& options) {
    Fleet fleet{options, {}};
    const Result screens = c.exec(
        "SELECT o.name, si.name, a.name, sc.name, coalesce(sc.screen_type, ''), sc.id "
        "FROM screens sc JOIN auditoriums a ON a.id = sc.auditorium_id "
        "JOIN sites si ON si.id = a.site_id JOIN organisations o ON o.id = si.organisation_id "
        "ORDER BY o.name, si.name, a.name, sc.name");
    std::map<long long, std::size_t> index;
    for (int i = 0; i < screens.rows(); ++i) {
        FleetRow r;
        r.organisation = screens.text(i, 0);
        r.site = screens.text(i, 1);
        r.auditorium = screens.text(i, 2);
        r.screen = screens.text(i, 3);
        r.screen_type = screens.text(i, 4);
        r.status = "never certified";
        index[screens.integer(i, 5)] = fleet.rows.size();
        fleet.rows.push_back(r);
    }
    // Only sessions with a signed report count as certifications.
    const Result sessions = c.exec(
        "SELECT s.screen_id, extract(epoch FROM s.started_utc)::double precision, "
        "r.overall_verdict, f.value, f.expanded_uncertainty_k2, f.limit_lower, "
        "coalesce(f.unit, '') FROM sessions s JOIN reports r ON r.session_uuid = s.uuid "
        "LEFT JOIN figures f ON f.session_uuid = s.uuid AND f.figure_id = $1 "
        "ORDER BY s.screen_id, s.started_utc, s.uuid",
        {options.figure_id});
    std::map<std::size_t, std::vector<TrendPoint>> series;
    for (int i = 0; i < sessions.rows(); ++i) {
        const auto it = index.find(sessions.integer(i, 0));
        if (it == index.end()) {
            continue;  // a session whose screen the role cannot see (not expected under RLS)
        }
        FleetRow& r = fleet.rows[it->second];
        const double t = sessions.real(i, 1);
        ++r.sessions;
        r.last_certified_utc = utcTime(t);
        r.verdict = sessions.text(i, 2);
        r.next_due_unix_s = t + options.interval_days * 86400.0;
        auto opt = [&](int col) {
            return sessions.isNull(i, col) ? std::optional<double>{}
                                           : std::optional<double>{sessions.real(i, col)};
        };
        r.value = opt(3);
        r.value_U = opt(4);
        r.lower_limit = opt(5);
        r.unit = sessions.text(i, 6);
        if (r.value) {
            series[it->second].push_back({t, *r.value});
        }
    }
    for (std::size_t i = 0; i < fleet.rows.size(); ++i) {
        FleetRow& r = fleet.rows[i];
        r.trend = fitLinearTrend(series[i], r.lower_limit);
        if (r.next_due_unix_s) {
            // Due by the end of the due date.
            r.status = options.as_of_unix_s >= parseUtcDate(utcDate(*r.next_due_unix_s)) + 86400.0
                           ? "OVERDUE"
                           : "ok";
        }
    }
    return fleet;
}

std::vector<std::vector<std::string>> fleetCells(const Fleet& f) {
    std::vector<std::vector<std::string>> cells{
        {"organisation", "site", "auditorium", "screen", "last certified", "verdict", "next due",
         "status", f.options.figure_id + " ± U (k=2)", "lower limit", "trend /year ± U (k=2)", "n",
         "falls below limit"}};
    for (const auto& r : f.rows) {
        const bool fitted =
            r.trend.points >= 2 && r.trend.projection != LinearTrend::Projection::TooFewPoints;
        std::string trend = fitted ? fmt("%+.3f", r.trend.slope_per_year) : "-";
        if (fitted && std::isfinite(r.trend.slope_U_k2)) {
            trend += " ± " + fmt("%.3f", r.trend.slope_U_k2);
        }
        cells.push_back({r.organisation, r.site, r.auditorium, r.screen,
                         r.last_certified_utc.empty() ? "-" : r.last_certified_utc.substr(0, 10),
                         r.verdict.empty() ? "-" : r.verdict,
                         r.next_due_unix_s ? utcDate(*r.next_due_unix_s) : "-", r.status,
                         r.value
                             ? fmt("%.2f", *r.value) +
                                   (r.value_U ? " ± " + fmt("%.2f", *r.value_U) : "") + " " + r.unit
                             : "-",
                         r.lower_limit ? fmt("%.2f", *r.lower_limit) : "-", trend,
                         std::to_string(r.trend.points), projectionText(r.trend)});
    }
    return cells;
}

std::string fleetTable(const Fleet& f) {
    const auto cells = fleetCells(f);
    std::vector<std::size_t> w(cells[0].size(), 0);
    for (const auto& row : cells) {
        for (std::size_t i = 0; i < row.size(); ++i) {
            w[i] = std::max(w[i], width(row[i]));
        }
    }
    std::string out;
    for (const auto& row : cells) {
        std::string line;
        for (std::size_t i = 0; i < row.size(); ++i) {
            line += row[i];
            if (i + 1 < row.size()) {
                line += std::string(w[i] - width(row[i]) + 2, ' ');
            }
        }
        out += line + "\n";
    }
    out += trendMethod(f.options.figure_id) + "\n";
    return out;
}

std::string fleetCsv(const Fleet& f) {
    std::string out =
        "organisation,site,auditorium,screen,screen_type,sessions,last_certified_utc,verdict,"
        "next_due,status,figure,value,value_U_k2,unit,lower_limit,trend_points,"
        "trend_intercept,trend_slope_per_year,trend_slope_U_k2_per_year,trend_t0_utc,"
        "projected_below_limit,projection\n";
    for (const auto& r : f.rows) {
        const bool fitted =
            r.trend.points >= 2 && r.trend.projection != LinearTrend::Projection::TooFewPoints;
        const std::vector<std::string> fields{
            r.organisation,
            r.site,
            r.auditorium,
            r.screen,
            r.screen_type,
            std::to_string(r.sessions),
            r.last_certified_utc,
            r.verdict,
            r.next_due_unix_s ? utcDate(*r.next_due_unix_s) : "",
            r.status,
            f.options.figure_id,
            optNum(r.value),
            optNum(r.value_U),
            r.unit,
            optNum(r.lower_limit),
            std::to_string(r.trend.points),
            fitted ? fmt("%.6g", r.trend.intercept) : "",
            fitted ? fmt("%.6g", r.trend.slope_per_year) : "",
            fitted && std::isfinite(r.trend.slope_U_k2) ? fmt("%.6g", r.trend.slope_U_k2) : "",
            r.trend.points > 0 ? utcTime(r.trend.t0_unix_s) : "",
            r.trend.crosses_limit_unix_s ? utcDate(*r.trend.crosses_limit_unix_s) : "",
            toString(r.trend.projection)};
        for (std::size_t i = 0; i < fields.size(); ++i) {
            out += (i ? "," : "") + csvField(fields[i]);
        }
        out += "\n";
    }
    return out;
}

nlohmann::ordered_json fleetJson(const Fleet& f) {
    using J = nlohmann::ordered_json;
    auto num = [](const std::optional<double>& v) -> J {
        return v && std::isfinite(*v) ? J(*v) : J(nullptr);
    };
    J doc;
    doc["schema"] = "cinemeasure-fleet";
    doc["version"] = 1;
    doc["as_of"] = utcDate(f.options.as_of_unix_s);
    doc["interval_days"] = f.options.interval_days;
    doc["figure"] = f.options.figure_id;
    doc["trend_method"] = trendMethod(f.options.figure_id);
    doc["screens"] = J::array();
    for (const auto& r : f.rows) {
        const bool fitted =
            r.trend.points >= 2 && r.trend.projection != LinearTrend::Projection::TooFewPoints;
        J s;
        s["organisation"] = r.organisation;
        s["site"] = r.site;
        s["auditorium"] = r.auditorium;
        s["screen"] = r.screen;
        s["screen_type"] = r.screen_type;
        s["sessions"] = r.sessions;
        s["last_certified_utc"] =
            r.last_certified_utc.empty() ? J(nullptr) : J(r.last_certified_utc);
        s["verdict"] = r.verdict.empty() ? J(nullptr) : J(r.verdict);
        s["next_due"] = r.next_due_unix_s ? J(utcDate(*r.next_due_unix_s)) : J(nullptr);
        s["status"] = r.status;
        s["value"] = num(r.value);
        s["expanded_uncertainty_k2"] = num(r.value_U);
        s["unit"] = r.unit;
        s["lower_limit"] = num(r.lower_limit);
        J t;
        t["points"] = r.trend.points;
        t["t0_utc"] = r.trend.points > 0 ? J(utcTime(r.trend.t0_unix_s)) : J(nullptr);
        t["intercept"] = fitted ? J(r.trend.intercept) : J(nullptr);
        t["slope_per_year"] = fitted ? J(r.trend.slope_per_year) : J(nullptr);
        t["slope_U_k2_per_year"] =
            fitted && std::isfinite(r.trend.slope_U_k2) ? J(r.trend.slope_U_k2) : J(nullptr);
        t["projection"] = toString(r.trend.projection);
        t["projected_below_limit"] =
            r.trend.crosses_limit_unix_s ? J(utcDate(*r.trend.crosses_limit_unix_s)) : J(nullptr);
        s["trend"] = t;
        doc["screens"].push_back(s);
    }
    return doc;
}

}  // namespace cm::registry
