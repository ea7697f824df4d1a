// SPDX-License-Identifier: Apache-2.0
// Monte Carlo propagation with systematic-per-run and random-per-reading components.
#include "libmeasure/evaluation/uncertainty_propagation.h"

#include "libmeasure/evaluation/metric_registry.h"
#include "libmeasure/procedure/profile.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <random>

namespace cm::evaluation {

namespace {

using Rng = std::mt19937_64;

double drawComponent(const UncertaintyComponent& c, Rng& rng) {
    if (c.distribution == Distribution::Rectangular) {
        return std::uniform_real_distribution<double>(-c.value, c.value)(rng);
    }
    return std::normal_distribution<double>(0.0, c.standardUncertainty())(rng);
}

/// The systematic error of one instrument in one run.
struct SystematicDraw {
    double scale = 0.0;
    std::vector<std::pair<double, double>> linearity;  ///< (relative error per decade, reference)
    double dx = 0.0;
    double dy = 0.0;

    double luminanceFactor(double Y) const {
        double f = 1.0 + scale;
        for (const auto& [g, ref] : linearity) {
            f += g * std::log10(std::max(Y, 1e-9) / ref);
        }
        return f;
    }
};

SystematicDraw drawSystematic(const InstrumentUncertaintyModel& m, Rng& rng) {
    SystematicDraw s;
    for (const UncertaintyComponent& c : m.components) {
        if (c.kind != ComponentKind::SystematicPerRun) {
            continue;
        }
        switch (c.quantity) {
            case ComponentQuantity::LuminanceRel:
                s.scale += drawComponent(c, rng);
                break;
            case ComponentQuantity::LinearityRelPerDecade:
                s.linearity.emplace_back(drawComponent(c, rng), c.reference_cdm2);
                break;
            case ComponentQuantity::ChromaticityXY:
                s.dx += drawComponent(c, rng);
                s.dy += drawComponent(c, rng);
                break;
            case ComponentQuantity::LuminanceAbs_cdm2:
                break;  // never systematic (rejected at parse time)
        }
    }
    return s;
}

std::string instrumentKey(const procedure::InstrumentInfo& i) {
    return i.family + "\n" + i.model + "\n" + i.serial;
}

/// Readings averaged at one (instrument, step, point), with what the draws need.
struct Group {
    procedure::RecordedReading mean;  ///< the mean XYZ in reading.xyz_cdm2
    std::size_t instrument = 0;       ///< index into the run's instruments
    double Y = 0.0;
    colorimetry::ChromaticityXY xy;
    double sigma_rel = 0.0;  ///< random, of the mean
    double sigma_abs = 0.0;  ///< random floor on X, Y, Z, of the mean
    double sigma_xy = 0.0;   ///< random, of the mean
};

struct Instrument {
    InstrumentUncertaintyModel model;
};

}  // namespace

PropagatedUncertainty propagateUncertainty(const procedure::FigureSpec& spec,
                                           const std::vector<procedure::RecordedReading>& readings,
                                           const std::vector<InstrumentUncertaintyModel>& models,
                                           const MonteCarloOptions& options, std::uint64_t seed) {
    PropagatedUncertainty out;
    const MetricInfo* metric = findMetric(spec.metric);
    if (metric == nullptr) {
        return out;
    }
    auto usedByFigure = [&](const procedure::RecordedReading& r) {
        return r.step_id == spec.step ||
               (!spec.reference_step.empty() && r.step_id == spec.reference_step) ||
               (!spec.black_step.empty() && r.step_id == spec.black_step) ||
               std::find(spec.steps.begin(), spec.steps.end(), r.step_id) != spec.steps.end();
    };
    // Instruments of the run (each has its own systematic draw) and the groups.
    std::vector<Instrument> instruments;
    std::map<std::string, std::size_t> instrumentIndex;
    std::map<std::tuple<std::size_t, std::string, std::string>, std::vector<std::size_t>> idx;
    for (std::size_t i = 0; i < readings.size(); ++i) {
        const auto& r = readings[i];
        if (!usedByFigure(r)) {
            continue;
        }
        const std::string key = instrumentKey(r.reading.instrument);
        auto it = instrumentIndex.find(key);
        if (it == instrumentIndex.end()) {
            const InstrumentUncertaintyModel* m =
                findUncertaintyModel(models, r.reading.instrument.model);
            instruments.push_back(
                {m ? *m : legacyModel(r.reading.u_luminance_rel, r.reading.u_chromaticity_xy)});
            it = instrumentIndex.emplace(key, instruments.size() - 1).first;
        }
        idx[{it->second, r.step_id, r.point_id}].push_back(i);
    }
    std::vector<Group> groups;
    bool anyU = false;
    for (const auto& [key, members] : idx) {
        const Instrument& ins = instruments[std::get<0>(key)];
        const double n = static_cast<double>(members.size());
        colorimetry::XYZ mean;
        double mx = 0.0, my = 0.0;
        for (std::size_t i : members) {
            const auto& x = readings[i].reading.xyz_cdm2;
            const auto xy = colorimetry::toXY(x);
            mean = {mean.X + x.X / n, mean.Y + x.Y / n, mean.Z + x.Z / n};
            mx += xy.x / n;
            my += xy.y / n;
        }
        const double rRel =
            ins.model.standard(ComponentKind::RandomPerReading, ComponentQuantity::LuminanceRel);
        const double rAbs = ins.model.standard(ComponentKind::RandomPerReading,
                                               ComponentQuantity::LuminanceAbs_cdm2);
        const double rXy =
            ins.model.standard(ComponentKind::RandomPerReading, ComponentQuantity::ChromaticityXY);
        Group g;
        g.mean = readings[members.front()];
        g.mean.repeat = 0;
        g.mean.reading.xyz_cdm2 = mean;
        g.instrument = std::get<0>(key);
        g.Y = mean.Y;
        g.xy = colorimetry::toXY(mean);
        // A reading that averages a exposures (or driver-side readings) carries σ / √a of the
        // budget's random part: per reading the variance factor is 1/a, and the group mean's is
        // Σ(1/aᵢ) / n² (1/n for single-exposure readings, as before).
        double invAverages = 0.0;
        for (std::size_t i : members) {
            invAverages += 1.0 / static_cast<double>(std::max(1, readings[i].reading.averages));
        }
        const double perReading = std::sqrt(invAverages / n);  // model σ factor of one reading
        double fRel = rRel * perReading;
        double fAbs = rAbs * perReading;
        double fXy = rXy * perReading;
        if (members.size() >= 2) {
            // Observed scatter of the repeats (Type A): when it exceeds what the model predicts,
            // the model's random part is scaled up to it (never down).
            double vY = 0.0, vXy = 0.0;
            for (std::size_t i : members) {
                const auto& x = readings[i].reading.xyz_cdm2;
                const auto xy = colorimetry::toXY(x);
                vY += (x.Y - mean.Y) * (x.Y - mean.Y) / (n - 1);
                vXy += ((xy.x - mx) * (xy.x - mx) + (xy.y - my) * (xy.y - my)) / (2.0 * (n - 1));
            }
            const double model = std::hypot(fRel * mean.Y, fAbs);
            const double observed = std::sqrt(vY);
            if (std::isfinite(observed) && observed > model) {
                if (model > 0.0) {
                    fRel *= observed / model;
                    fAbs *= observed / model;
                } else if (mean.Y > 0.0) {
                    fRel = observed / mean.Y;
                }
            }
            if (std::isfinite(vXy)) {
                fXy = std::max(fXy, std::sqrt(vXy));
            }
        }
        g.sigma_rel = fRel / std::sqrt(n);
        g.sigma_abs = fAbs / std::sqrt(n);
        g.sigma_xy = fXy / std::sqrt(n);
        anyU = anyU || g.sigma_rel > 0.0 || g.sigma_abs > 0.0 || g.sigma_xy > 0.0;
        groups.push_back(std::move(g));
    }
    for (const Instrument& ins : instruments) {
        for (const auto& c : ins.model.components) {
            anyU = anyU || (c.kind == ComponentKind::SystematicPerRun && c.value > 0.0);
        }
    }
    if (!anyU || groups.empty()) {
        return out;
    }
    Rng rng(seed);
    std::normal_distribution<double> n01(0.0, 1.0);
    std::vector<procedure::RecordedReading> draw;
    draw.reserve(groups.size());
    for (const Group& g : groups) {
        draw.push_back(g.mean);
    }
    std::vector<SystematicDraw> sys(instruments.size());
    // One Monte Carlo draw of the metric around `base`.
    auto drawOnce = [&](const std::vector<Group>& base) {
        for (std::size_t k = 0; k < instruments.size(); ++k) {
            sys[k] = drawSystematic(instruments[k].model, rng);
        }
        for (std::size_t i = 0; i < base.size(); ++i) {
            const Group& g = base[i];
            const SystematicDraw& s = sys[g.instrument];
            const double Y = g.Y * (s.luminanceFactor(g.Y) + g.sigma_rel * n01(rng));
            const colorimetry::ChromaticityXY xy{g.xy.x + s.dx + g.sigma_xy * n01(rng),
                                                 g.xy.y + s.dy + g.sigma_xy * n01(rng)};
            colorimetry::XYZ x = colorimetry::fromxyY(xy, Y);
            if (g.sigma_abs > 0.0) {
                x.X += g.sigma_abs * n01(rng);
                x.Y += g.sigma_abs * n01(rng);
                x.Z += g.sigma_abs * n01(rng);
            }
            draw[i].reading.xyz_cdm2 = x;
        }
        return metric->compute(spec, draw);
    };
    std::vector<double> values;
    const bool adaptive = options.draws <= 0;
    const int maxDraws = adaptive ? std::max(options.max_draws, options.min_draws) : options.draws;
    const int batch = adaptive ? std::max(500, options.min_draws / 2) : options.draws;
    int attempted = 0;
    while (attempted < maxDraws) {
        const int until = std::min(maxDraws, attempted + batch);
        for (; attempted < until; ++attempted) {
            const double v = drawOnce(groups);
            if (std::isfinite(v)) {
                values.push_back(v);
            }
        }
        if (values.size() < 2) {
            continue;
        }
        // Relative standard error of the standard deviation: sqrt((m4/m2² − 1) / (4N)).
        double mean = 0.0;
        for (double v : values) {
            mean += v;
        }
        mean /= static_cast<double>(values.size());
        double m2 = 0.0, m4 = 0.0;
        for (double v : values) {
            const double d2 = (v - mean) * (v - mean);
            m2 += d2;
            m4 += d2 * d2;
        }
        const double N = static_cast<double>(values.size());
        m2 /= N;
        m4 /= N;
        out.expanded = 2.0 * std::sqrt(m2 * N / (N - 1.0));
        out.draws = static_cast<int>(values.size());
        out.rel_standard_error =
            m2 > 0.0 ? std::sqrt(std::max(0.0, m4 / (m2 * m2) - 1.0) / (4.0 * N)) : 0.0;
        if (!adaptive ||
            (attempted >= options.min_draws && out.rel_standard_error <= options.target_rel_se)) {
            break;
        }
    }
    if (needs(*metric, kMagnitude) && out.expanded > 0.0 && adaptive) {
        // A magnitude near its kink at zero: the measured values already carry one random draw,
        // so draws around them spread wider than the value does over repeated runs (a Rice
        // against a Rayleigh distribution). Move the base one more random draw away, measure
        // the spread there (s₂), and extrapolate back one step: s₀² = 2 s₁² − s₂². For a metric
        // away from its kink s₂ = s₁ and nothing changes.
        constexpr int kBases = 32;
        constexpr int kInner = 1000;
        double s2sum = 0.0;
        int basesUsed = 0;
        std::vector<Group> moved = groups;
        for (int b = 0; b < kBases; ++b) {
            for (std::size_t i = 0; i < groups.size(); ++i) {
                const Group& g = groups[i];
                moved[i].Y = g.Y * (1.0 + g.sigma_rel * n01(rng)) + g.sigma_abs * n01(rng);
                moved[i].xy = {g.xy.x + g.sigma_xy * n01(rng), g.xy.y + g.sigma_xy * n01(rng)};
            }
            double s = 0.0, ss = 0.0;
            int n = 0;
            for (int d = 0; d < kInner; ++d) {
                const double v = drawOnce(moved);
                if (std::isfinite(v)) {
                    s += v;
                    ss += v * v;
                    ++n;
                }
            }
            if (n >= 2) {
                const double m = s / n;
                s2sum += std::max(0.0, (ss - n * m * m) / (n - 1));
                ++basesUsed;
            }
        }
        if (basesUsed > 0) {
            const double s1sq = 0.25 * out.expanded * out.expanded;
            const double s2sq = s2sum / basesUsed;
            // Never below half the variance at the measured base (a guard against noise).
            const double s0sq = std::max(0.5 * s1sq, std::min(s1sq, 2.0 * s1sq - s2sq));
            out.expanded = 2.0 * std::sqrt(s0sq);
            out.draws += kBases * kInner;
        }
    }
    return out;
}

std::vector<procedure::RecordedReading> simulateRun(
    const std::vector<procedure::RecordedReading>& truth, const InstrumentUncertaintyModel& model,
    std::uint64_t rng_seed) {
    Rng rng(rng_seed);
    const SystematicDraw s = drawSystematic(model, rng);
    std::vector<procedure::RecordedReading> out = truth;
    for (procedure::RecordedReading& r : out) {
        const colorimetry::XYZ t = r.reading.xyz_cdm2;
        // A reading of `averages` exposures carries σ / √averages of the random part.
        const double k = 1.0 / std::sqrt(static_cast<double>(std::max(1, r.reading.averages)));
        double rel = 0.0, dx = 0.0, dy = 0.0;
        std::vector<const UncertaintyComponent*> floors;
        for (const UncertaintyComponent& c : model.components) {
            if (c.kind != ComponentKind::RandomPerReading) {
                continue;
            }
            if (c.quantity == ComponentQuantity::LuminanceRel) {
                rel += k * drawComponent(c, rng);
            } else if (c.quantity == ComponentQuantity::ChromaticityXY) {
                dx += k * drawComponent(c, rng);
                dy += k * drawComponent(c, rng);
            } else if (c.quantity == ComponentQuantity::LuminanceAbs_cdm2) {
                floors.push_back(&c);
            }
        }
        const auto xy = colorimetry::toXY(t);
        colorimetry::XYZ x = colorimetry::fromxyY({xy.x + s.dx + dx, xy.y + s.dy + dy},
                                                  t.Y * (s.luminanceFactor(t.Y) + rel));
        for (const UncertaintyComponent* c : floors) {
            x.X += k * drawComponent(*c, rng);
            x.Y += k * drawComponent(*c, rng);
            x.Z += k * drawComponent(*c, rng);
        }
        r.reading.xyz_cdm2 = x;
    }
    return out;
}

}  // namespace cm::evaluation
