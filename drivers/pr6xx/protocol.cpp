// SPDX-License-Identifier: Apache-2.0
// PR-6xx reply parsing and formatting (pure functions over text).
#include "drivers/pr6xx/protocol.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <sstream>

namespace cm::drivers::pr6xx {

const std::vector<ModelInfo>& models() {
    // Exposure ceilings from the manual's SE command ranges; luminance limits are the data sheet's
    // ranges for the standard 1° aperture (PR-655: 0.17 cd/m² with 6 s; PR-670 extended: 0.0003).
    static const std::vector<ModelInfo> kModels = {
        {"PR-655", 6000.0, 0.17, 17000.0, 1.0},
        {"PR-670", 30000.0, 0.0003, 25000.0, 1.0},
        {"PR-680", 30000.0, 0.0003, 25000.0, 1.0},
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
