// SPDX-License-Identifier: Apache-2.0
// PR-6xx reply parsing and formatting (pure functions over text).
#include "drivers/pr6xx/protocol.h"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <sstream>

namespace cm::drivers::pr6xx {

const std::vector<ModelInfo>& models() {
    // Exposure ceilings from the manual's SE command ranges; luminance limits are the data sheet's
    // ranges for the standard 1° aperture (PR-655: 0.17 cd/m² with 6 s; PR-670 extended: 0.0003).
    static const std::vector<ModelInfo> kModels = {
        // Spectral grids: PR-670 380–780 nm at 2 nm (the manual's D120 example); PR-655 380–780 nm
        // at 4 nm (data sheet; D120 is queried anyway). Bandwidth (FWHM) from the data sheets:
        // PR-655 8 nm, PR-670 5 nm; the PR-680 is taken as a PR-670.
        // Low light: SE ranges 3..6000 ms (655), 6..6000 standard / 30000 extended (670, SH1);
        // 4 averaged cycles (SN4) halve the noise at 4x the time (a project choice).
        {"PR-655", 6000.0, 0.17, 17000.0, 1.0, 380.0, 780.0, 4.0, 8.0, 6000.0, false, 4, 3.0},
        {"PR-670", 30000.0, 0.0003, 25000.0, 1.0, 380.0, 780.0, 2.0, 5.0, 6000.0, true, 4, 6.0},
        {"PR-680", 30000.0, 0.0003, 25000.0, 1.0, 380.0, 780.0, 2.0, 5.0, 6000.0, true, 4, 6.0},
    };
    return kModels;
}

const ModelInfo* findModel(const std::string& model) {
    for (const auto& m : models()) {
        if (model == m.model) {
            return &m;
        }
    }
    return nullptr;
}

Reply parseReply(const std::string& line) {
    Reply r;
    std::stringstream ss(line);
    std::string field;
    bool first = true;
    while (std::getline(ss, field, ',')) {
        if (first) {
            char* end = nullptr;
            errno = 0;
            const long v = std::strtol(field.c_str(), &end, 10);
            if (field.empty() || end == field.c_str() || *end != '\0' || errno != 0) {
                throw InstrumentError(ErrorKind::Protocol,
                                      "unexpected reply '" + line + "' (no status code)");
            }
            r.status = static_cast<int>(v);
            first = false;
        } else {
            r.fields.push_back(field);
        }
    }
    if (first) {
        throw InstrumentError(ErrorKind::Protocol, "empty reply");
    }
    return r;
}

ErrorKind errorKind(int code) {
    switch (code) {
        case -2:
            return ErrorKind::OverRange;
        case -8:
        case -3:
            return ErrorKind::TooDark;
        default:
            return ErrorKind::Device;
    }
}

std::string errorText(int code) {
    switch (code) {
        case -1:
            return "source not constant";
        case -2:
            return "overload (too bright)";
        case -3:
            return "cannot sync to source (below 20 Hz, above 400 Hz or too dim)";
        case -4:
            return "adaptive mode error";
        case -8:
            return "weak light (too dark for a reading)";
        case -9:
            return "sync error";
        case -10:
            return "cannot auto-sync";
        case -12:
            return "adaptive time-out (unstable source)";
        case -1000:
            return "illegal command";
        case -1001:
            return "too many fields";
        case -1009:
            return "units error";
        case -1010:
            return "exposure out of range";
        case -1035:
            return "not applicable to this model";
        case -2000:
            return "data code does not exist or no prior measurement";
        default:
            return "instrument error";
    }
}

colorimetry::XYZ parseXYZ(const Reply& r) {
    if (r.status != 0) {
        throw InstrumentError(errorKind(r.status),
                              errorText(r.status) + " (code " + std::to_string(r.status) + ")",
                              std::to_string(r.status));
    }
    if (r.fields.size() != 4) {
        throw InstrumentError(
            ErrorKind::Protocol,
            "XYZ reply has " + std::to_string(r.fields.size()) + " fields, expected 4 (U,X,Y,Z)");
    }
    double v[3];
    for (int i = 0; i < 3; ++i) {
        char* end = nullptr;
        v[i] = std::strtod(r.fields[static_cast<std::size_t>(i + 1)].c_str(), &end);
        if (end == r.fields[static_cast<std::size_t>(i + 1)].c_str() || *end != '\0') {
            throw InstrumentError(
                ErrorKind::Protocol,
                "XYZ field '" + r.fields[static_cast<std::size_t>(i + 1)] + "' is not a number");
        }
    }
    return {v[0], v[1], v[2]};
}

namespace {

double number(const std::string& field, const char* what) {
    char* end = nullptr;
    const double v = std::strtod(field.c_str(), &end);
    if (field.empty() || end == field.c_str() || *end != '\0' || !std::isfinite(v)) {
        throw InstrumentError(ErrorKind::Protocol,
                              std::string(what) + ": '" + field + "' is not a number");
    }
    return v;
}

void throwIfError(const Reply& r) {
    if (r.status != 0) {
        throw InstrumentError(errorKind(r.status),
                              errorText(r.status) + " (code " + std::to_string(r.status) + ")",
                              std::to_string(r.status));
    }
}

}  // namespace

WavelengthGrid parseHardwareConfig(const Reply& r) {
    throwIfError(r);
    if (r.fields.size() < 5) {
        throw InstrumentError(ErrorKind::Protocol,
                              "D120 reply has " + std::to_string(r.fields.size()) +
                                  " fields, expected at least 5 (points,?,start,end,step)");
    }
    WavelengthGrid g;
    g.points = static_cast<int>(number(r.fields[0], "D120 points"));
    g.start_nm = number(r.fields[2], "D120 start");
    g.end_nm = number(r.fields[3], "D120 end");
    g.step_nm = number(r.fields[4], "D120 step");
    if (!(g.step_nm > 0.0) || !(g.end_nm > g.start_nm) ||
        std::abs((g.end_nm - g.start_nm) / g.step_nm + 1.0 - g.points) > 1e-6) {
        throw InstrumentError(ErrorKind::Protocol, "D120: " + std::to_string(g.points) +
                                                       " points do not fit " + r.fields[2] + "–" +
                                                       r.fields[3] + " nm in steps of " +
                                                       r.fields[4] + " nm");
    }
    return g;
}

std::string formatHardwareConfig(const WavelengthGrid& g) {
    char buf[96];
    // Detector pixels, and the two trailing fields of the manual's example, kept as shown there.
    std::snprintf(buf, sizeof buf, "00000,%d,0.00,%.0f,%.0f,%.0f,256,7,247", g.points, g.start_nm,
                  g.end_nm, g.step_nm);
    return buf;
}

SpectralHeader parseSpectralHeader(const Reply& r) {
    throwIfError(r);
    if (r.fields.size() != 4) {
        throw InstrumentError(ErrorKind::Protocol,
                              "spectral header has " + std::to_string(r.fields.size()) +
                                  " fields, expected 4 (U,peak,radiometric,photon)");
    }
    return {number(r.fields[1], "peak wavelength"), number(r.fields[2], "integrated radiance"),
            number(r.fields[3], "integrated photon radiance")};
}

std::pair<double, double> parseSpectralLine(const std::string& line) {
    const auto comma = line.find(',');
    if (comma == std::string::npos || line.find(',', comma + 1) != std::string::npos) {
        throw InstrumentError(ErrorKind::Protocol,
                              "spectral line '" + line + "' is not 'wavelength,value'");
    }
    return {number(line.substr(0, comma), "wavelength"),
            number(line.substr(comma + 1), "spectral value")};
}

std::vector<std::string> formatSpectralReply(const WavelengthGrid& g,
                                             const std::vector<double>& values) {
    // Header: peak wavelength, Σ L Δλ (W·sr⁻¹·m⁻²) and Σ L λ/(h c) Δλ (photons·s⁻¹·sr⁻¹·m⁻²).
    constexpr double kHc = 6.62607015e-34 * 299792458.0;  // J·m
    double peak = g.start_nm;
    double peakValue = -1.0;
    double rad = 0.0;
    double photon = 0.0;
    for (std::size_t i = 0; i < values.size(); ++i) {
        const double wl = g.start_nm + g.step_nm * static_cast<double>(i);
        if (values[i] > peakValue) {
            peakValue = values[i];
            peak = wl;
        }
        rad += values[i] * g.step_nm;
        photon += values[i] * g.step_nm * wl * 1e-9 / kHc;
    }
    std::vector<std::string> lines;
    char buf[96];
    std::snprintf(buf, sizeof buf, "00000,0,%.0f,%.3e,%.3e", peak, rad, photon);
    lines.emplace_back(buf);
    for (std::size_t i = 0; i < values.size(); ++i) {
        std::snprintf(buf, sizeof buf, "%.0f,%.4e", g.start_nm + g.step_nm * static_cast<double>(i),
                      values[i]);
        lines.emplace_back(buf);
    }
    return lines;
}

std::string formatStatus(int code) {
    char buf[16];
    if (code >= 0) {
        std::snprintf(buf, sizeof buf, "%05d", code);
    } else {
        std::snprintf(buf, sizeof buf, "-%04d", -code);
    }
    return buf;
}

std::string formatXYZReply(const colorimetry::XYZ& xyz) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "00000,0,%.3e,%.3e,%.3e", xyz.X, xyz.Y, xyz.Z);
    return buf;
}

}  // namespace cm::drivers::pr6xx
