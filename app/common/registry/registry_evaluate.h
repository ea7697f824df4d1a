// SPDX-License-Identifier: Apache-2.0
// Committee re-evaluation across the registry: every stored session (that the role may read)
// evaluated again under a changed profile, streamed in batches and spread over the cores.
#pragma once

#include "app/common/batch_evaluate.h"
#include "app/common/registry/pg.h"

#include <string>
#include <vector>

namespace cm::registry {

struct RegistryEvaluateOptions {
    std::size_t batch_sessions = 256;  ///< sessions fetched per round trip (server-side cursor)
    unsigned threads = 0;              ///< 0: one per core
    std::string site;                  ///< only this site (empty: all)
    bool record = false;               ///< store the results (committee only); otherwise read-only
};

struct ScreenFigureChange {
    std::string site, auditorium, screen, session_uuid, started_utc;
    app::FigureChange change;
};

struct RegistryEvaluation {
    std::size_t sessions = 0;
    std::size_t figures = 0;
    std::vector<ScreenFigureChange> changed;  ///< only figures whose verdict changed
    std::string run_uuid;                     ///< set when recorded
};

/// Each session is judged under its own stored profile (old verdicts) and `after` (new verdicts)
/// on its readings, a correction row taking the place of the reading it corrects. Reads one
/// consistent snapshot. Throws RegistryError (and util::DataError for a stored profile that no
/// longer parses).
RegistryEvaluation evaluateRegistry(Connection& c, const procedure::Profile& after,
                                    const std::string& after_json,
                                    const RegistryEvaluateOptions& options = {});

}  // namespace cm::registry
