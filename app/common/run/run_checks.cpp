// SPDX-License-Identifier: Apache-2.0
// Instrument fitness and room conditions, gathered from the session and judged by libmeasure.
#include "app/common/run/run_checks.h"

#include "app/common/run/instrument_models.h"
#include "libmeasure/geometry/screen.h"

#include <algorithm>
#include <cmath>
#include <ctime>
#include <sstream>

namespace cm::app {

std::string todayUtc() {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

bool runIsBinding(const PreparedSimulation& sim) {
    const bool informativePolicy = sim.info.provisional_policy != "binding";
    for (const auto& f : sim.profile.figures) {
        const auto& t = f.tolerance;
        if (t.informative) {
            continue;
        }
        if (t.provisional && (informativePolicy || !sim.profile.binding_allowed)) {
            continue;
        }
        return true;
    }
    return false;
}

namespace {

/// Longest meter-to-point distance over the steps, with each step's seat.
double maxDistance_m(const PreparedSimulation& sim, const RunOptions& o) {
    if (sim.field) {
        // A field site states no seat positions; the operator may give the distance.
        return o.measuring_distance_m;
    }
    double worst = 0.0;
    for (const procedure::Step& step : sim.profile.steps) {
        for (const std::string& pid : step.points) {
            const auto it = std::find_if(sim.points.begin(), sim.points.end(),
                                         [&](const auto& p) { return p.id == pid; });
            if (it == sim.points.end()) {
                continue;
            }
            double d = 2.0;  // the "normal" seat stands 2 m in front of the point
            if (step.seat != procedure::kSeatNormal) {
                const geometry::Seat* seat =
                    step.seat.empty() ? &sim.seat : sim.config.findSeat(step.seat);
                if (seat == nullptr) {
                    continue;
                }
                d = geometry::lineOfSight(*seat, it->position).distance_m;
            }
            worst = std::max(worst, d);
        }
    }
    return worst;
}

double minEdgeInset_m(const PreparedSimulation& sim) {
    double inset = 0.0;
    bool any = false;
    for (const procedure::Step& step : sim.profile.steps) {
        for (const std::string& pid : step.points) {
            const auto it = std::find_if(sim.points.begin(), sim.points.end(),
                                         [&](const auto& p) { return p.id == pid; });
            if (it == sim.points.end() || it->id.rfind('K', 0) == 0) {
                continue;  // checkerboard patches are checked by patch size
            }
            const double e =
                std::min(sim.config.screen.width_m / 2.0 - std::abs(it->position.x_m),
                         sim.config.screen.height_m / 2.0 - std::abs(it->position.y_m));
            inset = any ? std::min(inset, e) : e;
            any = true;
        }
    }
    return any ? std::max(inset, 1e-6) : 0.0;
}

double minPatch_m(const PreparedSimulation& sim) {
    for (const procedure::Step& step : sim.profile.steps) {
        if (step.stimulus.rfind("checkerboard", 0) == 0) {
            // 4 × 4 board (RP 431-2 §7.6): each patch a quarter of the width and of the height.
            return std::min(sim.config.screen.width_m, sim.config.screen.height_m) / 4.0;
        }
    }
    return 0.0;
}

}  // namespace

void checkRun(const PreparedSimulation& sim, const procedure::InstrumentInfo& instrument,
              const drivers::Capabilities& caps, bool corrected, RunRecord& record) {
    const RunOptions& o = record.options;
    const auto models = instrumentModelsFor(sim.config.noise, instrument.model);
    const evaluation::InstrumentUncertaintyModel* model =
        instrument.family == "virtual" ? &models.back()
                                       : evaluation::findUncertaintyModel(models, instrument.model);
    evaluation::FitnessFacts f;
    f.model = instrument.model;
    f.serial = instrument.serial;
    f.type = model ? model->type : "";
    f.acceptance_angle_deg = caps.acceptance_angle_deg > 0.0 ? caps.acceptance_angle_deg
                                                             : instrument.acceptance_angle_deg;
    f.min_luminance_cdm2 = caps.min_luminance_cdm2;
    if (model != nullptr) {
        for (const auto& c : model->components) {
            if (c.kind != evaluation::ComponentKind::SystematicPerRun) {
                continue;
            }
            if (c.quantity == evaluation::ComponentQuantity::LuminanceRel) {
                f.accuracy_luminance_rel += c.value;
            } else if (c.quantity == evaluation::ComponentQuantity::ChromaticityXY) {
                f.accuracy_xy += c.value;
            }
        }
    }
    f.corrected = corrected;
    f.allow_uncorrected = o.allow_uncorrected;
    f.binding = runIsBinding(sim);
    f.max_distance_m = maxDistance_m(sim, o);
    f.min_edge_inset_m = minEdgeInset_m(sim);
    f.min_patch_m = minPatch_m(sim);
    f.calibration_date =
        instrument.calibration_date.empty() ? o.calibration_date : instrument.calibration_date;
    f.calibration_certificate = instrument.calibration_certificate.empty()
                                    ? o.calibration_certificate
                                    : instrument.calibration_certificate;
    f.today = todayUtc();
    f.calibration_interval_months = o.calibration_interval_months;
    record.fitness = evaluation::checkFitness(sim.profile, f);

    auto& k = record.conditions;
    k.warm_up_required_min_minutes = sim.profile.conditions.warm_up_min_minutes;
    k.warm_up_source = sim.profile.conditions.warm_up_source;
    k.ambient_step = sim.profile.conditions.ambient_step;
    k.ambient_source = sim.profile.conditions.ambient_source;
    k.warm_up_minutes = o.warm_up_minutes;
    std::vector<std::string> refusals;
    if (k.warm_up_required_min_minutes <= 0.0) {
        k.warm_up_outcome = "not required";
    } else if (o.warm_up_minutes < 0.0) {
        if (!sim.field) {
            // The virtual display is as warm as the profile asks.
            k.warm_up_minutes = k.warm_up_required_min_minutes;
            k.warm_up_outcome = "simulated";
        } else {
            k.warm_up_outcome = "not stated";
        }
    } else if (o.warm_up_minutes < k.warm_up_required_min_minutes) {
        k.warm_up_outcome = "too short";
        std::ostringstream os;
        os << "warm-up: the display has been on " << o.warm_up_minutes << " min, the profile asks "
           << k.warm_up_required_min_minutes << " min (" << k.warm_up_source << ")";
        refusals.push_back(os.str());
    } else {
        k.warm_up_outcome = "ok";
    }
    record.checked = true;
    for (auto& c : record.fitness) {
        if (c.outcome == evaluation::FitnessOutcome::NotFit) {
            if (o.allow_unfit) {
                c.message += " — accepted with --allow-unfit: no overall verdict";
                continue;
            }
            refusals.push_back(c.id + ": " + c.message + " (requirement: " + c.requirement + ")");
        }
    }
    if (!refusals.empty()) {
        std::string msg = "instrument or room not fit for profile '" + sim.profile.id + "' (" +
                          instrument.model + "): ";
        for (std::size_t i = 0; i < refusals.size(); ++i) {
            msg += (i ? "; " : "") + refusals[i];
        }
        throw RunRefused(msg);
    }
}

}  // namespace cm::app
