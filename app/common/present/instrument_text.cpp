// SPDX-License-Identifier: Apache-2.0
// Instrument line from the report.json record: known fields first, any other non-empty ones after.
#include "app/common/present/instrument_text.h"

#include "app/common/present/translations.h"

#include <cmath>
#include <cstdio>
#include <set>

namespace cm::app::present {

namespace {

std::string text(const nlohmann::json& v) {
    if (v.is_string()) {
        return v.get<std::string>();
    }
    if (v.is_number()) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%g", v.get<double>());
        return buf;
    }
    if (v.is_boolean()) {
        return v.get<bool>() ? "yes" : "no";
    }
    return {};
}

}  // namespace

std::string instrumentLine(const nlohmann::json& in, Lang lang) {
    if (!in.is_object()) {
        return {};
    }
    std::string out;
    auto add = [&](const std::string& s) {
        if (!s.empty()) {
            out += (out.empty() ? "" : ", ") + s;
        }
    };
    auto field = [&](const char* key) { return in.contains(key) ? text(in.at(key)) : ""; };
    // Fields rendered with their own wording; everything else as "key value".
    const std::set<std::string> known = {"family", "model", "serial", "firmware",
                                         "acceptance_angle_deg"};
    add(field("model"));
    if (const auto s = field("serial"); !s.empty()) {
        add(tr("serial", lang) + " " + s);
    }
    if (const auto s = field("firmware"); !s.empty()) {
        add(tr("firmware", lang) + " " + s);
    }
    if (in.contains("acceptance_angle_deg") && in.at("acceptance_angle_deg").is_number()) {
        const double a = in.at("acceptance_angle_deg").get<double>();
        if (a > 0.0 && std::isfinite(a)) {
            char buf[32];
            std::snprintf(buf, sizeof buf, "%.1f° ", a);
            add(buf + tr("field", lang));
        }
    }
    for (const auto& [key, value] : in.items()) {
        if (known.count(key) != 0) {
            continue;
        }
        if (value.is_object()) {
            for (const auto& [k2, v2] : value.items()) {
                if (const auto s = text(v2); !s.empty()) {
                    add(key + " " + k2 + " " + s);
                }
            }
            continue;
        }
        if (const auto s = text(value); !s.empty()) {
            std::string name = key;
            for (auto& c : name) {
                c = c == '_' ? ' ' : c;
            }
            add(tr(name, lang) + " " + s);
        }
    }
    return out;
}

}  // namespace cm::app::present
