// SPDX-License-Identifier: Apache-2.0
// One phrase for a reading's integration and averaging.
#include "app/common/present/reading_conditions.h"

#include "app/common/present/translations.h"

#include <cstdio>

namespace cm::app::present {

namespace {
std::string seconds(double s) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3g s", s);
    return buf;
}
}  // namespace

std::string readingConditions(const procedure::Reading& r, Lang lang) {
    if (r.integration_limit_s <= 0.0 && r.averages <= 1) {
        return {};
    }
    std::string out;
    auto add = [&](const std::string& part) { out += (out.empty() ? "" : ", ") + part; };
    if (r.integration_time_s > 0.0) {
        add(tr("exposure", lang) + " " + seconds(r.integration_time_s));
    }
    if (r.integration_limit_s > 0.0) {
        add(tr("ceiling raised to", lang) + " " + seconds(r.integration_limit_s));
    }
    if (r.averages > 1) {
        add(tr("mean of", lang) + " " + std::to_string(r.averages));
    }
    return out;
}

}  // namespace cm::app::present
