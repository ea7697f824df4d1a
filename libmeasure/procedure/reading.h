// SPDX-License-Identifier: Apache-2.0
// One instrument reading as the procedure and the reports see it.
#pragma once

#include "libmeasure/colorimetry/tristimulus.h"

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>
#include <vector>

namespace cm::procedure {

/// Who took a reading, as reported by the device itself.
struct InstrumentInfo {
    std::string family;  ///< driver id, e.g. "virtual", "pr6xx"
    std::string model;   ///< as the device names itself
    std::string serial;
    std::string firmware;
    double acceptance_angle_deg = 0.0;
    /// Instrument calibration, recorded per instrument (from the instrument where its protocol
    /// gives it, else as the operator states it): date "YYYY-MM-DD" and certificate id.
    std::string calibration_date;
    std::string calibration_certificate;
};

/// A spot reading: absolute XYZ with Y in cd/m².
struct Reading {
    colorimetry::XYZ xyz_cdm2;
    /// Integration (exposure) time the instrument used, s; 0 when it does not report one.
    double integration_time_s = 0.0;
    /// Exposures (instrument-side) or readings (driver-side) averaged into this one; the random
    /// part of its uncertainty is the budget's σ / √averages (docs/uncertainty.md).
    int averages = 1;
    /// The auto-exposure ceiling in force, s, when the run raised it for a dark stimulus (too dark
    /// at the instrument's default); 0: the instrument's default.
    double integration_limit_s = 0.0;
    std::string timestamp_utc;  ///< ISO 8601, e.g. 2026-11-25T02:14:41Z
    std::string status = "ok";  ///< device status text for the record
    InstrumentInfo instrument;
    /// Spectral radiance samples in W·sr⁻¹·m⁻²·nm⁻¹ where the instrument has them.
    double spectrum_start_nm = 0.0;
    double spectrum_step_nm = 0.0;
    std::vector<double> spectral_radiance;
    /// Device reply as received, for the record (empty for the virtual meter).
    std::string raw_reply;
    /// When a colorimeter correction was applied: the reading as the instrument gave it, and the
    /// correction's id. Raw readings are always kept beside corrected ones.
    std::optional<colorimetry::XYZ> uncorrected_xyz_cdm2;
    std::string correction_id;
    /// Standard uncertainties (k = 1) from the instrument's specification: relative, of
    /// luminance; absolute, of CIE 1931 x and y. Zero when unknown.
    double u_luminance_rel = 0.0;
    double u_chromaticity_xy = 0.0;
};

/// A reading placed in the procedure: which step, point and repeat it answers.
struct RecordedReading {
    std::string step_id;
    std::string point_id;
    int repeat = 0;
    Reading reading;
};

// JSON as in report.json (docs/report.schema.json): found by nlohmann::json through ADL.
void to_json(nlohmann::json& j, const InstrumentInfo& i);
/// XYZ with the derived luminance, x, y, u', v' (null where undefined, e.g. black).
void to_json(nlohmann::json& j, const RecordedReading& r);

}  // namespace cm::procedure
