// SPDX-License-Identifier: Apache-2.0
// Re-evaluation of stored readings under another (or a modified) profile: the committee's
// "what if the limit were X" question, over one report or every session in a journal.
#pragma once

#include "app/common/session/session_store.h"
#include "libmeasure/colorimetry/observer.h"
#include "libmeasure/evaluation/evaluate_profile.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace cm::app {

/// One figure before and after re-evaluation.
struct FigureChange {
    std::string source;  ///< session id or report file
    std::string figure_id;
    std::string label;
    double value = 0.0;
    std::string old_limit;
    std::string new_limit;
    evaluation::Verdict old_verdict = evaluation::Verdict::NotEvaluated;
    evaluation::Verdict new_verdict = evaluation::Verdict::NotEvaluated;
    /// Signed distance to the nearest bound under the new limit (positive inside), in the
    /// figure's unit; NaN when there is no bound.
    double new_margin = 0.0;
    /// The new limit is informative (a draft's, or recorded with no limit): it never decides.
    bool informative = false;
    bool changed() const { return old_verdict != new_verdict; }
};

/// Compares the evaluation of `readings` under `before` and `after` figure by figure (figures are
/// matched by id; a figure only in `after` has old verdict NotEvaluated).
std::vector<FigureChange> compareEvaluations(
    const std::string& source, const std::vector<procedure::RecordedReading>& readings,
    const procedure::Profile& before, const procedure::Profile& after);

/// What a report recorded for one figure: its value, limit text and verdict, as judged then.
struct RecordedFigure {
    std::string id;
    double value = 0.0;
    std::string limit;
    evaluation::Verdict verdict = evaluation::Verdict::NotEvaluated;
};

/// The figures a report.json recorded (its "figures" array). Throws util::DataError.
std::vector<RecordedFigure> recordedFigures(const nlohmann::json& report,
                                            const std::string& source);

/// Compares `readings` evaluated under `after` with the figures the report recorded (its own
/// limits and verdicts, whatever profile is installed now).
std::vector<FigureChange> compareWithRecorded(
    const std::string& source, const std::vector<procedure::RecordedReading>& readings,
    const std::vector<RecordedFigure>& recorded, const procedure::Profile& after);

/// Throws util::DataError naming every reading no instrument can have produced (a negative or
/// non-finite luminance, or tristimulus values beyond 1e6 cd/m²): an edited report.
void requirePlausibleReadings(const std::vector<procedure::RecordedReading>& readings,
                              const std::string& source);

/// The readings with XYZ recomputed from their spectra under `observer` (absolute, Y in cd/m² for
/// the 1931 and 2015 2° observers; for a 10° observer Y is the 10° "luminance", Y₁₀). The
/// profile's limits stay those of the CIE 1931 observer, so the comparison shows what another
/// observer sees of the same light (observer metamerism), not a re-certification. Throws
/// std::invalid_argument naming the first reading that has no spectrum (a colorimeter's).
std::vector<procedure::RecordedReading> underObserver(
    std::vector<procedure::RecordedReading> readings, const colorimetry::Observer& observer,
    const std::string& source);

/// Every session in the store re-evaluated under `after`, against its own stored profile.
std::vector<FigureChange> reevaluateSessions(const SessionStore& store,
                                             const procedure::Profile& after);

/// Signed margin to the nearest bound (positive inside the tolerance).
double marginToLimit(const evaluation::Tolerance& t, double value);

/// CSV of the comparison, one row per figure.
std::string comparisonCsv(const std::vector<FigureChange>& changes);

}  // namespace cm::app
