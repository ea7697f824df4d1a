// SPDX-License-Identifier: Apache-2.0
// Chart data from the report model (no drawing here): targets, means, locus, ramps and bars.
#include "app/common/present/chart_data.h"

#include "app/common/cie_data.h"
#include "libmeasure/colorimetry/spectral_consistency.h"
#include "libmeasure/evaluation/metrics_eotf.h"
#include "libmeasure/procedure/reading_spectrum.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace cm::app::present {

namespace {

int rank(evaluation::Verdict v) {
    switch (v) {
        case evaluation::Verdict::Fail:
            return 3;
        case evaluation::Verdict::ConditionalFail:
        case evaluation::Verdict::ConditionalPass:
            return 2;
        case evaluation::Verdict::NotEvaluated:
            return 1;
        case evaluation::Verdict::Pass:
            break;
    }
    return 0;
}

const procedure::Step* findStep(const procedure::Profile& p, const std::string& id) {
    for (const auto& s : p.steps) {
        if (s.id == id) {
            return &s;
        }
    }
    return nullptr;
}

/// Mean luminance of `step` at `point` over its repeats; NaN when not read.
double meanY(const report::CertificationReport& r, const std::string& step,
             const std::string& point) {
    double sum = 0.0;
    int n = 0;
    for (const auto& rr : r.readings) {
        if (rr.step_id == step && rr.point_id == point) {
            sum += rr.reading.xyz_cdm2.Y;
            ++n;
        }
    }
    return n > 0 ? sum / n : NAN;
}

}  // namespace

std::vector<ChromaTarget> chromaticityTargets(const report::CertificationReport& r) {
    std::vector<ChromaTarget> out;
    for (const auto& f : r.evaluation.figures) {
        const bool isX = f.spec.metric == "chromaticity_x";
        if (!isX && f.spec.metric != "chromaticity_y") {
            continue;
        }
        const auto& tol = f.spec.tolerance;
        if (!tol.target) {
            continue;
        }
        auto it = std::find_if(out.begin(), out.end(), [&](const ChromaTarget& t) {
            return t.step == f.spec.step && t.point == f.spec.point;
        });
        if (it == out.end()) {
            ChromaTarget t;
            t.step = f.spec.step;
            t.point = f.spec.point;
            t.uv = f.spec.unit == "u'v'";
            if (const auto* s = findStep(r.profile, f.spec.step)) {
                t.stimulus = s->stimulus;
            }
            t.verdict = f.verdict;
            out.push_back(t);
            it = out.end() - 1;
        } else if (rank(f.verdict) > rank(it->verdict)) {
            it->verdict = f.verdict;
        }
        (isX ? it->x : it->y) = *tol.target;
        (isX ? it->xlo : it->ylo) = tol.lower.value_or(NAN);
        (isX ? it->xhi : it->yhi) = tol.upper.value_or(NAN);
        (isX ? it->mx : it->my) = f.value;
    }
    // A target needs both coordinates.
    out.erase(
        std::remove_if(out.begin(), out.end(),
                       [](const ChromaTarget& t) { return std::isnan(t.x) || std::isnan(t.y); }),
        out.end());
    return out;
}

std::vector<PointMean> pointMeans(const report::CertificationReport& r, const std::string& step) {
    std::vector<PointMean> out;
    for (const auto& pt : r.points) {
        colorimetry::XYZ sum{0, 0, 0};
        int n = 0;
        for (const auto& rr : r.readings) {
            if (rr.step_id == step && rr.point_id == pt.id) {
                sum.X += rr.reading.xyz_cdm2.X;
                sum.Y += rr.reading.xyz_cdm2.Y;
                sum.Z += rr.reading.xyz_cdm2.Z;
                ++n;
            }
        }
        if (n == 0) {
            continue;
        }
        PointMean m;
        m.step = step;
        m.point = pt.id;
        m.x_m = pt.position.x_m;
        m.y_m = pt.position.y_m;
        m.luminance_cdm2 = sum.Y / n;
        m.xy = colorimetry::toXY(colorimetry::XYZ{sum.X / n, sum.Y / n, sum.Z / n});
        m.n = n;
        out.push_back(m);
    }
    return out;
}

std::vector<std::string> multiPointSteps(const report::CertificationReport& r) {
    std::vector<std::string> order;
    std::map<std::string, std::vector<std::string>> points;
    for (const auto& rr : r.readings) {
        auto& ps = points[rr.step_id];
        if (ps.empty()) {
            order.push_back(rr.step_id);
        }
        if (std::find(ps.begin(), ps.end(), rr.point_id) == ps.end()) {
            ps.push_back(rr.point_id);
        }
    }
    std::vector<std::string> out;
    for (const auto& s : order) {
        const auto* step = findStep(r.profile, s);
        if (step != nullptr && step->stimulus == "checkerboard") {
            continue;
        }
        if (points[s].size() >= 3) {
            out.push_back(s);
        }
    }
    return out;
}

const std::vector<colorimetry::ChromaticityXY>& spectralLocusXY() {
    static const std::vector<colorimetry::ChromaticityXY> locus = [] {
        std::vector<colorimetry::ChromaticityXY> pts;
        try {
            const auto& o = app::cieData().cie1931_2;
            for (double nm = 380; nm <= 700; nm += 2) {
                const long i = o.indexOf(nm);
                if (i < 0) {
                    continue;
                }
                const auto k = static_cast<std::size_t>(i);
                const double s = o.xbar[k] + o.ybar[k] + o.zbar[k];
                if (s > 0) {
                    pts.push_back({o.xbar[k] / s, o.ybar[k] / s});
                }
            }
        } catch (const std::exception&) {
            // Without the CIE tables the diagram has no locus; targets and readings still stand.
        }
        return pts;
    }();
    return locus;
}

std::vector<SpectrumSeries> displaySpectra(const report::CertificationReport& r) {
    std::vector<SpectrumSeries> out;
    for (const char* stimulus : {"white", "red", "green", "blue"}) {
        for (const auto& rr : r.readings) {
            const auto* step = findStep(r.profile, rr.step_id);
            if (step == nullptr || step->stimulus != stimulus ||
                rr.reading.spectral_radiance.size() < 2) {
                continue;
            }
            SpectrumSeries s;
            s.stimulus = stimulus;
            s.step = rr.step_id;
            s.point = rr.point_id;
            s.start_nm = rr.reading.spectrum_start_nm;
            s.step_nm = rr.reading.spectrum_step_nm;
            s.radiance = rr.reading.spectral_radiance;
            const auto peak = std::max_element(s.radiance.begin(), s.radiance.end());
            s.peak_nm = s.start_nm + s.step_nm * static_cast<double>(peak - s.radiance.begin());
            if (const auto c = spectralCheck(rr.reading)) {
                s.delta_Y_pct = c->delta_Y_pct;
                s.delta_uv = c->delta_uv;
            }
            out.push_back(std::move(s));
            break;
        }
    }
    return out;
}

std::optional<colorimetry::SpectralConsistency> spectralCheck(const procedure::Reading& reading) {
    const auto s = procedure::spectralRadiance(reading);
    if (!s) {
        return std::nullopt;
    }
    // The uncorrected XYZ is the instrument's own (a correction is applied after it).
    const colorimetry::XYZ own = reading.uncorrected_xyz_cdm2.value_or(reading.xyz_cdm2);
    return colorimetry::compareWithSpectrum(own, *s, app::cieData().cie1931_2);
}

std::vector<RampChart> rampCharts(const report::CertificationReport& r) {
    std::vector<RampChart> out;
    for (const auto& f : r.evaluation.figures) {
        const auto& s = f.spec;
        const bool eotf = s.metric == "eotf_error_worst";
        if ((!eotf && s.metric != "gamma_fit") || s.steps.size() != s.step_codes_y.size()) {
            continue;
        }
        const std::string transfer = eotf ? s.transfer : "gamma-fit";
        auto it = std::find_if(out.begin(), out.end(),
                               [&](const RampChart& c) { return c.transfer == transfer; });
        if (it == out.end()) {
            RampChart c;
            c.figure_id = s.id;
            c.label = eotf ? "EOTF (" + s.transfer + ")" : s.label;
            c.transfer = transfer;
            out.push_back(c);
            it = out.end() - 1;
        }
        const double black = s.black_step.empty() ? 0.0 : meanY(r, s.black_step, s.point);
        double peak = NAN;
        int peakCode = 0;
        if (!eotf) {
            for (std::size_t i = 0; i < s.steps.size(); ++i) {
                if (s.step_codes_y[i] > peakCode) {
                    peakCode = s.step_codes_y[i];
                    peak = meanY(r, s.steps[i], s.point) - (std::isnan(black) ? 0.0 : black);
                }
            }
        }
        for (std::size_t i = 0; i < s.steps.size(); ++i) {
            if (std::any_of(it->levels.begin(), it->levels.end(),
                            [&](const RampLevel& l) { return l.step == s.steps[i]; })) {
                continue;
            }
            RampLevel l;
            l.step = s.steps[i];
            l.code_y = s.step_codes_y[i];
            l.measured_cdm2 = meanY(r, s.steps[i], s.point) - (std::isnan(black) ? 0.0 : black);
            if (eotf) {
                try {
                    l.target_cdm2 = evaluation::eotfTarget_cdm2(s.transfer, l.code_y);
                } catch (const std::exception&) {
                    continue;
                }
                const auto& t = s.tolerance;
                if (t.lower && t.upper) {
                    l.lo_cdm2 = l.target_cdm2 * (1.0 + *t.lower / 100.0);
                    l.hi_cdm2 = l.target_cdm2 * (1.0 + *t.upper / 100.0);
                    l.lo_pct = *t.lower;
                    l.hi_pct = *t.upper;
                }
                if (l.target_cdm2 > 0.0) {
                    l.error_pct = 100.0 * (l.measured_cdm2 - l.target_cdm2) / l.target_cdm2;
                }
            } else if (peakCode > 0 && s.tolerance.target) {
                const double c = static_cast<double>(l.code_y) / peakCode;
                l.target_cdm2 = peak * std::pow(c, *s.tolerance.target);
                if (s.tolerance.lower && s.tolerance.upper) {
                    // A larger exponent gives a lower curve below the peak.
                    l.lo_cdm2 = peak * std::pow(c, *s.tolerance.upper);
                    l.hi_cdm2 = peak * std::pow(c, *s.tolerance.lower);
                }
            }
            it->levels.push_back(l);
        }
    }
    for (auto& c : out) {
        std::sort(c.levels.begin(), c.levels.end(),
                  [](const RampLevel& a, const RampLevel& b) { return a.code_y < b.code_y; });
    }
    return out;
}

std::vector<Bar> ratioBars(const report::CertificationReport& r) {
    std::vector<Bar> out;
    for (const auto& f : r.evaluation.figures) {
        if (f.spec.unit != "ratio") {
            continue;
        }
        Bar b;
        b.label = f.spec.label;
        b.value = f.value;
        b.U = f.expanded_uncertainty;
        b.limit = f.spec.tolerance.lower.value_or(f.spec.tolerance.upper.value_or(NAN));
        b.verdict = f.verdict;
        b.informative = f.spec.tolerance.informative;
        out.push_back(b);
    }
    return out;
}

}  // namespace cm::app::present
