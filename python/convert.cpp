// SPDX-License-Identifier: Apache-2.0
// Python ↔ JSON and Python ↔ readings conversions shared by the binding files.
#include "python/bindings.h"

#include "app/common/report/report_json.h"
#include "app/common/run/instrument_models.h"
#include "libmeasure/colorimetry/tristimulus.h"
#include "libmeasure/util/json_view.h"

#include <cmath>
#include <limits>
#include <map>
#include <stdexcept>

namespace cm::python {

namespace {

/// json.dumps fallback for numpy scalars and arrays (anything with .tolist()).
py::object jsonDefault(const py::object& o) {
    if (py::hasattr(o, "tolist")) {
        return o.attr("tolist")();
    }
    throw py::type_error("not JSON-serialisable: " + py::repr(o).cast<std::string>());
}

/// A per-reading column: a scalar broadcast to every reading, or exactly n values.
std::vector<double> column(const py::handle& v, std::size_t n, const char* name) {
    if (py::isinstance<py::float_>(v) || py::isinstance<py::int_>(v)) {
        return std::vector<double>(n, v.cast<double>());
    }
    const auto a = py::array_t<double, py::array::c_style | py::array::forcecast>::ensure(v);
    if (!a || a.ndim() != 1 || static_cast<std::size_t>(a.shape(0)) != n) {
        throw py::value_error(std::string("readings: '") + name +
                              "' must be a number or hold one value per reading (" +
                              std::to_string(n) + ")");
    }
    return {a.data(), a.data() + n};
}

std::vector<std::string> stringColumn(const py::handle& v, std::size_t n, const char* name) {
    if (py::isinstance<py::str>(v)) {
        return std::vector<std::string>(n, v.cast<std::string>());
    }
    auto out = v.cast<std::vector<std::string>>();
    if (out.size() != n) {
        throw py::value_error(std::string("readings: '") + name + "' must be a string or hold " +
                              std::to_string(n) + " strings, one per reading");
    }
    return out;
}

std::vector<procedure::RecordedReading> readingsFromColumns(const py::dict& d) {
    // (N, 3) float64 C-contiguous arrays are read in place; anything else is converted once.
    const auto xyz =
        py::array_t<double, py::array::c_style | py::array::forcecast>::ensure(d["xyz"]);
    if (!xyz || xyz.ndim() != 2 || xyz.shape(1) != 3) {
        throw py::value_error("readings: 'xyz' must be an (N, 3) array of X, Y, Z in cd/m²");
    }
    const auto n = static_cast<std::size_t>(xyz.shape(0));
    if (!d.contains("step") || !d.contains("point")) {
        throw py::value_error("readings: columns need 'step' and 'point' besides 'xyz'");
    }
    const auto steps = stringColumn(d["step"], n, "step");
    const auto points = stringColumn(d["point"], n, "point");
    const auto repeats =
        d.contains("repeat") ? column(d["repeat"], n, "repeat") : std::vector<double>(n, 0.0);
    const auto uL = d.contains("u_luminance_rel")
                        ? column(d["u_luminance_rel"], n, "u_luminance_rel")
                        : std::vector<double>(n, 0.0);
    const auto uxy = d.contains("u_chromaticity_xy")
                         ? column(d["u_chromaticity_xy"], n, "u_chromaticity_xy")
                         : std::vector<double>(n, 0.0);
    const auto v = xyz.unchecked<2>();
    std::vector<procedure::RecordedReading> out(n);
    for (std::size_t i = 0; i < n; ++i) {
        const auto k = static_cast<py::ssize_t>(i);
        if (!std::isfinite(v(k, 0)) || !std::isfinite(v(k, 1)) || !std::isfinite(v(k, 2))) {
            throw py::value_error("readings: xyz row " + std::to_string(i) +
                                  " is not finite (give a measured value or leave the row out)");
        }
        auto& r = out[i];
        r.step_id = steps[i];
        r.point_id = points[i];
        r.repeat = static_cast<int>(repeats[i]);
        r.reading.xyz_cdm2 = {v(k, 0), v(k, 1), v(k, 2)};
        r.reading.u_luminance_rel = uL[i];
        r.reading.u_chromaticity_xy = uxy[i];
    }
    return out;
}

/// A budget as report.json recorded it ("uncertainty"."instrument_budgets"[i]): the stated value,
/// distribution and standard uncertainty of each component give back the budget the run used.
evaluation::InstrumentUncertaintyModel budgetFromReport(const util::JsonView& b) {
    using evaluation::ComponentKind;
    using evaluation::ComponentQuantity;
    using evaluation::Distribution;
    evaluation::InstrumentUncertaintyModel m;
    for (const util::JsonView& n : b.at("models").elements()) {
        m.models.push_back(n.string());
    }
    m.type = b.stringOr("type", "");
    m.source = b.stringOr("source", "");
    for (const util::JsonView& c : b.at("components").elements()) {
        evaluation::UncertaintyComponent u;
        u.name = c.string("name");
        u.kind =
            c.at("kind").oneOf({"systematic_per_run", "random_per_reading"}) == "random_per_reading"
                ? ComponentKind::RandomPerReading
                : ComponentKind::SystematicPerRun;
        const std::string q = c.at("quantity")
                                  .oneOf({"luminance_rel", "luminance_abs_cdm2",
                                          "linearity_rel_per_decade", "chromaticity_xy"});
        if (q == "linearity_rel_per_decade") {
            // The report does not record the reference level of a linearity component.
            c.at("quantity")
                .fail(
                    "a linearity component needs its reference level: give this instrument's "
                    "budget in calibration/instruments/");
        }
        u.quantity = q == "luminance_rel"        ? ComponentQuantity::LuminanceRel
                     : q == "luminance_abs_cdm2" ? ComponentQuantity::LuminanceAbs_cdm2
                                                 : ComponentQuantity::ChromaticityXY;
        u.value = c.number("value");
        u.distribution = c.at("distribution").oneOf({"normal", "rectangular"}) == "normal"
                             ? Distribution::Normal
                             : Distribution::Rectangular;
        if (u.distribution == Distribution::Normal) {
            // value = k · σ as the source stated it; the report keeps σ.
            const double sigma = c.number("standard_uncertainty");
            u.coverage_k = sigma > 0.0 ? u.value / sigma : 1.0;
        }
        u.source = c.stringOr("source", "");
        m.components.push_back(std::move(u));
    }
    return m;
}

}  // namespace

nlohmann::json toJson(const py::handle& obj, const std::string& source) {
    const py::module_ json = py::module_::import("json");
    const std::string text = json.attr("dumps")(obj, py::arg("allow_nan") = false,
                                                py::arg("default") = py::cpp_function(jsonDefault))
                                 .cast<std::string>();
    return util::parseJson(text, source);
}

py::object toPython(const nlohmann::json& j) {
    return py::module_::import("json").attr("loads")(j.dump());
}

py::object numberOrNone(double v) {
    return std::isfinite(v) ? py::object(py::float_(v)) : py::object(py::none());
}

std::vector<procedure::RecordedReading> readingsFromPython(const py::handle& obj) {
    if (py::isinstance<py::dict>(obj)) {
        const auto d = py::reinterpret_borrow<py::dict>(obj);
        if (d.contains("xyz")) {
            return readingsFromColumns(d);
        }
        if (d.contains("readings")) {  // a report document: read exactly as `evaluate` reads it
            return app::readingsFromReportJson(toJson(d, "readings"), "readings");
        }
        throw py::value_error(
            "readings: a dict must be a report (with 'readings') or columns (with 'xyz')");
    }
    py::dict doc;
    doc["readings"] = obj;
    return app::readingsFromReportJson(toJson(doc, "readings"), "readings");
}

MeasuredReadings measuredReadingsFromPython(const py::handle& obj) {
    MeasuredReadings out;
    out.readings = readingsFromPython(obj);
    out.budgets = app::shippedInstrumentModels();
    const bool isDict = py::isinstance<py::dict>(obj);
    if (isDict && obj.cast<py::dict>().contains("xyz")) {
        // Columns: an optional "instrument_model", one for all or one per reading.
        const auto d = obj.cast<py::dict>();
        if (d.contains("instrument_model")) {
            const auto models =
                stringColumn(d["instrument_model"], out.readings.size(), "instrument_model");
            for (std::size_t i = 0; i < out.readings.size(); ++i) {
                out.readings[i].reading.instrument.model = models[i];
            }
        }
        return out;
    }
    if (!isDict) {
        // A list of reading dicts: each may name its instrument model (e.g. "PR-670").
        std::size_t i = 0;
        for (const py::handle& r : obj) {
            if (py::isinstance<py::dict>(r) && r.cast<py::dict>().contains("instrument_model")) {
                out.readings.at(i).reading.instrument.model =
                    r.cast<py::dict>()["instrument_model"].cast<std::string>();
            }
            ++i;
        }
        return out;
    }
    if (!obj.cast<py::dict>().contains("readings")) {
        return out;
    }
    const nlohmann::json doc = toJson(obj, "report");
    const util::JsonView root(doc, "report");
    // report.json names each reading's instrument by serial; the budget is found by model and
    // the systematic draw is shared by (family, model, serial), as when the report was made.
    if (root.has("instruments")) {
        std::map<std::string, procedure::InstrumentInfo> bySerial;
        for (const util::JsonView& i : root.at("instruments").elements()) {
            procedure::InstrumentInfo info;
            info.family = i.stringOr("family", "");
            info.model = i.stringOr("model", "");
            info.serial = i.stringOr("serial", "");
            bySerial.emplace(info.serial, info);
        }
        for (auto& rr : out.readings) {
            const auto it = bySerial.find(rr.reading.instrument.serial);
            if (it != bySerial.end()) {
                rr.reading.instrument.family = it->second.family;
                rr.reading.instrument.model = it->second.model;
            }
        }
    }
    if (root.has("uncertainty") && root.at("uncertainty").has("instrument_budgets")) {
        // A shipped budget wins (as in certify, which lists them first); only the others are
        // rebuilt from what the report recorded.
        for (const util::JsonView& b : root.at("uncertainty").at("instrument_budgets").elements()) {
            bool shipped = false;
            for (const util::JsonView& n : b.at("models").elements()) {
                shipped = shipped || evaluation::findUncertaintyModel(
                                         app::shippedInstrumentModels(), n.string()) != nullptr;
            }
            if (!shipped) {
                out.budgets.push_back(budgetFromReport(b));
            }
        }
    }
    return out;
}

int drawsFromPython(const py::handle& draws) {
    if (py::isinstance<py::str>(draws)) {
        if (draws.cast<std::string>() == "adaptive") {
            return 0;
        }
    } else if (py::isinstance<py::int_>(draws) && !py::isinstance<py::bool_>(draws)) {
        const long long n = draws.cast<long long>();
        if (n >= 0 && n <= 10'000'000) {
            return static_cast<int>(n);
        }
    }
    throw py::value_error(
        "draws must be 'adaptive' (or 0: until U is stable to 2 %) or a number "
        "of draws ≥ 1, not " +
        py::repr(draws).cast<std::string>());
}

py::object drawsToPython(int draws) {
    return draws == 0 ? py::object(py::str("adaptive")) : py::object(py::int_(draws));
}

py::list readingsToPython(const std::vector<procedure::RecordedReading>& readings) {
    py::list out;
    for (const auto& rr : readings) {
        const auto& r = rr.reading;
        const auto xy = colorimetry::toXY(r.xyz_cdm2);
        const auto uv = colorimetry::toUV(r.xyz_cdm2);
        py::dict d;
        d["step"] = rr.step_id;
        d["point"] = rr.point_id;
        d["repeat"] = rr.repeat;
        d["X"] = r.xyz_cdm2.X;
        d["Y"] = r.xyz_cdm2.Y;
        d["Z"] = r.xyz_cdm2.Z;
        d["x"] = numberOrNone(xy.x);
        d["y"] = numberOrNone(xy.y);
        d["u_prime"] = numberOrNone(uv.u_prime);
        d["v_prime"] = numberOrNone(uv.v_prime);
        d["integration_time_s"] = r.integration_time_s;
        d["averages"] = r.averages;
        d["integration_limit_s"] = r.integration_limit_s;
        d["timestamp_utc"] = r.timestamp_utc;
        d["status"] = r.status;
        d["instrument_serial"] = r.instrument.serial;
        d["correction"] = r.correction_id;
        d["u_luminance_rel"] = r.u_luminance_rel;
        d["u_chromaticity_xy"] = r.u_chromaticity_xy;
        if (r.uncorrected_xyz_cdm2) {
            const auto& u = *r.uncorrected_xyz_cdm2;
            d["uncorrected"] = py::dict(py::arg("X") = u.X, py::arg("Y") = u.Y, py::arg("Z") = u.Z);
        } else {
            d["uncorrected"] = py::none();
        }
        if (!r.spectral_radiance.empty()) {
            py::dict s;
            s["start_nm"] = r.spectrum_start_nm;
            s["step_nm"] = r.spectrum_step_nm;
            s["values"] = py::array_t<double>(static_cast<py::ssize_t>(r.spectral_radiance.size()),
                                              r.spectral_radiance.data());
            d["spectrum"] = s;
        }
        out.append(d);
    }
    return out;
}

}  // namespace cm::python
