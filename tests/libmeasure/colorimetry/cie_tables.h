// SPDX-License-Identifier: Apache-2.0
// Test helper: the shipped CIE tables, read straight from calibration/cie.
#pragma once

#include "libmeasure/colorimetry/daylight.h"
#include "libmeasure/colorimetry/observer.h"
#include "libmeasure/colorimetry/spectrum.h"

#include <fstream>
#include <sstream>
#include <string>

namespace cm::test {

inline std::string readCie(const std::string& name) {
    std::ifstream in(std::string(CINEMEASURE_CALIBRATION_DIR) + "/cie/" + name);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline const colorimetry::Observer& cie1931() {
    static const auto o =
        colorimetry::parseObserverCsv(readCie("cie1931_2deg_xyz_1nm.csv"), "1931", "CIE 1931 2°");
    return o;
}

inline const colorimetry::Observer& cie1964() {
    static const auto o =
        colorimetry::parseObserverCsv(readCie("cie1964_10deg_xyz_1nm.csv"), "1964", "CIE 1964 10°");
    return o;
}

inline colorimetry::Spectrum illuminant(const std::string& name) {
    return colorimetry::parseSpectrumCsv(readCie("illuminant_" + name + ".csv"), name);
}

}  // namespace cm::test
