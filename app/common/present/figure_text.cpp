// SPDX-License-Identifier: Apache-2.0
// Formatting of figures: decimals from U and the limit, units, limits and verdict words.
#include "app/common/present/figure_text.h"

#include "app/common/present/translations.h"
#include "libmeasure/colorimetry/units.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace cm::app::present {

namespace {

constexpr int kMaxDecimals = 6;

/// Decimals needed to write a bound exactly, up to kMaxDecimals (0.005 → 3, 48 → 0, 3.5 → 1).
int boundDecimals(double v) {
    if (!std::isfinite(v)) {
        return 0;
    }
    for (int d = 0; d < kMaxDecimals; ++d) {
        const double scaled = v * std::pow(10.0, d);
        if (std::abs(scaled - std::round(scaled)) < 1e-6 * std::max(1.0, std::abs(scaled))) {
            return d;
        }
    }
    return kMaxDecimals;
}

/// Decimals that show U with one significant digit, two when the first is 1 or 2 (so that
/// rounding changes U by at most ~17 %).
int uncertaintyDecimals(double U) {
    const double e = std::floor(std::log10(U));
    const double lead = U / std::pow(10.0, e);
    const int sig = lead < 2.95 ? 2 : 1;
    return static_cast<int>(-e) + sig - 1;
}

/// Without U: three significant digits of the value.
int valueDecimals(double v) {
    if (!(std::abs(v) > 0.0) || !std::isfinite(v)) {
        return 2;
    }
    return static_cast<int>(2 - std::floor(std::log10(std::abs(v))));
}

}  // namespace

Lang parseLang(const std::string& name) {
    if (name.empty() || name == "en" || name == "en_US" || name == "C") {
        return Lang::En;
    }
    if (name == "zh_CN" || name == "zh-CN" || name == "zh") {
        return Lang::ZhCN;
    }
    throw std::invalid_argument("unknown language '" + name + "' (use en or zh_CN)");
}

const char* toString(Lang lang) {
    return lang == Lang::ZhCN ? "zh_CN" : "en";
}

std::string formatFixed(double v, int decimals) {
    if (!std::isfinite(v)) {
        return "—";
    }
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", std::clamp(decimals, 0, 9), v);
    std::string s = buf;
    if (s.size() > 1 && s[0] == '-' && s.find_first_not_of("-0.") == std::string::npos) {
        s.erase(0, 1);  // "-0.00" is 0 at this precision
    }
    return s;
}

std::string formatBound(double v) {
    return formatFixed(v, boundDecimals(v));
}

int decimalsFor(double value, double U, const evaluation::Tolerance& t, const std::string& unit) {
    int d = (std::isfinite(U) && U > 0.0) ? uncertaintyDecimals(U) : valueDecimals(value);
    for (const auto& b : {t.target, t.lower, t.upper}) {
        if (b) {
            d = std::max(d, boundDecimals(*b));
        }
    }
    if (unit == "xy" || unit == "u'v'") {
        d = std::max(d, 4);  // chromaticity is always read to 4 decimals in the standards
    }
    return std::clamp(d, 0, kMaxDecimals);
}

std::string unitText(const std::string& unit) {
    if (unit == "cd/m2") {
        return "cd/m²";
    }
    if (unit == "ratio") {
        return ":1";
    }
    if (unit == "%") {
        return "%";
    }
    return "";
}

namespace {
std::string withUnit(const std::string& number, const std::string& unit) {
    const std::string u = unitText(unit);
    if (u.empty()) {
        return number;
    }
    return u == ":1" ? number + u : number + " " + u;
}
}  // namespace

std::string limitText(const evaluation::Tolerance& t, const std::string& unit, Lang lang) {
    if (t.target && t.lower && t.upper) {
        const double minus = *t.target - *t.lower;
        const double plus = *t.upper - *t.target;
        if (std::abs(minus - plus) <= 1e-9 * std::max(1.0, std::abs(*t.target))) {
            return withUnit(formatBound(*t.target) + " ± " + formatBound(plus), unit);
        }
        return withUnit(
            formatBound(*t.target) + " +" + formatBound(plus) + "/−" + formatBound(minus), unit);
    }
    if (t.lower && t.upper) {
        return withUnit(formatBound(*t.lower) + " … " + formatBound(*t.upper), unit);
    }
    if (t.lower) {
        return "≥ " + withUnit(formatBound(*t.lower), unit);
    }
    if (t.upper) {
        return "≤ " + withUnit(formatBound(*t.upper), unit);
    }
    return lang == Lang::ZhCN ? "无限值" : "no limit";
}

std::string verdictWord(evaluation::Verdict v, bool informative, Lang lang) {
    const bool zh = lang == Lang::ZhCN;
    if (informative) {
        return zh ? "参考" : "info";
    }
    switch (v) {
        case evaluation::Verdict::Pass:
            return zh ? "合格" : "PASS";
        case evaluation::Verdict::Fail:
            return zh ? "不合格" : "FAIL";
        case evaluation::Verdict::ConditionalPass:
            return zh ? "有条件合格" : "CONDITIONAL PASS";
        case evaluation::Verdict::ConditionalFail:
            return zh ? "有条件不合格" : "CONDITIONAL FAIL";
        case evaluation::Verdict::NotEvaluated:
            break;
    }
    return zh ? "未评定" : "NOT EVALUATED";
}

std::string figureLabel(const procedure::FigureSpec& spec, Lang lang) {
    return lang == Lang::ZhCN ? translateLabel(spec.label) : spec.label;
}

FigureText formatFigure(const evaluation::FigureResult& f, Lang lang) {
    FigureText out;
    const auto& t = f.spec.tolerance;
    out.label = figureLabel(f.spec, lang) + (t.provisional ? " †" : "") +
                (t.informative ? " (i)" : "") + (f.straddles_limit ? " ~" : "");
    out.decimals = decimalsFor(f.value, f.expanded_uncertainty, t, f.spec.unit);
    out.unit = unitText(f.spec.unit);
    out.value = formatFixed(f.value, out.decimals);
    const bool haveU = std::isfinite(f.value) && std::isfinite(f.expanded_uncertainty) &&
                       f.expanded_uncertainty > 0.0;
    out.uncertainty = haveU ? formatFixed(f.expanded_uncertainty, out.decimals) : "";
    if (!std::isfinite(f.value)) {
        out.value_u = "—";
    } else {
        const std::string n = haveU ? out.value + " ± " + out.uncertainty : out.value;
        out.value_u = out.unit == ":1"
                          ? (haveU ? out.value + ":1 ± " + out.uncertainty : out.value + ":1")
                          : withUnit(n, f.spec.unit);
        if (f.spec.unit == "cd/m2") {
            out.value_fl =
                "(" +
                formatFixed(colorimetry::cdm2ToFootLambert(f.value), std::max(out.decimals, 2)) +
                " fL)";
        }
    }
    out.limit = limitText(t, f.spec.unit, lang);
    out.verdict = verdictWord(f.verdict, t.informative, lang);
    return out;
}

}  // namespace cm::app::present
