// SPDX-License-Identifier: Apache-2.0
// The `cinemeasure` Python module: submodules per area, the library's errors as Python exceptions
// carrying the same one-line messages the CLI prints after "cinemeasure: ".
#include "python/bindings.h"

#include "app/common/data_paths.h"
#include "app/common/imaging/image_files.h"
#include "app/common/session/session_store.h"
#include "libmeasure/colorimetry/cct.h"
#include "libmeasure/colorimetry/spectrum.h"
#include "libmeasure/util/json_view.h"

namespace py = pybind11;

PYBIND11_MODULE(cinemeasure, m) {
    m.doc() =
        "cinemeasure: the metrology of the cinemeasure toolkit (colorimetry, the metric registry, "
        "profiles and their evaluation with U and the decision rule, reports and session journals, "
        "LED wall imaging), the same C++ code the CLI and GUI run.\n\n"
        "Units: luminance in cd/m² (fL only through cdm2_to_fL); chromaticity names its space "
        "(CIE 1931 x, y or CIE 1976 u', v'). Every U is expanded, k = 2.";
    m.attr("__version__") = CINEMEASURE_VERSION;

    // Python exceptions for the library's error types (translators run most-derived first, as
    // registered below). std::invalid_argument and std::domain_error become ValueError,
    // std::runtime_error RuntimeError (pybind11's defaults), std::out_of_range ValueError.
    static py::exception<cm::util::DataError> dataError(m, "DataError", PyExc_ValueError);
    static py::exception<cm::colorimetry::SpectrumError> spectrumError(m, "SpectrumError",
                                                                       PyExc_ValueError);
    static py::exception<cm::colorimetry::CctRangeError> cctRangeError(m, "CctRangeError",
                                                                       PyExc_ValueError);
    static py::exception<cm::app::SessionStoreError> sessionError(m, "SessionStoreError",
                                                                  PyExc_RuntimeError);
    static py::exception<cm::app::imaging_io::ImageFileError> imageError(m, "ImageFileError",
                                                                         PyExc_OSError);
    dataError.doc() =
        "A data file or document without the expected form (names source, JSON path "
        "and what was expected).";
    py::register_exception_translator([](std::exception_ptr p) {
        try {
            if (p) {
                std::rethrow_exception(p);
            }
        } catch (const cm::util::DataError& e) {
            dataError(e.what());
        } catch (const cm::colorimetry::SpectrumError& e) {
            spectrumError(e.what());
        } catch (const cm::colorimetry::CctRangeError& e) {
            cctRangeError(e.what());
        } catch (const cm::app::SessionStoreError& e) {
            sessionError(e.what());
        } catch (const cm::app::imaging_io::ImageFileError& e) {
            imageError(e.what());
        } catch (const std::out_of_range& e) {
            // The library uses out_of_range for values outside a domain (12-bit codes), which is
            // bad input (ValueError), not a bad index.
            PyErr_SetString(PyExc_ValueError, e.what());
        }
    });

    m.def(
        "data_dir", [] { return cm::app::dataDir(); },
        "Directory of the shipped data (profiles, CIE tables, LED wall limits): set_data_dir(), "
        "else $CINEMEASURE_DATA_DIR, else the build's calibration/ directory.");
    m.def(
        "set_data_dir", [](const std::filesystem::path& dir) { cm::app::setDataDirOverride(dir); },
        py::arg("path"),
        "Use another calibration/ directory (like the CLI's --data-dir). Set it before the first "
        "colorimetry call: the CIE tables are loaded once per process.");

    // Submodules are also entered in sys.modules so `import cinemeasure.colorimetry` works.
    const py::object modules = py::module_::import("sys").attr("modules");
    auto sub = [&](const char* name, const char* doc, void (*bind)(py::module_&)) {
        py::module_ s = m.def_submodule(name, doc);
        bind(s);
        modules[py::str(std::string("cinemeasure.") + name)] = s;
    };
    sub("colorimetry",
        "Spectra → XYZ per observer, chromaticity (CIE 1931 xy, CIE 1976 u'v', CIE 1960 uv), "
        "CCT and Duv by each method, CIELAB/CIELUV, CIEDE2000, DCI X'Y'Z' and PQ (CIE 015:2018, "
        "CIE 142-2001, SMPTE ST 428-1, ST 2084).",
        cm::python::bindColorimetry);
    sub("metrics",
        "The closed metric registry a profile's figures name: list the metrics with their "
        "formulas and the clauses the shipped profiles judge them by; compute any metric and its "
        "U (k = 2) on readings.",
        cm::python::bindMetrics);
    sub("profiles",
        "Measurement profiles (calibration/profiles): load, inspect, change a limit in memory, "
        "evaluate readings under it with U and a decision rule.",
        cm::python::bindProfiles);
    sub("reports",
        "Reports (report.json) and session journals (SQLite) as plain Python objects, and the "
        "re-evaluation `cinemeasure evaluate` does.",
        cm::python::bindReports);
    sub("imaging",
        "LED wall imaging on numpy arrays: the wall analysis, module uniformity, seams and "
        "pixel defects.",
        cm::python::bindImaging);
}
