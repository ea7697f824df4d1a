// SPDX-License-Identifier: Apache-2.0
// CS-2000 reply parsing and formatting.
#include "drivers/cs2000/protocol.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <stdexcept>

namespace cm::drivers::cs2000 {

const std::vector<ModelInfo>& models() {
    // Minimum luminance at 1° from the data sheets: CS-2000 0.003 cd/m², CS-2000A 0.0005 cd/m².
    static const std::vector<ModelInfo> kModels = {
        {"CS-2000", 0.003, 500000.0, 1.0},
        {"CS-2000A", 0.0005, 500000.0, 1.0},
    };
    return kModels;
}

const ModelInfo* findModel(const std::string& name) {
    const std::string trimmed = name.substr(0, name.find_last_not_of(' ') + 1);
    for (const auto& m : models()) {
        if (trimmed == m.name) {
            return &m;
        }
    }
    return nullptr;
}

Reply parseReply(const std::string& line) {
    Reply r;
    std::stringstream ss(line);
    std::string field;
    std::getline(ss, r.code, ',');
    if (r.code.size() != 4 || (r.code.rfind("OK", 0) != 0 && r.code.rfind("ER", 0) != 0)) {
        throw InstrumentError(ErrorKind::Protocol, "unexpected reply '" + line + "'");
    }
    while (std::getline(ss, field, ',')) {
        r.fields.push_back(field);
    }
    return r;
}

ErrorKind errorKind(const std::string& code) {
    if (code == "ER10") {
        return ErrorKind::OverRange;
    }
    if (code == "ER00" || code == "ER17") {
        return ErrorKind::Protocol;
    }
    return ErrorKind::Device;
}

std::string errorText(const std::string& code) {
    static const std::pair<const char*, const char*> kTexts[] = {
        {"ER00", "invalid command or parameter count"},
        {"ER02", "measurement error"},
        {"ER05", "no user calibration"},
        {"ER10", "over measurement range (too bright)"},
        {"ER17", "parameter error"},
        {"ER20", "no data"},
        {"ER30", "flash memory error"},
        {"ER51", "CCD Peltier abnormality"},
        {"ER52", "temperature count abnormality"},
        {"ER71", "outside synchronisation range"},
        {"ER81", "shutter abnormality"},
        {"ER82", "internal ND filter abnormality"},
        {"ER83", "measurement angle abnormality"},
        {"ER99", "program abnormality"},
    };
    for (const auto& [c, t] : kTexts) {
        if (code == c) {
            return t;
        }
    }
    return "instrument error";
}

void check(const Reply& r, const std::string& command) {
    if (!r.ok()) {
        throw InstrumentError(errorKind(r.code),
                              command + ": " + errorText(r.code) + " (" + r.code + ")", r.code);
    }
}

Identity parseIdentity(const Reply& r) {
    check(r, "IDDR");
    if (r.fields.size() != 3) {
        throw InstrumentError(
            ErrorKind::Protocol,
            "IDDR reply has " + std::to_string(r.fields.size()) + " fields, expected 3");
    }
    return {r.fields[0], r.fields[1], r.fields[2]};
}

int parseMeasurementTime(const Reply& r) {
    check(r, "MEAS,1");
    if (r.fields.size() != 1) {
        throw InstrumentError(ErrorKind::Protocol, "MEAS,1 reply without a measurement time");
    }
    char* end = nullptr;
    const long t = std::strtol(r.fields[0].c_str(), &end, 10);
    if (*end != '\0' || t < 0 || t > 999) {
        throw InstrumentError(ErrorKind::Protocol, "bad measurement time '" + r.fields[0] + "'");
    }
    return static_cast<int>(t);
}

colorimetry::XYZ parseXYZ(const Reply& r) {
    check(r, "MEDR");
    if (r.fields.size() != 3) {
        throw InstrumentError(ErrorKind::Protocol, "MEDR X,Y,Z reply has " +
                                                       std::to_string(r.fields.size()) + " fields");
    }
    double v[3];
    for (std::size_t i = 0; i < 3; ++i) {
        char* end = nullptr;
        v[i] = std::strtod(r.fields[i].c_str(), &end);
        if (end == r.fields[i].c_str() || *end != '\0') {
            throw InstrumentError(ErrorKind::Protocol,
                                  "MEDR field '" + r.fields[i] + "' is not a number");
        }
    }
    return {v[0], v[1], v[2]};
}

std::string spectralBlockCommand(int block) {
    return "MEDR,1,0,0" + std::to_string(block);
}

double spectralBlockStart_nm(int block) {
    return kSpectrumStart_nm + 100.0 * (block - 1);
}

int spectralBlockSize(int block) {
    if (block < 1 || block > kSpectralBlocks) {
        throw std::invalid_argument("CS-2000 spectral block must be 1..4");
    }
    return block == kSpectralBlocks ? 101 : 100;
}

std::vector<double> parseSpectralBlock(const Reply& r, int block) {
    check(r, spectralBlockCommand(block));
    const auto n = static_cast<std::size_t>(spectralBlockSize(block));
    if (r.fields.size() != n) {
        throw InstrumentError(ErrorKind::Protocol, spectralBlockCommand(block) + " reply has " +
                                                       std::to_string(r.fields.size()) +
                                                       " values, expected " + std::to_string(n));
    }
    std::vector<double> v(n);
    for (std::size_t i = 0; i < n; ++i) {
        char* end = nullptr;
        v[i] = std::strtod(r.fields[i].c_str(), &end);
        if (end == r.fields[i].c_str() || *end != '\0' || !std::isfinite(v[i])) {
            throw InstrumentError(ErrorKind::Protocol,
                                  "spectral value '" + r.fields[i] + "' is not a number");
        }
    }
    return v;
}

std::string formatSpectralBlock(const std::vector<double>& spectrum, int block) {
    const auto first = static_cast<std::size_t>(100 * (block - 1));
    const auto n = static_cast<std::size_t>(spectralBlockSize(block));
    std::string out = "OK00";
    char buf[32];
    for (std::size_t i = first; i < first + n && i < spectrum.size(); ++i) {
        std::snprintf(buf, sizeof buf, ",%.4e", spectrum[i]);
        out += buf;
    }
    return out;
}

std::string formatIdentity(const std::string& name, int variation, const std::string& serial) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "OK00,%-9s,%d,%s", name.c_str(), variation, serial.c_str());
    return buf;
}

std::string formatXYZ(const colorimetry::XYZ& xyz) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "OK00,%.4e,%.4e,%.4e", xyz.X, xyz.Y, xyz.Z);
    return buf;
}

}  // namespace cm::drivers::cs2000
