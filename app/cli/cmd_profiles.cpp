// SPDX-License-Identifier: Apache-2.0
// `cinemeasure profiles [--show ID]`: list the shipped profiles or print one with its sources.
#include "app/cli/commands.h"
#include "app/common/data_paths.h"
#include "app/common/present/figure_text.h"
#include "app/common/present/text_table.h"
#include "app/common/profile_catalog.h"
#include "libmeasure/evaluation/metric_registry.h"

#include <iomanip>
#include <iostream>

namespace cm::cli {

namespace {

std::string join(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& e : v) {
        out += (out.empty() ? "" : " ") + e;
    }
    return out;
}

void show(const procedure::Profile& p) {
    std::cout << p.id << ": " << p.title << "\n"
              << "  standard     " << p.standard.name << ":" << p.standard.edition
              << (p.provisional ? "  [PROVISIONAL]" : "") << "\n"
              << "  room class   " << p.room_class << ", " << p.dynamic_range << ", " << p.stereo
              << ", " << p.display_type << "\n"
              << "  instrument   acceptance ≤ " << p.instrument.max_acceptance_angle_deg << "°"
              << (p.instrument.spectral ? ", spectral" : "") << "  (" << p.instrument.source
              << ")\n"
              << "  geometry     seat '" << p.geometry.seat << "', layout " << p.geometry.layout
              << ", inset " << p.geometry.inset_fraction_of_width * 100 << " % of width  ("
              << p.geometry.source << ")\n";
    if (p.conditions.warm_up_min_minutes > 0.0) {
        std::cout << "  warm-up      ≥ " << p.conditions.warm_up_min_minutes << " min  ("
                  << p.conditions.warm_up_source << ")\n";
    }
    if (!p.conditions.ambient_step.empty()) {
        std::cout << "  ambient      step '" << p.conditions.ambient_step << "', display off  ("
                  << p.conditions.ambient_source << ")\n";
    }
    if (!p.binding_allowed) {
        std::cout << "  binding      never: its limits stay informative\n";
    }
    if (!p.notes.empty()) {
        std::cout << "  notes        " << p.notes << "\n";
    }
    std::cout << "\nSteps\n";
    for (const auto& s : p.steps) {
        std::cout << "  " << std::left << std::setw(14) << s.id << " stimulus " << s.stimulus;
        if (s.code_xyz) {
            std::cout << " (X'Y'Z' " << (*s.code_xyz)[0] << "/" << (*s.code_xyz)[1] << "/"
                      << (*s.code_xyz)[2] << ")";
        }
        if (s.eyewear != "none") {
            std::cout << ", through " << s.eyewear << " lens";
        }
        if (!s.seat.empty()) {
            std::cout << ", from seat '" << s.seat << "'";
        }
        std::cout << ", points";
        for (const auto& pt : s.points) {
            std::cout << " " << pt;
        }
        std::cout << ", " << s.repeats << " repeat(s)\n";
    }
    std::cout << "\nFigures\n";
    for (const auto& f : p.figures) {
        const auto* m = evaluation::findMetric(f.metric);
        std::cout << "  " << std::left << std::setw(22) << f.id << " " << f.label << "\n"
                  << "      metric " << f.metric << " [" << f.unit
                  << "]: " << (m ? m->description : "") << "\n      reads  step " << f.step
                  << " at " << (f.points.empty() ? f.point : join(f.points))
                  << (f.reference_point.empty() ? "" : " against " + f.reference_point)
                  << (f.reference_step.empty() ? "" : ", reference step " + f.reference_step)
                  << (f.steps.empty() ? "" : ", steps " + join(f.steps))
                  << (f.black_step.empty() ? "" : ", black step " + f.black_step)
                  << (f.transfer.empty() ? "" : ", transfer " + f.transfer) << "\n      limit  "
                  << app::present::limitText(f.tolerance, f.unit)
                  << (f.tolerance.provisional ? "  [provisional]" : "")
                  << (f.tolerance.informative ? "  [informative]" : "") << "\n      source "
                  << f.tolerance.source << "\n";
    }
}

}  // namespace

void registerProfilesCommand(CLI::App& app) {
    auto* cmd = app.add_subcommand("profiles", "List measurement profiles, or show one in full");
    auto showId = std::make_shared<std::string>();
    cmd->add_option("--show", *showId,
                    "Profile id to print with steps, metrics, tolerances and sources");
    cmd->callback([showId] {
        if (!showId->empty()) {
            show(app::findProfile(*showId));
            return;
        }
        std::vector<std::vector<std::string>> rows = {{"profile", "title"}};
        for (const auto& e : app::loadProfileDirectory(app::dataDir() / "profiles")) {
            // Titles of draft profiles often say "(provisional)" already: say it once.
            const bool said = e.profile.title.find("provisional") != std::string::npos;
            rows.push_back(
                {e.profile.id,
                 e.profile.title + (e.profile.provisional && !said ? "  [provisional]" : "")});
        }
        std::cout << app::present::renderTable(rows);
    });
}

}  // namespace cm::cli
