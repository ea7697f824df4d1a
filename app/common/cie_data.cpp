// SPDX-License-Identifier: Apache-2.0
// CIE table loading for the app layer (libmeasure itself never opens files).
#include "app/common/cie_data.h"

#include "app/common/data_paths.h"

#include <cstdio>
#include <sstream>
#include <stdexcept>

namespace cm::app {

const colorimetry::Observer& CieData::observer(const std::string& id) const {
    if (id == "1931_2") {
        return cie1931_2;
    }
    if (id == "1964_10") {
        return cie1964_10;
    }
    if (id == "2015_2") {
        return cie2015_2;
    }
    if (id == "2015_10") {
        return cie2015_10;
    }
    throw std::invalid_argument("unknown observer '" + id +
                                "' (known: 1931_2, 1964_10, 2015_2, 2015_10)");
}

std::vector<std::string> observerIds() {
    return {"1931_2", "1964_10", "2015_2", "2015_10"};
}

namespace {
std::vector<colorimetry::RobertsonLine> parseRobertson(const std::string& text,
                                                       const std::string& source) {
    std::istringstream in(text);
    std::string line;
    int n = 0;
    std::vector<colorimetry::RobertsonLine> out;
    while (std::getline(in, line)) {
        if (++n == 1 || line.empty()) {
            continue;
        }
        colorimetry::RobertsonLine r;
        if (std::sscanf(line.c_str(), "%lf,%lf,%lf,%lf", &r.mired, &r.u, &r.v, &r.t) != 4) {
            throw std::runtime_error(source + ":" + std::to_string(n) + ": expected 4 numbers");
        }
        out.push_back(r);
    }
    return out;
}
}  // namespace

CieData loadCieData(const std::filesystem::path& dir) {
    auto read = [&](const char* name) {
        const auto p = dir / name;
        return std::make_pair(readTextFile(p), p.string());
    };
    CieData d;
    auto [t1, s1] = read("cie1931_2deg_xyz_1nm.csv");
    d.cie1931_2 = colorimetry::parseObserverCsv(t1, s1, "CIE 1931 2°");
    auto [t2, s2] = read("cie1964_10deg_xyz_1nm.csv");
    d.cie1964_10 = colorimetry::parseObserverCsv(t2, s2, "CIE 1964 10°");
    auto [t5, s5] = read("cie2015_2deg_xyz_1nm.csv");
    d.cie2015_2 = colorimetry::parseObserverCsv(t5, s5, "CIE 2015 2°");
    auto [t6, s6] = read("cie2015_10deg_xyz_1nm.csv");
    d.cie2015_10 = colorimetry::parseObserverCsv(t6, s6, "CIE 2015 10°");
    auto [t3, s3] = read("robertson1968_isotemperature_lines.csv");
    d.robertson = parseRobertson(t3, s3);
    auto [t4, s4] = read("daylight_basis_s0_s1_s2.csv");
    d.daylight = colorimetry::parseDaylightBasisCsv(t4, s4);
    return d;
}

const CieData& cieData() {
    static const CieData data = loadCieData(dataDir() / "cie");
    return data;
}

std::shared_ptr<const colorimetry::Observer> cieObserverPtr(const std::string& id) {
    // Aliasing constructor with no owner: the static CieData outlives every holder.
    return std::shared_ptr<const colorimetry::Observer>(std::shared_ptr<void>(),
                                                        &cieData().observer(id));
}

colorimetry::Spectrum loadIlluminant(const std::string& name) {
    const auto p = dataDir() / "cie" / ("illuminant_" + name + ".csv");
    if (!std::filesystem::exists(p)) {
        throw std::invalid_argument("no CIE illuminant '" + name +
                                    "' (A, C, D65, F1, F2, F7, F11)");
    }
    return colorimetry::parseSpectrumCsv(readTextFile(p), p.string());
}

colorimetry::Spectrum loadSpectrumFile(const std::filesystem::path& file) {
    const std::string text = readTextFile(file);
    if (file.extension() == ".sp" || file.extension() == ".ti3" || text.rfind("CGATS", 0) == 0 ||
        text.rfind("SPECT", 0) == 0) {
        return colorimetry::parseCgatsSpectrum(text, file.string());
    }
    return colorimetry::parseSpectrumCsv(text, file.string());
}

}  // namespace cm::app
