// SPDX-License-Identifier: Apache-2.0
// Is this instrument fit for this profile at this site? Checks made before the first reading:
// acceptance angle, spot size at the measuring distance, range, spectral correction, accuracy and
// calibration date. Pure: the app gathers the facts, this judges them.
#pragma once

#include "libmeasure/procedure/profile.h"

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <vector>

namespace cm::evaluation {

enum class FitnessOutcome {
    Ok,
    Warning,     ///< recorded in the report; the run may decide
    NotFit,      ///< the profile's requirement is not met: the run is refused
    NotChecked,  ///< a fact needed for the check is unknown (recorded)
};
const char* toString(FitnessOutcome o);

struct FitnessCheck {
    std::string id;  ///< "acceptance_angle", "spot_size", "range", "spectral_correction", ...
    FitnessOutcome outcome = FitnessOutcome::Ok;
    std::string requirement;  ///< what the profile or standard asks, with its source
    std::string found;        ///< what the instrument offers
    std::string message;      ///< one line for the operator (English)
    /// Which of the check's cases `message` states, as a value a front end words in its own
    /// language: "ok", "unstated", "too_wide", "distance_unknown", ... (see checkFitness).
    std::string reason;
    /// The numbers `message` quotes, in its order (degrees, metres, cd/m², months).
    std::vector<double> numbers;
};
void to_json(nlohmann::json& j, const FitnessCheck& c);

/// What is known of the instrument and the site when a run starts.
struct FitnessFacts {
    std::string model;
    std::string serial;
    std::string type;  ///< "spectroradiometer", "colorimeter", "virtual" or "" (unknown)
    double acceptance_angle_deg = 0.0;
    double min_luminance_cdm2 = 0.0;
    /// Stated accuracies (half-widths as on the data sheet); 0 = unknown.
    double accuracy_luminance_rel = 0.0;
    double accuracy_xy = 0.0;
    /// A colorimeter correction for this screen type is applied.
    bool corrected = false;
    /// The operator accepted an uncorrected colorimeter for a binding verdict (recorded).
    bool allow_uncorrected = false;
    /// Whether the run's verdict is binding (false when every limit is informative).
    bool binding = true;
    /// Longest distance from the meter to a point it reads, metres; 0 = unknown.
    double max_distance_m = 0.0;
    /// Smallest distance from a read point to the nearest screen edge, metres; 0 = unknown.
    double min_edge_inset_m = 0.0;
    /// Smallest patch side the meter must stay inside (checkerboard), metres; 0 = none.
    double min_patch_m = 0.0;
    /// Instrument calibration (per instrument): date "YYYY-MM-DD" and certificate id; may be empty.
    std::string calibration_date;
    std::string calibration_certificate;
    std::string today;  ///< "YYYY-MM-DD"
    int calibration_interval_months = 12;
};

/// Every check, in a fixed order. A check whose requirement the profile does not state is Ok with
/// "not required".
std::vector<FitnessCheck> checkFitness(const procedure::Profile& profile, const FitnessFacts& f);

/// True when any check is NotFit.
bool anyNotFit(const std::vector<FitnessCheck>& checks);

/// Spot diameter in metres of a meter with full acceptance angle `angle_deg` at `distance_m`.
double spotDiameter_m(double angle_deg, double distance_m);

/// Whole months from date a to date b ("YYYY-MM-DD"); throws std::invalid_argument on bad dates.
int monthsBetween(const std::string& a, const std::string& b);

}  // namespace cm::evaluation
