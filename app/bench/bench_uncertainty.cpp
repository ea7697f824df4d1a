// SPDX-License-Identifier: Apache-2.0
// `cinemeasure-bench uncertainty`: for every metric in the registry, the reported U against the
// 2σ spread of the value over 200 simulated runs, each with its own calibration draw.
#include "app/bench/bench.h"
#include "app/common/certification.h"
#include "app/common/data_paths.h"
#include "app/common/profile_catalog.h"
#include "app/common/run/instrument_models.h"
#include "drivers/virtual/virtual_spot_meter.h"
#include "libmeasure/evaluation/metric_registry.h"
#include "libmeasure/evaluation/uncertainty_propagation.h"
#include "libmeasure/geometry/point_layout.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>

namespace cm::bench {

namespace {

/// The shipped profiles and the virtual theatre each is measured in (README table).
const std::vector<std::pair<const char*, const char*>> kCases = {
    {"st431-1-review", "projector-reference.json"},
    {"rp431-2-theatre", "projector-reference.json"},
    {"dci-hdr-projector-theatre", "projector-hdr-reference.json"},
    {"dci-direct-view-sdr-theatre", "led-reference.json"},
    {"iso5926-3d-class-a-theatre", "projector-3d-reference.json"},
    {"dyt8-led-sdr", "led-reference.json"},
    {"dyt8-led-hdr", "led-hdr-reference.json"},
};

/// Noise-free readings of a profile in a virtual theatre: the truth the simulated runs perturb.
std::vector<procedure::RecordedReading> truthReadings(const procedure::Profile& profile,
                                                      const std::string& theatre_file,
                                                      const std::string& model) {
    drivers::virt::TheatreConfig config =
        app::loadTheatreConfig(app::dataDir() / "virtual" / theatre_file);
    config.noise = {};
    const auto points = geometry::pointLayout(profile.geometry.layout, config.screen,
                                              profile.geometry.inset_fraction_of_width);
    auto theatre = std::make_shared<drivers::virt::VirtualTheatre>(config);
    const geometry::Seat* seat = config.findSeat(profile.geometry.seat);
    app::SimulatedOperator op(theatre, *seat);
    drivers::virt::VirtualMeterOptions mo;
    mo.acceptance_angle_deg = std::min(1.0, profile.instrument.max_acceptance_angle_deg);
    app::InstrumentLink link;
    link.open = [&](std::size_t) {
        return std::make_unique<drivers::virt::VirtualSpotMeter>(theatre, mo);
    };
    app::Run run(procedure::ProcedureRunner(profile, points), std::move(link));
    run.connect();
    app::driveUnattended(run, op);
    std::vector<procedure::RecordedReading> out = run.runner().readings();
    for (auto& r : out) {
        r.reading.instrument.family = "bench";
        r.reading.instrument.model = model;
        r.reading.instrument.serial = "1";
    }
    return out;
}

/// Figures for the registry's metrics no shipped profile names, built on shipped steps.
std::vector<procedure::FigureSpec> extraFigures(const procedure::Profile& p) {
    std::vector<procedure::FigureSpec> out;
    if (p.id == "st431-1-review") {
        procedure::FigureSpec f;
        f.id = "corner_TL_delta_uv";
        f.metric = "chromaticity_delta_uv";
        f.step = "white";
        f.point = "TL";
        f.reference_point = "C";
        out.push_back(f);
        procedure::FigureSpec m;
        m.id = "mean_over_points";
        m.metric = "luminance_mean_over_points";
        m.step = "white";
        m.points = {"C", "L", "R", "T", "B", "TL", "TR", "BL", "BR"};
        out.push_back(m);
    }
    for (const auto& f : p.figures) {
        if (f.metric == "stereo_luminance_difference_mean") {
            procedure::FigureSpec g = f;
            g.id = f.id + "_min_rule";
            g.metric = "stereo_luminance_difference_min";
            out.push_back(g);
        }
    }
    return out;
}

struct Row {
    std::string metric;
    std::string figure;
    double value = 0.0;
    double reported = 0.0;  ///< mean reported U over the runs it was computed for
    double spread = 0.0;    ///< 2σ of the value over the runs
};

Row measure(const procedure::FigureSpec& f, const std::vector<procedure::RecordedReading>& truth,
            const evaluation::InstrumentUncertaintyModel& model, int runs, int reported_runs,
            std::uint64_t seed) {
    const evaluation::MetricInfo* metric = evaluation::findMetric(f.metric);
    Row row{f.metric, f.id, metric->compute(f, truth), 0.0, 0.0};
    double s = 0.0, s2 = 0.0, uSum = 0.0;
    int n = 0, nu = 0;
    for (int i = 0; i < runs; ++i) {
        const auto run =
            evaluation::simulateRun(truth, model, seed + static_cast<std::uint64_t>(i));
        const double v = metric->compute(f, run);
        if (!std::isfinite(v)) {
            continue;
        }
        s += v;
        s2 += v * v;
        ++n;
        if (i < reported_runs) {
            uSum += evaluation::propagateUncertainty(f, run, {model}, {}, 7 + i).expanded;
            ++nu;
        }
    }
    if (n >= 2 && nu >= 1) {
        const double mean = s / n;
        row.spread = 2.0 * std::sqrt(std::max(0.0, (s2 - n * mean * mean) / (n - 1)));
        row.reported = uSum / nu;
    }
    return row;
}

}  // namespace

int runUncertaintyBench(int argc, char** argv) {
    // Optional: runs (default 200), runs whose U is averaged (default 10).
    const int runs = argc > 2 ? std::atoi(argv[2]) : 200;
    const int reportedRuns = argc > 3 ? std::atoi(argv[3]) : 10;
    const auto& models = app::shippedInstrumentModels();
    std::printf(
        "uncertainty: reported U (k = 2, mean over %d runs) / 2σ spread of the value over "
        "%d simulated runs, each with its own calibration draw (systematic once per run, "
        "random per reading); pass band 0.8–1.25\n",
        reportedRuns, runs);
    int outside = 0;
    for (const char* modelName : {"PR-670", "CS-2000"}) {
        const evaluation::InstrumentUncertaintyModel* model =
            evaluation::findUncertaintyModel(models, modelName);
        if (model == nullptr) {
            std::fprintf(stderr, "no uncertainty budget for %s\n", modelName);
            return 2;
        }
        std::map<std::string, std::vector<Row>> byMetric;
        std::uint64_t seed = 1;
        for (const auto& [profileId, theatre] : kCases) {
            const procedure::Profile profile = app::findProfile(profileId);
            const auto truth = truthReadings(profile, theatre, modelName);
            std::vector<procedure::FigureSpec> figures = profile.figures;
            for (auto& f : extraFigures(profile)) {
                figures.push_back(f);
            }
            for (const auto& f : figures) {
                Row r = measure(f, truth, *model, runs, reportedRuns, seed);
                seed += 100000;
                r.figure = std::string(profileId) + "/" + r.figure;
                byMetric[f.metric].push_back(r);
            }
        }
        std::printf("\n%s (%s)\n%-38s %-58s %12s %12s %12s %7s\n", modelName, model->type.c_str(),
                    "metric", "worst figure (profile/figure)", "value", "U", "2σ spread", "ratio");
        for (const auto& m : evaluation::allMetrics()) {
            const auto it = byMetric.find(m.name);
            if (it == byMetric.end()) {
                std::printf("%-38s (no figure)\n", m.name);
                ++outside;
                continue;
            }
            // The figure whose ratio is farthest from 1 represents the metric.
            const Row* worst = nullptr;
            double worstDev = -1.0;
            int counted = 0;
            for (const Row& r : it->second) {
                if (!(r.spread > 0.0)) {
                    continue;
                }
                ++counted;
                const double dev = std::abs(std::log(r.reported / r.spread));
                if (dev > worstDev) {
                    worstDev = dev;
                    worst = &r;
                }
            }
            if (worst == nullptr) {
                std::printf("%-38s (no spread)\n", m.name);
                ++outside;
                continue;
            }
            const double ratio = worst->reported / worst->spread;
            const bool ok = ratio >= 0.8 && ratio <= 1.25;
            outside += ok ? 0 : 1;
            std::printf("%-38s %-58s %12.6g %12.4g %12.4g %7.3f%s  (%d figures)\n", m.name,
                        worst->figure.c_str(), worst->value, worst->reported, worst->spread, ratio,
                        ok ? "" : "  OUTSIDE", counted);
            std::fflush(stdout);
        }
    }
    std::printf("\n%s\n",
                outside == 0 ? "all metrics within 0.8–1.25" : "some metrics outside 0.8–1.25");
    return outside == 0 ? 0 : 1;
}

}  // namespace cm::bench
