// SPDX-License-Identifier: Apache-2.0
// Value types passed from the run worker to the UI thread through queued signals.
#pragma once

#include "libmeasure/report/certification_report.h"

#include <QColor>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <filesystem>
#include <memory>
#include <string>

namespace cm::gui {

/// What the start page asks for: a new run (simulated or on a serial instrument) or a resume.
struct RunRequest {
    std::string profile;  ///< id or .json path
    std::string site;
    std::string auditorium;
    std::string operator_name;
    std::string seat = "reference";
    double screen_width_m = 0.0;  ///< real instruments; simulations take the theatre config's
    double screen_height_m = 0.0;
    bool simulate = true;
    std::string theatre_file;  ///< virtual theatre config (simulate)
    std::string family = "virtual";
    std::string fault = "none";
    int fault_at = 1;
    double time_scale = 0.0;
    long long seed = -1;
    std::string port;                ///< serial port (real instrument)
    bool confirm_each_task = false;  ///< simulator: wait for "done" like with a real instrument
    std::string decision_rule = "simple";
    std::string provisional = "informative";  ///< draft limits: informative or binding
    std::string correction_file;              ///< colorimeter correction (.json), optional
    std::vector<std::string> notes;           ///< operator notes for the report
    std::string screen_type;  ///< field runs: projector or led (empty: the profile's)
    /// Rehearsal: measure with an instrument the profile does not allow (no overall verdict).
    bool allow_unfit = false;
    /// Accept a colorimeter without a correction for this screen type (recorded).
    bool allow_uncorrected = false;
    std::string out_dir;
    std::string resume_session;  ///< non-empty: continue this stored session
    std::filesystem::path db;    ///< session database
};

/// One task of the procedure as the run page shows it.
struct TaskView {
    int index = 0;
    int total = 0;
    QString step;
    QString stimulus;
    QString eyewear;
    QString point;
    QString point_label;
    QString instruction;
    int repeat = 0;
    int repeats = 1;
    bool new_stimulus = false;
    bool waits_for_operator = false;  ///< the operator must press Done before the reading
    QString pattern;                  ///< what the projector shows ("white", "code:X,Y,Z")
    QString pattern_file;             ///< the pattern set's file for it (`cinemeasure patterns`)
    QColor swatch;                    ///< the pattern's colour, for the on-page swatch
    QString problem;          ///< why the run waits again (too dark, over range); empty otherwise
    QStringList step_points;  ///< the points this step reads (the diagram shows only these)
    /// Figures of this step with their limits, for the live reading panel ("label: limit").
    QStringList step_limits;
};

/// The connected instrument and the checks made before the first reading.
struct InstrumentView {
    QString family;
    QString model;
    QString serial;
    QString firmware;
    QString calibration_date;  ///< from the instrument, else as the operator stated it
    QString port;
    /// One line per fitness or room check: outcome and message ("ok: acceptance angle 1° ≤ 2°").
    QStringList checks;
    bool any_not_fit = false;
};

/// A reading once journaled, with the evaluation of everything measured so far.
struct ReadingView {
    int task_index = 0;
    QString step;
    QString point;
    int repeat = 0;
    double luminance_cdm2 = 0.0;
    double x = 0.0;  ///< CIE 1931 x
    double y = 0.0;  ///< CIE 1931 y
    int readings_taken = 0;
    std::shared_ptr<const evaluation::Evaluation> evaluation;
};

/// Where the points are on the screen (for the aiming diagram), sent once per run.
struct RunLayout {
    QString session_id;
    QString profile_title;
    double screen_width_m = 0.0;
    double screen_height_m = 0.0;
    std::vector<geometry::MeasurementPoint> points;
    int total_tasks = 0;
    int already_taken = 0;
};

using ReportPtr = std::shared_ptr<const report::CertificationReport>;

}  // namespace cm::gui

Q_DECLARE_METATYPE(cm::gui::TaskView)
Q_DECLARE_METATYPE(cm::gui::ReadingView)
Q_DECLARE_METATYPE(cm::gui::RunLayout)
Q_DECLARE_METATYPE(cm::gui::ReportPtr)
Q_DECLARE_METATYPE(cm::gui::InstrumentView)
