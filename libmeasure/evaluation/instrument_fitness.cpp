// SPDX-License-Identifier: Apache-2.0
// Instrument fitness checks against a profile's instrument requirements.
#include "libmeasure/evaluation/instrument_fitness.h"

#include <cmath>
#include <cstdio>
#include <sstream>
#include <stdexcept>

namespace cm::evaluation {

const char* toString(FitnessOutcome o) {
    switch (o) {
        case FitnessOutcome::Ok:
            return "ok";
        case FitnessOutcome::Warning:
            return "warning";
        case FitnessOutcome::NotFit:
            return "not fit";
        case FitnessOutcome::NotChecked:
            return "not checked";
    }
    return "?";
}

double spotDiameter_m(double angle_deg, double distance_m) {
    return 2.0 * distance_m * std::tan(angle_deg * M_PI / 360.0);
}

namespace {

std::string num(double v, int precision = 3) {
    std::ostringstream os;
    os.precision(precision);
    os << v;
    return os.str();
}

struct Ymd {
    int y, m, d;
};

Ymd parseDate(const std::string& s) {
    Ymd r{};
    char tail = 0;
    if (std::sscanf(s.c_str(), "%4d-%2d-%2d%c", &r.y, &r.m, &r.d, &tail) != 3 || r.m < 1 ||
        r.m > 12 || r.d < 1 || r.d > 31 || r.y < 1900) {
        throw std::invalid_argument("date '" + s + "' is not YYYY-MM-DD");
    }
    return r;
}

}  // namespace

int monthsBetween(const std::string& a, const std::string& b) {
    const Ymd x = parseDate(a);
    const Ymd y = parseDate(b);
    int months = (y.y - x.y) * 12 + (y.m - x.m);
    if (y.d < x.d) {
        --months;
    }
    return months;
}

std::vector<FitnessCheck> checkFitness(const procedure::Profile& profile, const FitnessFacts& f) {
    const procedure::InstrumentRequirements& req = profile.instrument;
    const std::string src = req.source.empty() ? "" : " (" + req.source + ")";
    std::vector<FitnessCheck> out;

    {
        FitnessCheck c{"acceptance_angle",
                       FitnessOutcome::Ok,
                       "≤ " + num(req.max_acceptance_angle_deg) + "°" + src,
                       num(f.acceptance_angle_deg) + "°",
                       "",
                       "",
                       {}};
        if (!(f.acceptance_angle_deg > 0.0)) {
            c.outcome = FitnessOutcome::NotChecked;
            c.message = "the instrument does not state its acceptance angle";
            c.reason = "unstated";
        } else if (f.acceptance_angle_deg > req.max_acceptance_angle_deg + 1e-9) {
            c.outcome = FitnessOutcome::NotFit;
            c.message = "acceptance angle " + num(f.acceptance_angle_deg) + "° exceeds the " +
                        num(req.max_acceptance_angle_deg) + "° the profile allows";
            c.reason = "too_wide";
            c.numbers = {f.acceptance_angle_deg, req.max_acceptance_angle_deg};
        } else {
            c.message = "acceptance angle within the profile's maximum";
            c.reason = "ok";
        }
        out.push_back(c);
    }
    {
        FitnessCheck c{"spot_size", FitnessOutcome::Ok, "", "", "", "", {}};
        if (!(f.max_distance_m > 0.0) || !(f.acceptance_angle_deg > 0.0)) {
            c.outcome = FitnessOutcome::NotChecked;
            c.requirement = "spot inside the screen and inside each patch";
            c.message = "measuring distance unknown: spot size not checked";
            c.reason = "distance_unknown";
        } else {
            const double d = spotDiameter_m(f.acceptance_angle_deg, f.max_distance_m);
            c.found = num(d) + " m spot at " + num(f.max_distance_m) + " m";
            // The spot must stay on the screen at the edge points: radius ≤ inset.
            const double maxByInset = f.min_edge_inset_m > 0.0 ? 2.0 * f.min_edge_inset_m : 0.0;
            // And well inside a checkerboard patch: diameter ≤ half its smaller side.
            const double maxByPatch = f.min_patch_m > 0.0 ? 0.5 * f.min_patch_m : 0.0;
            c.requirement =
                "spot diameter ≤ " +
                (maxByInset > 0.0
                     ? num(maxByInset) + " m (twice the edge inset" +
                           (profile.geometry.source.empty() ? std::string(")")
                                                            : ", " + profile.geometry.source + ")")
                     : std::string("—")) +
                (maxByPatch > 0.0 ? "; ≤ " + num(maxByPatch) + " m (half the smallest patch side)"
                                  : "");
            if (maxByInset > 0.0 && d > maxByInset) {
                c.outcome = FitnessOutcome::NotFit;
                c.message = "a " + num(d) + " m spot is wider than twice the " +
                            num(f.min_edge_inset_m) +
                            " m edge inset: edge readings would include "
                            "light from beyond the screen";
                c.reason = "wider_than_inset";
                c.numbers = {d, f.min_edge_inset_m};
            } else if (maxByPatch > 0.0 && d > maxByPatch) {
                c.outcome = FitnessOutcome::NotFit;
                c.message = "a " + num(d) + " m spot does not fit inside the " +
                            num(f.min_patch_m) + " m checkerboard patches";
                c.reason = "wider_than_patch";
                c.numbers = {d, f.min_patch_m};
            } else {
                c.message = "spot fits the points and patches";
                c.reason = "ok";
            }
        }
        out.push_back(c);
    }
    {
        FitnessCheck c{
            "range", FitnessOutcome::Ok, "", num(f.min_luminance_cdm2) + " cd/m²", "", "", {}};
        c.requirement = req.min_luminance_cdm2 > 0.0
                            ? "reads down to " + num(req.min_luminance_cdm2) + " cd/m²" + src
                            : "not required";
        if (req.min_luminance_cdm2 > 0.0 && f.min_luminance_cdm2 > req.min_luminance_cdm2) {
            c.outcome = FitnessOutcome::NotFit;
            c.message = "the instrument reads only down to " + num(f.min_luminance_cdm2) +
                        " cd/m², the darkest level needs " + num(req.min_luminance_cdm2) + " cd/m²";
            c.reason = "too_high";
            c.numbers = {f.min_luminance_cdm2, req.min_luminance_cdm2};
        } else {
            c.message = req.min_luminance_cdm2 > 0.0 ? "range covers the darkest level"
                                                     : "no low-light requirement";
            c.reason = req.min_luminance_cdm2 > 0.0 ? "ok" : "not_required";
        }
        out.push_back(c);
    }
    {
        FitnessCheck c{"spectral_correction", FitnessOutcome::Ok, "", f.type, "", "", {}};
        c.requirement = req.spectral ? "spectroradiometer" + src
                                     : "spectroradiometer, or colorimeter corrected for the screen";
        if (f.type == "colorimeter" && req.spectral) {
            c.outcome = FitnessOutcome::NotFit;
            c.message = "the profile needs a spectroradiometer";
            c.reason = "needs_spectroradiometer";
        } else if (f.type == "colorimeter" && !f.corrected) {
            if (!f.binding) {
                c.outcome = FitnessOutcome::Warning;
                c.message =
                    "colorimeter without a correction for this screen type (informative run)";
                c.reason = "uncorrected_informative";
            } else if (f.allow_uncorrected) {
                c.outcome = FitnessOutcome::Warning;
                c.message =
                    "colorimeter without a correction for this screen type, accepted with "
                    "--allow-uncorrected";
                c.reason = "uncorrected_accepted";
            } else {
                c.outcome = FitnessOutcome::NotFit;
                c.message =
                    "colorimeter without a correction for this screen type: not allowed "
                    "for a binding verdict (give --correction FILE, or "
                    "--allow-uncorrected to record the exception)";
                c.reason = "uncorrected_refused";
            }
        } else if (f.type.empty()) {
            c.outcome = FitnessOutcome::NotChecked;
            c.message = "instrument type unknown (no uncertainty model for '" + f.model + "')";
            c.reason = "type_unknown";
        } else {
            c.message = f.type == "colorimeter" ? "colorimeter with a screen correction"
                                                : "spectral instrument, no correction needed";
            c.reason = f.type == "colorimeter" ? "corrected" : "spectral";
        }
        out.push_back(c);
    }
    {
        FitnessCheck c{"accuracy", FitnessOutcome::Ok, "", "", "", "", {}};
        std::string need;
        if (req.accuracy_luminance_rel > 0.0) {
            need += "luminance ±" + num(100.0 * req.accuracy_luminance_rel) + " %";
        }
        if (req.accuracy_xy > 0.0) {
            need += (need.empty() ? "" : ", ") + std::string("x,y ±") + num(req.accuracy_xy);
        }
        c.requirement = need.empty() ? "not stated" : need + src;
        c.found = (f.accuracy_luminance_rel > 0.0
                       ? "luminance ±" + num(100.0 * f.accuracy_luminance_rel) + " %"
                       : std::string("luminance unknown")) +
                  (f.accuracy_xy > 0.0 ? ", x,y ±" + num(f.accuracy_xy) : ", x,y unknown");
        if (need.empty()) {
            c.message = "the profile states no accuracy requirement";
            c.reason = "not_required";
        } else if (f.type == "virtual") {
            c.found = "virtual meter";
            c.message = "virtual meter: no calibration error";
            c.reason = "virtual";
        } else if ((req.accuracy_luminance_rel > 0.0 && !(f.accuracy_luminance_rel > 0.0)) ||
                   (req.accuracy_xy > 0.0 && !(f.accuracy_xy > 0.0))) {
            c.outcome = FitnessOutcome::NotChecked;
            c.message = "the instrument's stated accuracy is unknown";
            c.reason = "unknown";
        } else if ((req.accuracy_luminance_rel > 0.0 &&
                    f.accuracy_luminance_rel > req.accuracy_luminance_rel + 1e-12) ||
                   (req.accuracy_xy > 0.0 && f.accuracy_xy > req.accuracy_xy + 1e-12)) {
            // The data sheet states accuracy at illuminant A; a calibration certificate may do
            // better, so this is reported, not refused.
            c.outcome = FitnessOutcome::Warning;
            c.message = "the data sheet's accuracy is coarser than the standard asks; U carries it";
            c.reason = "coarser";
        } else {
            c.message = "stated accuracy meets the requirement";
            c.reason = "ok";
        }
        out.push_back(c);
    }
    {
        FitnessCheck c{"calibration",
                       FitnessOutcome::Ok,
                       "calibrated within " + std::to_string(f.calibration_interval_months) +
                           " months, certificate recorded",
                       "",
                       "",
                       "",
                       {}};
        c.found =
            (f.calibration_date.empty() ? "date not given" : f.calibration_date) +
            (f.calibration_certificate.empty() ? ", no certificate id"
                                               : ", certificate " + f.calibration_certificate);
        if (f.type == "virtual") {
            c.message = "virtual meter: no calibration";
            c.reason = "virtual";
        } else if (f.calibration_date.empty()) {
            c.outcome = FitnessOutcome::Warning;
            c.message = "instrument calibration date not recorded";
            c.reason = "date_missing";
        } else {
            const int months = monthsBetween(f.calibration_date, f.today);
            if (months < 0) {
                c.outcome = FitnessOutcome::Warning;
                c.message = "calibration date lies in the future";
                c.reason = "future";
            } else if (months >= f.calibration_interval_months) {
                c.outcome = FitnessOutcome::Warning;
                c.message = "calibration is " + std::to_string(months) + " months old, past the " +
                            std::to_string(f.calibration_interval_months) + "-month interval";
                c.reason = "expired";
                c.numbers = {double(months), double(f.calibration_interval_months)};
            } else if (f.calibration_certificate.empty()) {
                c.outcome = FitnessOutcome::Warning;
                c.message = "calibration certificate id not recorded";
                c.reason = "certificate_missing";
            } else {
                c.message = "calibration within its interval";
                c.reason = "ok";
            }
        }
        out.push_back(c);
    }
    return out;
}

bool anyNotFit(const std::vector<FitnessCheck>& checks) {
    for (const FitnessCheck& c : checks) {
        if (c.outcome == FitnessOutcome::NotFit) {
            return true;
        }
    }
    return false;
}

}  // namespace cm::evaluation
