// SPDX-License-Identifier: Apache-2.0
// The run page's words made from app/common's typed values, in the UI language.
#include "app/gui/run_text.h"

#include "app/gui/i18n.h"
#include "drivers/virtual/virtual_spot_meter.h"

#include <QCoreApplication>

#include <iterator>

namespace cm::gui {

namespace {

/// Translation context of this file's texts.
struct RunText {
    Q_DECLARE_TR_FUNCTIONS(RunText)
};

QString num(double v) {
    return QString::number(v, 'g', 3);
}

double at(const evaluation::FitnessCheck& c, std::size_t i) {
    return i < c.numbers.size() ? c.numbers[i] : 0.0;
}

QString outcomeText(evaluation::FitnessOutcome o) {
    switch (o) {
        case evaluation::FitnessOutcome::Ok:
            return RunText::tr("ok");
        case evaluation::FitnessOutcome::Warning:
            return RunText::tr("warning");
        case evaluation::FitnessOutcome::NotFit:
            return RunText::tr("not fit");
        case evaluation::FitnessOutcome::NotChecked:
            return RunText::tr("not checked");
    }
    return {};
}

QString checkName(const std::string& id) {
    if (id == "acceptance_angle") {
        return RunText::tr("acceptance angle");
    }
    if (id == "spot_size") {
        return RunText::tr("spot size");
    }
    if (id == "range") {
        return RunText::tr("range");
    }
    if (id == "spectral_correction") {
        return RunText::tr("spectral correction");
    }
    if (id == "accuracy") {
        return RunText::tr("accuracy");
    }
    if (id == "calibration") {
        return RunText::tr("calibration");
    }
    return QString::fromStdString(id);
}

QString reasonText(const evaluation::FitnessCheck& c) {
    const std::string& r = c.reason;
    const std::string& id = c.id;
    if (id == "acceptance_angle") {
        if (r == "unstated") {
            return RunText::tr("the instrument does not state its acceptance angle");
        }
        if (r == "too_wide") {
            return RunText::tr("acceptance angle %1° exceeds the %2° the profile allows")
                .arg(num(at(c, 0)), num(at(c, 1)));
        }
        if (r == "ok") {
            return RunText::tr("acceptance angle within the profile's maximum");
        }
    } else if (id == "spot_size") {
        if (r == "distance_unknown") {
            return RunText::tr("measuring distance unknown: spot size not checked");
        }
        if (r == "wider_than_inset") {
            return RunText::tr(
                       "a %1 m spot is wider than twice the %2 m edge inset: edge "
                       "readings would include light from beyond the screen")
                .arg(num(at(c, 0)), num(at(c, 1)));
        }
        if (r == "wider_than_patch") {
            return RunText::tr("a %1 m spot does not fit inside the %2 m checkerboard patches")
                .arg(num(at(c, 0)), num(at(c, 1)));
        }
        if (r == "ok") {
            return RunText::tr("spot fits the points and patches");
        }
    } else if (id == "range") {
        if (r == "too_high") {
            return RunText::tr(
                       "the instrument reads only down to %1 cd/m², the darkest level "
                       "needs %2 cd/m²")
                .arg(num(at(c, 0)), num(at(c, 1)));
        }
        if (r == "ok") {
            return RunText::tr("range covers the darkest level");
        }
        if (r == "not_required") {
            return RunText::tr("no low-light requirement");
        }
    } else if (id == "spectral_correction") {
        if (r == "needs_spectroradiometer") {
            return RunText::tr("the profile needs a spectroradiometer");
        }
        if (r == "uncorrected_informative") {
            return RunText::tr(
                "colorimeter without a correction for this screen type (informative run)");
        }
        if (r == "uncorrected_accepted") {
            return RunText::tr(
                "colorimeter without a correction for this screen type, accepted "
                "for this run (recorded)");
        }
        if (r == "uncorrected_refused") {
            return RunText::tr(
                "colorimeter without a correction for this screen type: not "
                "allowed for a binding verdict (choose a correction file, or "
                "accept the uncorrected colorimeter to record the exception)");
        }
        if (r == "type_unknown") {
            return RunText::tr("instrument type unknown (no uncertainty model for this model)");
        }
        if (r == "corrected") {
            return RunText::tr("colorimeter with a screen correction");
        }
        if (r == "spectral") {
            return RunText::tr("spectral instrument, no correction needed");
        }
    } else if (id == "accuracy") {
        if (r == "not_required") {
            return RunText::tr("the profile states no accuracy requirement");
        }
        if (r == "virtual") {
            return RunText::tr("virtual meter: no calibration error");
        }
        if (r == "unknown") {
            return RunText::tr("the instrument's stated accuracy is unknown");
        }
        if (r == "coarser") {
            return RunText::tr(
                "the data sheet's accuracy is coarser than the standard asks; U carries it");
        }
        if (r == "ok") {
            return RunText::tr("stated accuracy meets the requirement");
        }
    } else if (id == "calibration") {
        if (r == "virtual") {
            return RunText::tr("virtual meter: no calibration");
        }
        if (r == "date_missing") {
            return RunText::tr("instrument calibration date not recorded");
        }
        if (r == "future") {
            return RunText::tr("calibration date lies in the future");
        }
        if (r == "expired") {
            return RunText::tr("calibration is %1 months old, past the %2-month interval")
                .arg(static_cast<int>(at(c, 0)))
                .arg(static_cast<int>(at(c, 1)));
        }
        if (r == "certificate_missing") {
            return RunText::tr("calibration certificate id not recorded");
        }
        if (r == "ok") {
            return RunText::tr("calibration within its interval");
        }
    }
    // A check this front end does not know yet (or a record from before reasons): its English.
    return QString::fromStdString(c.message);
}

}  // namespace

QString fitnessCheckText(const evaluation::FitnessCheck& check) {
    return RunText::tr("%1 — %2: %3")
        .arg(outcomeText(check.outcome), checkName(check.id), reasonText(check));
}

QString seatText(const std::string& seat) {
    static const char* const known[] = {
        QT_TRANSLATE_NOOP("cm::gui::Seat", "reference"),
        QT_TRANSLATE_NOOP("cm::gui::Seat", "normal"),
        QT_TRANSLATE_NOOP("cm::gui::Seat", "normal-centre"),
        QT_TRANSLATE_NOOP("cm::gui::Seat", "front-centre"),
        QT_TRANSLATE_NOOP("cm::gui::Seat", "rear-centre"),
        QT_TRANSLATE_NOOP("cm::gui::Seat", "middle-left"),
        QT_TRANSLATE_NOOP("cm::gui::Seat", "middle-right"),
        QT_TRANSLATE_NOOP("cm::gui::Seat", "off-axis-h-left-60"),
        QT_TRANSLATE_NOOP("cm::gui::Seat", "off-axis-h-right-60"),
        QT_TRANSLATE_NOOP("cm::gui::Seat", "off-axis-v-down-35"),
        QT_TRANSLATE_NOOP("cm::gui::Seat", "off-axis-v-up-10"),
    };
    for (const char* k : known) {
        if (seat == k) {
            return QCoreApplication::translate("cm::gui::Seat", k);
        }
    }
    return QString::fromStdString(seat);
}

QString operatorInstructionText(const procedure::MeasurementTask& task,
                                const procedure::Profile& profile) {
    const procedure::Step& st = *task.step;
    QString out = RunText::tr("Show '%1'").arg(stimulusText(st.stimulus));
    if (st.code_xyz) {
        out += RunText::tr(" (X'Y'Z' %1/%2/%3)")
                   .arg((*st.code_xyz)[0])
                   .arg((*st.code_xyz)[1])
                   .arg((*st.code_xyz)[2]);
    }
    out += RunText::tr("; aim at %1 [%2]")
               .arg(pointLabelText(task.point.label), QString::fromStdString(task.point.id));
    const std::string& seat = profile.seatOf(st);
    out += seat == procedure::kSeatNormal
               ? RunText::tr(", meter normal to the screen in front of the point")
               : RunText::tr(" from seat '%1'").arg(seatText(seat));
    if (st.eyewear != "none") {
        out += RunText::tr(", through the %1 lens").arg(stimulusText(st.eyewear));
    }
    if (st.repeats > 1) {
        out += RunText::tr("; repeat %1 of %2").arg(task.repeat + 1).arg(st.repeats);
    }
    if (!st.instruction.empty()) {
        out += RunText::tr(". %1").arg(profileText(st.instruction));
    }
    return out;
}

QString instrumentFamilyText(const std::string& family) {
    return profileAttributeText(family);  // "virtual" is a word; the others are makers' names
}

QString instrumentModelText(const std::string& model) {
    if (model == drivers::virt::kVirtualMeterModel) {
        return RunText::tr("Virtual spot meter");
    }
    return QString::fromStdString(model);
}

QString runProblemText(const app::Request& request) {
    const QString code = QString::fromStdString(request.problem_code);
    switch (request.problem_kind) {
        case app::Request::Problem::TooDark:
            return (code.isEmpty() ? QCoreApplication::translate("cm::gui::RunProblem",
                                                                 "The meter got too little light.")
                                   : QCoreApplication::translate(
                                         "cm::gui::RunProblem",
                                         "The meter got too little light (instrument code %1).")
                                         .arg(code)) +
                   QLatin1Char(' ') +
                   QCoreApplication::translate("cm::gui::RunProblem",
                                               "Check the pattern and the aim, then retry; or skip "
                                               "this reading with a reason.");
        case app::Request::Problem::OverRange:
            return (code.isEmpty() ? QCoreApplication::translate("cm::gui::RunProblem",
                                                                 "Too bright for the meter.")
                                   : QCoreApplication::translate(
                                         "cm::gui::RunProblem",
                                         "Too bright for the meter (instrument code %1).")
                                         .arg(code)) +
                   QLatin1Char(' ') +
                   QCoreApplication::translate(
                       "cm::gui::RunProblem",
                       "Check the pattern, then retry; or skip this reading "
                       "with a reason.");
        case app::Request::Problem::None:
            break;
    }
    // A problem app/common has no kind for: its own words.
    return QString::fromStdString(request.problem);
}

}  // namespace cm::gui
