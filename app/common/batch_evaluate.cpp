// SPDX-License-Identifier: Apache-2.0
// Verdict comparison between two profiles over the same readings.
#include "app/common/batch_evaluate.h"

#include "libmeasure/colorimetry/spectrum_to_xyz.h"
#include "libmeasure/procedure/reading_spectrum.h"
#include "libmeasure/util/json_view.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <sstream>
#include <stdexcept>

namespace cm::app {

double marginToLimit(const evaluation::Tolerance& t, double v) {
    double m = std::numeric_limits<double>::infinity();
    if (t.lower) {
        m = std::min(m, v - *t.lower);
    }
    if (t.upper) {
        m = std::min(m, *t.upper - v);
    }
    return std::isinf(m) ? std::numeric_limits<double>::quiet_NaN() : m;
}

namespace {

/// The "after" half of a figure change: what the figure reads under the new profile.
FigureChange newSide(const std::string& source, const evaluation::FigureResult& nf) {
    FigureChange c;
    c.source = source;
    c.figure_id = nf.spec.id;
    c.label = nf.spec.label;
    c.value = nf.value;
    c.new_limit = nf.spec.tolerance.describe();
    c.new_verdict = nf.verdict;
    c.new_margin = marginToLimit(nf.spec.tolerance, nf.value);
    c.informative = nf.spec.tolerance.informative;
    return c;
}

}  // namespace

std::vector<FigureChange> compareEvaluations(
    const std::string& source, const std::vector<procedure::RecordedReading>& readings,
    const procedure::Profile& before, const procedure::Profile& after) {
    const auto a = evaluation::evaluateProfile(before, readings);
    const auto b = evaluation::evaluateProfile(after, readings);
    std::vector<FigureChange> out;
    for (const auto& nf : b.figures) {
        FigureChange c = newSide(source, nf);
        for (const auto& of : a.figures) {
            if (of.spec.id == nf.spec.id) {
                c.old_limit = of.spec.tolerance.describe();
                c.old_verdict = of.verdict;
            }
        }
        out.push_back(std::move(c));
    }
    return out;
}

std::vector<RecordedFigure> recordedFigures(const nlohmann::json& report,
                                            const std::string& source) {
    const util::JsonView root(report, source);
    std::vector<RecordedFigure> out;
    for (const util::JsonView& f : root.at("figures").elements()) {
        RecordedFigure r;
        r.id = f.string("id");
        r.value = f.at("value").raw().is_number() ? f.number("value")
                                                  : std::numeric_limits<double>::quiet_NaN();
        r.limit = f.at("limit").string("text");
        r.verdict = evaluation::Verdict::NotEvaluated;
        const std::string v = f.string("verdict");
        bool known = false;
        for (const auto candidate :
             {evaluation::Verdict::Pass, evaluation::Verdict::Fail,
              evaluation::Verdict::NotEvaluated, evaluation::Verdict::ConditionalPass,
              evaluation::Verdict::ConditionalFail}) {
            if (v == evaluation::toString(candidate)) {
                r.verdict = candidate;
                known = true;
            }
        }
        if (v == "CONDITIONAL") {
            // Reports written before the non-binary rule had one conditional word: value ± U
            // straddled the limit; which side the value lay on is not recorded.
            r.verdict = evaluation::Verdict::ConditionalPass;
            known = true;
        }
        if (!known) {
            f.at("verdict").fail("expected a verdict word such as PASS or FAIL");
        }
        out.push_back(std::move(r));
    }
    return out;
}

std::vector<procedure::RecordedReading> underObserver(
    std::vector<procedure::RecordedReading> readings, const colorimetry::Observer& observer,
    const std::string& source) {
    for (auto& r : readings) {
        const auto s = procedure::spectralRadiance(r.reading);
        if (!s) {
            throw std::invalid_argument(source + ": reading " + r.step_id + "/" + r.point_id +
                                        " has no spectrum; another observer needs the spectra "
                                        "of a spectroradiometer");
        }
        r.reading.xyz_cdm2 = colorimetry::absoluteXYZ(*s, observer);
        r.reading.uncorrected_xyz_cdm2.reset();
    }
    return readings;
}

std::vector<FigureChange> compareWithRecorded(
    const std::string& source, const std::vector<procedure::RecordedReading>& readings,
    const std::vector<RecordedFigure>& recorded, const procedure::Profile& after) {
    const auto b = evaluation::evaluateProfile(after, readings);
    std::vector<FigureChange> out;
    for (const auto& nf : b.figures) {
        FigureChange c = newSide(source, nf);
        for (const auto& of : recorded) {
            if (of.id == nf.spec.id) {
                c.old_limit = of.limit;
                c.old_verdict = of.verdict;
            }
        }
        out.push_back(std::move(c));
    }
    return out;
}

void requirePlausibleReadings(const std::vector<procedure::RecordedReading>& readings,
                              const std::string& source) {
    // Far above any screen (PQ peaks at 10 000 cd/m²) yet far below overflow.
    constexpr double kMaxTristimulus_cdm2 = 1e6;
    // A meter's own noise and dark offset put a component a little below zero where the light
    // has none of it: Z of a saturated red primary, all three at black. Allowed down to 1 % of
    // the largest component plus 0.05 cd/m²; further below is not noise.
    constexpr double kNoiseFraction = 0.01, kNoiseFloor_cdm2 = 0.05;
    std::string bad;
    for (std::size_t i = 0; i < readings.size(); ++i) {
        const auto& x = readings[i].reading.xyz_cdm2;
        const double largest = std::max({x.X, x.Y, x.Z});
        const double lowest = -(kNoiseFloor_cdm2 + kNoiseFraction * std::max(0.0, largest));
        const bool ok = std::isfinite(x.X) && std::isfinite(x.Y) && std::isfinite(x.Z) &&
                        x.Y >= lowest && x.X >= lowest && x.Z >= lowest &&
                        largest <= kMaxTristimulus_cdm2;
        if (!ok) {
            char v[96];
            std::snprintf(v, sizeof v, "X = %.6g, Y = %.6g, Z = %.6g cd/m²", x.X, x.Y, x.Z);
            bad += (bad.empty() ? "" : "; ") + std::string("reading ") + std::to_string(i + 1) +
                   " (step " + readings[i].step_id + ", point " + readings[i].point_id + "): " + v;
        }
    }
    if (!bad.empty()) {
        throw util::DataError(source, "$.readings",
                              "implausible readings (negative beyond a meter's noise, non-finite "
                              "or above 1e6 cd/m²; "
                              "was the report edited?): " +
                                  bad);
    }
}

std::vector<FigureChange> reevaluateSessions(const SessionStore& store,
                                             const procedure::Profile& after) {
    std::vector<FigureChange> all;
    for (const SessionInfo& s : store.sessions()) {
        const nlohmann::json doc = util::parseJson(s.profile_json, s.id + " (stored profile)");
        const procedure::Profile before =
            procedure::parseProfile(util::JsonView(doc, s.id + " (stored profile)"));
        auto c = compareEvaluations(s.id, store.readings(s.id), before, after);
        all.insert(all.end(), c.begin(), c.end());
    }
    return all;
}

std::string comparisonCsv(const std::vector<FigureChange>& changes) {
    std::ostringstream os;
    os << "source,figure,value,old_limit,old_verdict,new_limit,new_verdict,changed,new_margin\n";
    for (const auto& c : changes) {
        char v[32];
        char m[32];
        std::snprintf(v, sizeof v, "%.6g", c.value);
        std::snprintf(m, sizeof m, "%.6g", c.new_margin);
        os << c.source << ',' << c.figure_id << ',' << v << ",\"" << c.old_limit << "\","
           << evaluation::toString(c.old_verdict) << ",\"" << c.new_limit << "\","
           << evaluation::toString(c.new_verdict) << ',' << (c.changed() ? "yes" : "no") << ',' << m
           << '\n';
    }
    return os.str();
}

}  // namespace cm::app
