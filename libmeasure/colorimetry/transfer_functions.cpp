// SPDX-License-Identifier: Apache-2.0
// DCI gamma 2.6 and SMPTE ST 2084 PQ encode/decode.
#include "libmeasure/colorimetry/transfer_functions.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace cm::colorimetry {

namespace {
// SMPTE ST 2084:2014 §5.1 constants.
constexpr double kM1 = 2610.0 / 16384.0;
constexpr double kM2 = 2523.0 / 4096.0 * 128.0;
constexpr double kC1 = 3424.0 / 4096.0;
constexpr double kC2 = 2413.0 / 4096.0 * 32.0;
constexpr double kC3 = 2392.0 / 4096.0 * 32.0;
constexpr double kPqPeak_cdm2 = 10000.0;

void checkCode(int c) {
    if (c < 0 || c > 4095) {
        throw std::out_of_range("12-bit code value out of range: " + std::to_string(c));
    }
}
int round12(double v) {
    return static_cast<int>(std::clamp(std::lround(v), 0L, 4095L));
}
}  // namespace

XYZ dciDecode(const CodeValues12& c) {
    for (int v : c) {
        checkCode(v);
    }
    auto d = [](int v) { return kDciNormalisation_cdm2 * std::pow(v / 4095.0, kDciGamma); };
    return {d(c[0]), d(c[1]), d(c[2])};
}

CodeValues12 dciEncode(const XYZ& xyz) {
    auto e = [](double v) {
        return round12(4095.0 *
                       std::pow(std::max(0.0, v) / kDciNormalisation_cdm2, 1.0 / kDciGamma));
    };
    return {e(xyz.X), e(xyz.Y), e(xyz.Z)};
}

double pqEotf(double E) {
    if (!(E >= 0.0 && E <= 1.0)) {
        throw std::out_of_range("PQ signal must be in [0, 1]");
    }
    const double p = std::pow(E, 1.0 / kM2);
    return kPqPeak_cdm2 * std::pow(std::max(p - kC1, 0.0) / (kC2 - kC3 * p), 1.0 / kM1);
}

double pqInverseEotf(double L) {
    if (!(L >= 0.0 && L <= kPqPeak_cdm2)) {
        throw std::out_of_range("PQ luminance must be in [0, 10000] cd/m²");
    }
    const double y = std::pow(L / kPqPeak_cdm2, kM1);
    return std::pow((kC1 + kC2 * y) / (1.0 + kC3 * y), kM2);
}

XYZ pqDecode12(const CodeValues12& c) {
    for (int v : c) {
        checkCode(v);
    }
    return {pqEotf(c[0] / 4095.0), pqEotf(c[1] / 4095.0), pqEotf(c[2] / 4095.0)};
}

double gammaTarget_cdm2(int code) {
    checkCode(code);
    return kDciNormalisation_cdm2 * std::pow(code / 4095.0, kDciGamma);
}

double pqTarget_cdm2(int code) {
    checkCode(code);
    return pqEotf(code / 4095.0);
}

}  // namespace cm::colorimetry
