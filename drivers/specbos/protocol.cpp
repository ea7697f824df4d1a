// SPDX-License-Identifier: Apache-2.0
// specbos reply parsing.
#include "drivers/specbos/protocol.h"

#include <cmath>
#include <cstdio>

#include <cstdlib>

namespace cm::drivers::specbos {

const std::vector<ModelInfo>& models() {
    static const std::vector<ModelInfo> kModels = {
        {"JETI_SB1211", "specbos 1211", 3000.0, 0.2, 4},
        {"SB05", "specbos 1201", 8000.0, 0.1, 4},
    };
    return kModels;
}

const ModelInfo* findByIdn(const std::string& idn) {
    for (const auto& m : models()) {
        if (idn.rfind(m.idn, 0) == 0) {
            return &m;
        }
    }
    return nullptr;
}

int parseErrorCode(const std::string& line) {
    const auto colon = line.find(':');
    if (colon == std::string::npos) {
        throw InstrumentError(ErrorKind::Protocol, "unexpected error report '" + line + "'");
    }
    char* end = nullptr;
    const long v = std::strtol(line.c_str() + colon + 1, &end, 10);
    if (end == line.c_str() + colon + 1) {
        throw InstrumentError(ErrorKind::Protocol, "unexpected error report '" + line + "'");
    }
    return static_cast<int>(v);
}

ErrorKind errorKind(int code) {
    switch (code) {
        case 120:
            return ErrorKind::OverRange;
        case 121:
            return ErrorKind::TooDark;
        case 4:
        case 10:
        case 11:
        case 20:
            return ErrorKind::Protocol;
        default:
            return ErrorKind::Device;
    }
}

std::string errorText(int code) {
    switch (code) {
        case 4:
            return "unknown command";
        case 10:
            return "invalid argument 1";
        case 20:
            return "invalid parameter";
        case 120:
            return "overexposed (too bright)";
        case 121:
            return "underexposed (too dark)";
        case 123:
            return "adaptation of the integration time failed";
        case 131:
            return "no dark measurement";
        case 138:
            return "no light measurement";
        case 141:
            return "exceeds the calibrated wavelength range";
        case 160:
            return "time-out waiting for cycle or trigger";
        default:
            return "instrument error " + std::to_string(code);
    }
}

std::string parseSerial(const std::string& line) {
    const auto colon = line.find(':');
    if (colon == std::string::npos) {
        throw InstrumentError(ErrorKind::Protocol, "unexpected serial reply '" + line + "'");
    }
    std::string s = line.substr(colon + 1);
    s.erase(0, s.find_first_not_of(' '));
    return s;
}

double parseLabelled(const std::string& line, const std::string& label) {
    if (line.rfind(label + ":", 0) != 0) {
        throw InstrumentError(ErrorKind::Protocol,
                              "expected '" + label + ": <value>', got '" + line + "'");
    }
    char* end = nullptr;
    const char* start = line.c_str() + label.size() + 1;
    const double v = std::strtod(start, &end);
    if (end == start) {
        throw InstrumentError(ErrorKind::Protocol, "'" + line + "' has no number");
    }
    return v;
}

double parseSpectralValue(const std::string& line) {
    char* end = nullptr;
    const double v = std::strtod(line.c_str(), &end);
    while (end != nullptr && *end == ' ') {
        ++end;
    }
    if (line.empty() || end == line.c_str() || *end != '\0' || !std::isfinite(v)) {
        throw InstrumentError(ErrorKind::Protocol, "spectral value '" + line + "' is not a number");
    }
    return v;
}

std::vector<std::string> formatSprad(const std::vector<double>& values) {
    std::vector<std::string> lines = {"sprad", "W/(sr*m^2*nm)"};
    char buf[32];
    for (double v : values) {
        std::snprintf(buf, sizeof buf, "%.5e", v);
        lines.emplace_back(buf);
    }
    lines.emplace_back();
    return lines;
}

}  // namespace cm::drivers::specbos
