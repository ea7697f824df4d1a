// SPDX-License-Identifier: Apache-2.0
// What the binding files share: one registration function per area and the conversions between
// Python objects (dicts, lists, numpy arrays) and the library's value types.
#pragma once

#include "libmeasure/evaluation/uncertainty_model.h"
#include "libmeasure/procedure/profile.h"
#include "libmeasure/procedure/reading.h"

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace cm::python {

namespace py = pybind11;

void bindColorimetry(py::module_& m);
void bindMetrics(py::module_& m);
void bindProfiles(py::module_& m);
void bindReports(py::module_& m);
void bindImaging(py::module_& m);

/// Any JSON-able Python object (dicts, lists, numbers, strings, numpy scalars and arrays) as JSON;
/// syntax-level problems raise the same DataError the files would.
nlohmann::json toJson(const py::handle& obj, const std::string& source);
/// JSON as plain Python objects (dict, list, float, int, str, bool, None).
py::object toPython(const nlohmann::json& j);

/// Readings from Python: a list of dicts with the keys of report.json's "readings" (step, point,
/// repeat, X, Y, Z in cd/m², optional u_luminance_rel and u_chromaticity_xy), a whole report
/// document (a dict with "readings"), or columns {"step": [...], "point": [...], "xyz": (N, 3)
/// array, optional "repeat", "u_luminance_rel", "u_chromaticity_xy" (scalars or length N)}.
std::vector<procedure::RecordedReading> readingsFromPython(const py::handle& obj);
/// Readings with the instrument budgets their U is propagated with, as certify had them.
struct MeasuredReadings {
    std::vector<procedure::RecordedReading> readings;
    /// The shipped budgets (calibration/instruments/, loaded as the app loads them), then the
    /// budgets a report recorded for instruments that have no shipped one (the virtual meter's,
    /// built from its theatre's noise). A reading whose model has no budget falls back to its
    /// own u fields (legacyModel()).
    std::vector<evaluation::InstrumentUncertaintyModel> budgets;
};
/// As readingsFromPython; a whole report also names each reading's instrument (by serial, from
/// its "instruments") so its budget applies, exactly as when the report was made. Reading dicts
/// and columns may name it with "instrument_model" (e.g. "PR-670").
MeasuredReadings measuredReadingsFromPython(const py::handle& obj);

/// Monte Carlo draws from Python: an int ≥ 0 or "adaptive" (= 0: until U is stable to 2 %), as
/// report.json's "uncertainty"."draws" records them.
int drawsFromPython(const py::handle& draws);
/// 0 as "adaptive", else the int (as report.json writes it).
py::object drawsToPython(int draws);

/// Readings as a list of dicts with report.json's keys (plus "spectrum" where one was recorded).
py::list readingsToPython(const std::vector<procedure::RecordedReading>& readings);

/// The profile behind a profiles.Profile, a profile id or a .json path (`keep` holds a loaded one).
const procedure::Profile& profileOf(const py::object& obj, std::optional<procedure::Profile>& keep);
/// A profiles.Profile from a profile document (validated; DataError names `source`).
py::object profileFromJson(nlohmann::json doc, const std::string& source);

/// NaN as None: a figure that was not measured has no value.
py::object numberOrNone(double v);

}  // namespace cm::python
