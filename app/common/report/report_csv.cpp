// SPDX-License-Identifier: Apache-2.0
// CSV rendering: figures and readings in one table, numbers at full precision (the PDF rounds).
#include "app/common/report/report_csv.h"

#include "app/common/present/translations.h"

#include <cmath>
#include <cstdio>
#include <sstream>
#include <vector>

namespace cm::app {

namespace {
std::string quoted(const std::string& s) {
    if (s.find_first_of(",\"\n") == std::string::npos) {
        return s;
    }
    std::string out = "\"";
    for (char c : s) {
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    }
    return out + "\"";
}
std::string num(double v, const char* fmt) {
    if (!std::isfinite(v)) {
        return "";
    }
    char buf[48];
    std::snprintf(buf, sizeof buf, fmt, v);
    return buf;
}
std::string opt(const std::optional<double>& v) {
    return v ? num(*v, "%.6g") : "";
}

// Column keys; the header prints them translated where a translation exists.
const std::vector<std::string> kColumns = {"record",
                                           "id",
                                           "label",
                                           "step",
                                           "point",
                                           "repeat",
                                           "timestamp_utc",
                                           "X",
                                           "Y",
                                           "Z",
                                           "luminance_cdm2",
                                           "u_luminance_cdm2_k1",
                                           "x",
                                           "y",
                                           "u_prime",
                                           "v_prime",
                                           "u_xy_k1",
                                           "integration_time_s",
                                           "instrument_model",
                                           "instrument_serial",
                                           "correction",
                                           "value",
                                           "expanded_uncertainty_k2",
                                           "unit",
                                           "limit_target",
                                           "limit_lower",
                                           "limit_upper",
                                           "limit",
                                           "verdict",
                                           "verdict_code",
                                           "source",
                                           "provisional",
                                           "informative"};

std::string header(present::Lang lang) {
    static const std::vector<std::pair<std::string, std::string>> zh = {
        {"record", "记录"},
        {"label", "项目"},
        {"step", "步骤"},
        {"point", "测点"},
        {"repeat", "次"},
        {"value", "测量值"},
        {"limit", "限值"},
        {"verdict", "结论"},
        {"source", "依据"},
        {"unit", "单位"},
        {"timestamp_utc", "时间_utc"}};
    std::string out;
    for (std::size_t i = 0; i < kColumns.size(); ++i) {
        std::string name = kColumns[i];
        if (lang == present::Lang::ZhCN) {
            for (const auto& [k, v] : zh) {
                if (k == name) {
                    name = v;
                }
            }
        }
        out += (i ? "," : "") + name;
    }
    return out + "\n";
}

}  // namespace

std::string reportCsv(const report::CertificationReport& r, present::Lang lang) {
    std::ostringstream os;
    os << header(lang);
    for (const auto& f : r.evaluation.figures) {
        const auto& t = f.spec.tolerance;
        const auto ft = present::formatFigure(f, lang);
        std::vector<std::string> c(kColumns.size());
        c[0] = "figure";
        c[1] = quoted(f.spec.id);
        c[2] = quoted(present::figureLabel(f.spec, lang));
        c[3] = quoted(f.spec.step);
        c[4] = quoted(f.spec.point);
        c[21] = num(f.value, "%.6g");
        c[22] = num(f.expanded_uncertainty, "%.3g");
        c[23] = quoted(f.spec.unit);
        c[24] = opt(t.target);
        c[25] = opt(t.lower);
        c[26] = opt(t.upper);
        c[27] = quoted(ft.limit);
        c[28] = quoted(ft.verdict);
        c[29] = t.informative ? "INFO" : evaluation::toString(f.verdict);
        c[30] = quoted(t.source);
        c[31] = t.provisional ? "true" : "false";
        c[32] = t.informative ? "true" : "false";
        for (std::size_t i = 0; i < c.size(); ++i) {
            os << (i ? "," : "") << c[i];
        }
        os << '\n';
    }
    for (const auto& rr : r.readings) {
        const auto& xyz = rr.reading.xyz_cdm2;
        const auto xy = colorimetry::toXY(xyz);
        const auto uv = colorimetry::toUV(xyz);
        std::vector<std::string> c(kColumns.size());
        c[0] = "reading";
        c[3] = quoted(rr.step_id);
        c[4] = quoted(rr.point_id);
        c[5] = std::to_string(rr.repeat);
        c[6] = rr.reading.timestamp_utc;
        c[7] = num(xyz.X, "%.6g");
        c[8] = num(xyz.Y, "%.6g");
        c[9] = num(xyz.Z, "%.6g");
        c[10] = num(xyz.Y, "%.6g");
        c[11] =
            rr.reading.u_luminance_rel > 0 ? num(rr.reading.u_luminance_rel * xyz.Y, "%.3g") : "";
        c[12] = num(xy.x, "%.5f");
        c[13] = num(xy.y, "%.5f");
        c[14] = num(uv.u_prime, "%.5f");
        c[15] = num(uv.v_prime, "%.5f");
        c[16] = rr.reading.u_chromaticity_xy > 0 ? num(rr.reading.u_chromaticity_xy, "%.3g") : "";
        c[17] = num(rr.reading.integration_time_s, "%.4g");
        c[18] = quoted(rr.reading.instrument.model);
        c[19] = quoted(rr.reading.instrument.serial);
        c[20] = quoted(rr.reading.correction_id);
        for (std::size_t i = 0; i < c.size(); ++i) {
            os << (i ? "," : "") << c[i];
        }
        os << '\n';
    }
    return os.str();
}

}  // namespace cm::app
