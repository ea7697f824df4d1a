// SPDX-License-Identifier: Apache-2.0
// `cinemeasure fleet`: per site and screen the last certification, its verdict, the next due
// date and a figure's trend over the years, read from the registry under the caller's RLS.
#pragma once

#include "app/common/registry/luminance_trend.h"
#include "app/common/registry/pg.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace cm::registry {

struct FleetOptions {
    std::string figure_id = "centre_luminance";  ///< the figure whose trend is fitted
    int interval_days = 365;                     ///< certification interval: next due = last + this
    double as_of_unix_s = 0.0;                   ///< "today" for the due status
};

struct FleetRow {
    std::string organisation, site, auditorium, screen, screen_type;
    std::size_t sessions = 0;
    std::string last_certified_utc;  ///< empty: never certified
    std::string verdict;             ///< overall verdict of the last signed report
    std::optional<double> next_due_unix_s;
    std::string status;  ///< "ok", "OVERDUE" or "never certified"
    /// The figure in the last session: value, U (k = 2), the lower limit it was judged by.
    std::optional<double> value, value_U, lower_limit;
    std::string unit;
    LinearTrend trend;  ///< over every session of the screen that has the figure
};

struct Fleet {
    FleetOptions options;
    std::vector<FleetRow> rows;
};

/// Reads every screen the connection's role may see. Throws RegistryError.
Fleet loadFleet(Connection& c, const FleetOptions& options);

/// One line saying how the trend and the projection are computed (printed under every table).
std::string trendMethod(const std::string& figure_id);

/// The table's cells as text, header row first (the CLI table and the GUI page show these).
std::vector<std::vector<std::string>> fleetCells(const Fleet& f);
std::string fleetTable(const Fleet& f);
std::string fleetCsv(const Fleet& f);
nlohmann::ordered_json fleetJson(const Fleet& f);

/// "YYYY-MM-DD" / "YYYY-MM-DDTHH:MM:SSZ" of seconds since 1970 (UTC).
std::string utcDate(double unix_s);
std::string utcTime(double unix_s);
/// Parses "YYYY-MM-DD" as midnight UTC; throws std::invalid_argument.
double parseUtcDate(const std::string& date);

}  // namespace cm::registry
