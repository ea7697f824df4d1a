// SPDX-License-Identifier: Apache-2.0
// The run page's words made from app/common's typed values (fitness checks, the operator's task,
// the connected meter) in the UI language; app/common's English lines are for the CLI and logs.
#pragma once

#include "app/common/run/run_request.h"
#include "libmeasure/evaluation/instrument_fitness.h"
#include "libmeasure/procedure/profile.h"
#include "libmeasure/procedure/runner.h"

#include <QString>

#include <string>

namespace cm::gui {

/// One fitness check as a line: outcome — check — what it found ("ok — acceptance angle: within
/// the profile's maximum"), from the check's kind, reason and numbers.
QString fitnessCheckText(const evaluation::FitnessCheck& check);

/// What the operator does for `task`: the pattern (with its code values), the point, the seat,
/// the eyewear, the repeat and the step's own instruction (profile data, translated).
QString operatorInstructionText(const procedure::MeasurementTask& task,
                                const procedure::Profile& profile);

/// A seat of a profile ("reference", "front-centre", "normal", ...).
QString seatText(const std::string& seat);

/// The meter's family and model as the run page names them ("virtual", "Virtual spot meter"
/// are words; real makers' model names are names and stay as the instrument reports them).
QString instrumentFamilyText(const std::string& family);
QString instrumentModelText(const std::string& model);

/// Why the run asks the operator again after a reading the meter could not make (too dark, over
/// range), from the request's typed problem and the instrument's code; empty when there is none.
QString runProblemText(const app::Request& request);

}  // namespace cm::gui
