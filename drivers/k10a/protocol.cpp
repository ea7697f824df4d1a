// SPDX-License-Identifier: Apache-2.0
// K10-A fixed-length replies and the 3-byte float format.
#include "drivers/k10a/protocol.h"

#include <cmath>
#include <cstdio>

namespace cm::drivers::k10a {

double decodeValue(const std::uint8_t b[3]) {
    const int m = ((b[0] & 0x7F) << 8) | b[1];
    const int e = static_cast<std::int8_t>(b[2]);
    const double v = std::ldexp(static_cast<double>(m), e - 16);
    return (b[0] & 0x80) ? -v : v;
}

void encodeValue(double v, std::uint8_t out[3]) {
    const bool neg = v < 0;
    v = std::abs(v);
    if (v == 0.0 || !std::isfinite(v)) {
        out[0] = out[1] = out[2] = 0;
        return;
    }
    // Exponent so that the mantissa uses 14–15 bits: m = v · 2^(16 − e) in [8192, 32768).
    int e = static_cast<int>(std::floor(std::log2(v))) + 2;
    long m = std::lround(std::ldexp(v, 16 - e));
    if (m >= 32768) {
        ++e;
        m = std::lround(std::ldexp(v, 16 - e));
    }
    out[0] = static_cast<std::uint8_t>(((m >> 8) & 0x7F) | (neg ? 0x80 : 0));
    out[1] = static_cast<std::uint8_t>(m & 0xFF);
    out[2] = static_cast<std::uint8_t>(static_cast<std::int8_t>(e));
}

ErrorKind errorKind(char s) {
    switch (s) {
        case 'v':
        case 'w':
            return ErrorKind::OverRange;
        case 'u':
            return ErrorKind::TooDark;
        default:
            return ErrorKind::Device;
    }
}

std::string errorText(char s) {
    switch (s) {
        case 'B':
        case 'X':
            return "firmware error";
        case 'b':
            return "black excessive";
        case 's':
            return "black overdrive";
        case 't':
            return "black zero";
        case 'w':
            return "over high range";
        case 'v':
            return "top over range (too bright)";
        case 'u':
            return "bottom under range (too dark)";
        case 'L':
            return "aiming lights on";
        default:
            return std::string("unknown status '") + s + "'";
    }
}

namespace {
void checkFrame(const std::string& r, const char* echo, std::size_t length) {
    if (r.size() != length || r.compare(0, 2, echo) != 0 || r[length - 3] != '<' ||
        r[length - 1] != '>') {
        throw InstrumentError(ErrorKind::Protocol, std::string(echo) + ": malformed reply of " +
                                                       std::to_string(r.size()) + " bytes");
    }
    const char status = r[length - 2];
    if (status != '0') {
        throw InstrumentError(errorKind(status), std::string(echo) + ": " + errorText(status),
                              std::string(1, status));
    }
}
std::string trimRight(std::string s) {
    s.erase(s.find_last_not_of(' ') + 1);
    return s;
}
}  // namespace

Identity parseP0(const std::string& r) {
    checkFrame(r, "P0", kP0Length);
    return {trimRight(r.substr(2, 7)), trimRight(r.substr(9, 9))};
}

std::string parseP2(const std::string& r) {
    checkFrame(r, "P2", kP2Length);
    return trimRight(r.substr(2, 8));
}

colorimetry::XYZ parseN5(const std::string& r) {
    checkFrame(r, "N5", kN5Length);
    const auto* b = reinterpret_cast<const std::uint8_t*>(r.data());
    return {decodeValue(b + 2), decodeValue(b + 5), decodeValue(b + 8)};
}

std::string formatP0(const std::string& model, const std::string& serial) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "P0%-7.7s%-9.9s<0>", model.c_str(), serial.c_str());
    return buf;
}

std::string formatP2(const std::string& firmware) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "P2%-8.8s<0>", firmware.c_str());
    return buf;
}

std::string formatN5(const colorimetry::XYZ& xyz, char status) {
    std::string s = "N5";
    std::uint8_t b[3];
    for (double v : {xyz.X, xyz.Y, xyz.Z}) {
        encodeValue(v, b);
        s.append(reinterpret_cast<const char*>(b), 3);
    }
    s += '\x09';  // range byte: auto-range picked ranges (informational)
    s += '<';
    s += status;
    s += '>';
    return s;
}

std::string formatShort(const std::string& echo, char status) {
    return echo + "<" + std::string(1, status) + ">";
}

int readingsToAverage(double L) {
    if (L < 0.2)
        return 20;
    if (L < 2.0)
        return 10;
    if (L < 20.0)
        return 4;
    if (L < 50.0)
        return 2;
    return 1;
}

}  // namespace cm::drivers::k10a
