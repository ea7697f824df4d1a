// SPDX-License-Identifier: Apache-2.0
// JSON of the procedure's value types (instrument, recorded reading, skipped task).
#include "libmeasure/procedure/reading.h"
#include "libmeasure/procedure/runner.h"

#include <nlohmann/json.hpp>

#include <cmath>

namespace cm::procedure {

namespace {

nlohmann::json numberOrNull(double v) {
    return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr);
}

}  // namespace

void to_json(nlohmann::json& j, const InstrumentInfo& i) {
    j = {{"family", i.family},
         {"model", i.model},
         {"serial", i.serial},
         {"firmware", i.firmware},
         {"acceptance_angle_deg", i.acceptance_angle_deg},
         {"calibration_date", i.calibration_date},
         {"calibration_certificate", i.calibration_certificate}};
}

void to_json(nlohmann::json& j, const RecordedReading& rr) {
    const Reading& r = rr.reading;
    const auto xy = colorimetry::toXY(r.xyz_cdm2);
    const auto uv = colorimetry::toUV(r.xyz_cdm2);
    j = {{"step", rr.step_id},
         {"point", rr.point_id},
         {"repeat", rr.repeat},
         {"X", r.xyz_cdm2.X},
         {"Y", r.xyz_cdm2.Y},
         {"Z", r.xyz_cdm2.Z},
         {"luminance_cdm2", r.xyz_cdm2.Y},
         {"x", numberOrNull(xy.x)},
         {"y", numberOrNull(xy.y)},
         {"u_prime", numberOrNull(uv.u_prime)},
         {"v_prime", numberOrNull(uv.v_prime)},
         {"integration_time_s", r.integration_time_s},
         {"averages", r.averages},
         {"integration_limit_s", r.integration_limit_s},
         {"timestamp_utc", r.timestamp_utc},
         {"status", r.status},
         {"instrument_serial", r.instrument.serial},
         {"correction", r.correction_id},
         {"u_luminance_rel", r.u_luminance_rel},
         {"u_chromaticity_xy", r.u_chromaticity_xy},
         {"uncorrected", r.uncorrected_xyz_cdm2 ? nlohmann::json{{"X", r.uncorrected_xyz_cdm2->X},
                                                                 {"Y", r.uncorrected_xyz_cdm2->Y},
                                                                 {"Z", r.uncorrected_xyz_cdm2->Z}}
                                                : nlohmann::json(nullptr)}};
}

void to_json(nlohmann::json& j, const SkippedTask& s) {
    j = {{"step", s.step_id}, {"point", s.point_id}, {"repeat", s.repeat}, {"reason", s.reason}};
}

}  // namespace cm::procedure
