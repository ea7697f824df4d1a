// SPDX-License-Identifier: Apache-2.0
// K10-A fixed-length replies and the 3-byte float format.
#include "drivers/k10a/protocol.h"

#include <cctype>
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

double decodeCalibrationValue(const std::uint8_t b[3]) {
    return 2.0 * decodeValue(b);
}

void encodeCalibrationValue(double v, std::uint8_t out[3]) {
    encodeValue(v / 2.0, out);
}

std::string commandOf(const std::string& line) {
    std::size_t i = 0;
    while (i < line.size() && !std::isalpha(static_cast<unsigned char>(line[i])) &&
           line[i] != '{') {
        ++i;
    }
    if (i >= line.size()) {
        return {};
    }
    if (line[i] == '{') {
        return line.substr(i);  // the B7 commit key "{00000000}@%#" is taken whole
    }
    if (i + 1 >= line.size()) {
        return line.substr(i, 1);
    }
    return std::string{line[i], line.back()};
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

namespace cm::drivers::k10a {

std::string formatCalibrationList(const std::string& echo, const std::vector<std::string>& names) {
    std::string s = echo.substr(0, 2);
    for (std::size_t i = 0; i < kCalibrationSlots; ++i) {
        if (i < names.size()) {
            std::string n = names[i].substr(0, kCalibrationNameLength);
            n.resize(kCalibrationNameLength, ' ');
            s += n;
        } else {
            s.append(kCalibrationNameLength, '\xff');
        }
    }
    return s + "<0>";
}

std::vector<std::string> parseCalibrationList(const std::string& r) {
    checkFrame(r, "D7", kD7Length);
    std::vector<std::string> names;
    for (std::size_t i = 0; i < kCalibrationSlots; ++i) {
        const std::string n = r.substr(2 + i * kCalibrationNameLength, kCalibrationNameLength);
        if (static_cast<unsigned char>(n[0]) != 0xFF) {
            names.push_back(trimRight(n));
        }
    }
    return names;
}

std::string formatCalibrationMatrix(const std::string& name, const double m[3][3]) {
    std::string s(128, '\0');
    std::string n = name.substr(0, kCalibrationNameLength);
    n.resize(kCalibrationNameLength, ' ');
    s.replace(0, n.size(), n);
    s[21] = 'K';
    std::size_t k = 101;
    for (int i = 0; i < 3; ++i) {
        for (int j = 0; j < 3; ++j, k += 3) {
            std::uint8_t b[3];
            encodeCalibrationValue(m[i][j], b);
            s.replace(k, 3, reinterpret_cast<const char*>(b), 3);
        }
    }
    return s + "<0>";
}

void parseCalibrationMatrix(const std::string& r, double m[3][3]) {
    if (r.size() != kD1MatrixLength || r.compare(kD1MatrixLength - 3, 3, "<0>") != 0 ||
        r[21] == 'C') {
        throw InstrumentError(ErrorKind::Protocol, "D1: malformed or CalMan-format matrix record");
    }
    const auto* b = reinterpret_cast<const std::uint8_t*>(r.data());
    std::size_t k = 101;
    for (int i = 0; i < 3; ++i) {
        for (int j = 0; j < 3; ++j, k += 3) {
            m[i][j] = decodeCalibrationValue(b + k);
        }
    }
}

std::string formatFlickerPacket(const std::string& frame, const std::uint16_t samples[32]) {
    std::string s;
    s.reserve(kFlickerPacketLength);
    for (std::size_t i = 0; i < 32; ++i) {
        s += i < frame.size() ? frame[i] : '\0';
        s += static_cast<char>(samples[i] >> 8);
        s += static_cast<char>(samples[i] & 0xFF);
    }
    return s;
}

std::string formatM6(std::uint8_t th1, std::uint8_t th2, char status) {
    std::string s = "M6";
    s.append(12, '\0');
    s += static_cast<char>(th1);
    s += static_cast<char>(th2);
    s += '\0';
    return s + "<" + std::string(1, status) + ">";
}

std::string formatB9(const std::uint16_t counts[19], char status) {
    std::string s = "B9";
    for (int i = 0; i < 19; ++i) {
        s += static_cast<char>(counts[i] >> 8);
        s += static_cast<char>(counts[i] & 0xFF);
    }
    return s + "<" + std::string(1, status) + ">";
}

}  // namespace cm::drivers::k10a
