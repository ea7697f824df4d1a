// SPDX-License-Identifier: Apache-2.0
// Checks made before the first reading of a run (CLI and GUI alike): is the instrument fit for
// the profile at this site, are the room conditions the standard asks for stated.
#pragma once

#include "app/common/run/run_record.h"
#include "app/common/simulated_session.h"
#include "drivers/instrument/spot_instrument.h"
#include "libmeasure/errors.h"

#include <stdexcept>

namespace cm::app {

/// The run is refused before the first reading; the message lists every failed check.
class RunRefused : public errors::InputError {
public:
    using errors::InputError::InputError;
};

/// True when some figure's limit decides the verdict under the session's provisional policy.
bool runIsBinding(const PreparedSimulation& sim);

/// Fitness of `instrument` (as identified, with its capabilities) and the room conditions for the
/// session's profile and site. Fills record.fitness, record.conditions and record.checked from
/// record.options. Throws RunRefused when a check is NotFit or the stated warm-up is too short.
void checkRun(const PreparedSimulation& sim, const procedure::InstrumentInfo& instrument,
              const drivers::Capabilities& caps, bool corrected, RunRecord& record);

/// Today's date in UTC as "YYYY-MM-DD".
std::string todayUtc();

}  // namespace cm::app
