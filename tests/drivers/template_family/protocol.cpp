// SPDX-License-Identifier: Apache-2.0
// Template family protocol: reply parsing and formatting as pure functions.
#include "protocol.h"

#include <cstdio>
#include <cstdlib>
#include <sstream>

namespace cm::drivers::template_family {

namespace {

std::vector<std::string> fields(const std::string& line) {
    std::vector<std::string> out;
    std::stringstream in(line);
    std::string f;
    while (std::getline(in, f, ',')) {
        out.push_back(f);
    }
    return out;
}

double number(const std::string& text) {
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    if (text.empty() || *end != '\0') {
        throw InstrumentError(ErrorKind::Protocol, "not a number: '" + text + "'");
    }
    return v;
}

}  // namespace

const std::vector<ModelInfo>& models() {
    static const std::vector<ModelInfo> kModels = {{"TPL-1", "Template Meter TPL-1"},
                                                   {"TPL-2", "Template Meter TPL-2"}};
    return kModels;
}

ErrorKind errorKind(int code) {
    switch (code) {
        case 1:
            return ErrorKind::OverRange;
        case 2:
            return ErrorKind::TooDark;
        default:
            return ErrorKind::Device;
    }
}

Identity parseIdentity(const std::string& line) {
    const auto f = fields(line);
    if (f.size() != 4 || f[0] != "OK") {
        throw InstrumentError(ErrorKind::Protocol, "ID: unexpected reply '" + line + "'");
    }
    return {f[1], f[2], f[3]};
}

colorimetry::XYZ parseMeasurement(const std::string& line) {
    const auto f = fields(line);
    if (f.size() == 2 && f[0] == "ERR") {
        const int code = static_cast<int>(number(f[1]));
        throw InstrumentError(errorKind(code), "MEAS: error " + f[1], f[1]);
    }
    if (f.size() != 4 || f[0] != "OK") {
        throw InstrumentError(ErrorKind::Protocol, "MEAS: unexpected reply '" + line + "'");
    }
    return {number(f[1]), number(f[2]), number(f[3])};
}

std::string formatIdentity(const Identity& id) {
    return "OK," + id.model + "," + id.serial + "," + id.firmware + kReplyTerminator;
}

std::string formatMeasurement(const colorimetry::XYZ& xyz) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "OK,%.6g,%.6g,%.6g", xyz.X, xyz.Y, xyz.Z);
    return buf + std::string(kReplyTerminator);
}

std::string formatError(int code) {
    return "ERR," + std::to_string(code) + kReplyTerminator;
}

}  // namespace cm::drivers::template_family
