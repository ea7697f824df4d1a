// SPDX-License-Identifier: Apache-2.0
// cinemeasure.colorimetry: libmeasure/colorimetry on floats and numpy arrays.
#include "python/bindings.h"

#include "app/common/cie_data.h"
#include "libmeasure/colorimetry/cct.h"
#include "libmeasure/colorimetry/cielab.h"
#include "libmeasure/colorimetry/daylight.h"
#include "libmeasure/colorimetry/rgb_colourspace.h"
#include "libmeasure/colorimetry/spectrum_to_xyz.h"
#include "libmeasure/colorimetry/transfer_functions.h"
#include "libmeasure/colorimetry/units.h"

#include <array>
#include <cmath>

namespace cm::python {

namespace {

namespace col = cm::colorimetry;
using DArray = py::array_t<double, py::array::c_style | py::array::forcecast>;

/// Applies `f` to every length-In vector along the last axis: a 1-D input gives a 1-D result of
/// length Out (a float when Out is 1), an (..., In) array an (..., Out) array (or (...)).
template <std::size_t In, std::size_t Out, class F>
py::object mapLastAxis(const py::handle& obj, const char* what, F f) {
    const DArray a = DArray::ensure(obj);
    if (!a || a.ndim() < 1 || a.shape(a.ndim() - 1) != static_cast<py::ssize_t>(In)) {
        throw py::value_error(std::string(what) + ": expected " + std::to_string(In) +
                              " values, or an array whose last axis has " + std::to_string(In));
    }
    std::vector<py::ssize_t> shape(a.shape(), a.shape() + a.ndim() - 1);
    const auto rows = static_cast<std::size_t>(a.size()) / In;
    if (Out > 1) {
        shape.push_back(static_cast<py::ssize_t>(Out));
    }
    DArray result(shape);
    const double* in = a.data();
    double* out = result.mutable_data();
    for (std::size_t i = 0; i < rows; ++i) {
        std::array<double, In> v;
        std::copy(in + i * In, in + (i + 1) * In, v.begin());
        const std::array<double, Out> r = f(v);
        std::copy(r.begin(), r.end(), out + i * Out);
    }
    if (a.ndim() == 1 && Out == 1) {
        return py::float_(out[0]);
    }
    return result;
}

col::Spectrum spectrumOf(const DArray& wl, const double* values, std::size_t n) {
    return col::Spectrum(std::vector<double>(wl.data(), wl.data() + wl.size()),
                         std::vector<double>(values, values + n));
}

/// Spectra as (wavelengths, values) where values is 1-D (one spectrum) or (N, M) (N spectra on
/// the same M wavelengths); each row gives one XYZ (the array is not converted when float64; a row
/// is copied once into a Spectrum).
template <class F>
py::object perSpectrum(const py::handle& wavelength_nm, const py::handle& values, F f) {
    const DArray wl = DArray::ensure(wavelength_nm);
    const DArray v = DArray::ensure(values);
    if (!wl || !v || wl.ndim() != 1 || (v.ndim() != 1 && v.ndim() != 2) ||
        v.shape(v.ndim() - 1) != wl.shape(0)) {
        throw py::value_error(
            "spectrum: wavelength_nm must be 1-D and values 1-D or (N, M) with "
            "M = len(wavelength_nm)");
    }
    const auto m = static_cast<std::size_t>(wl.shape(0));
    const auto n = v.ndim() == 1 ? std::size_t{1} : static_cast<std::size_t>(v.shape(0));
    DArray out(v.ndim() == 1 ? std::vector<py::ssize_t>{3}
                             : std::vector<py::ssize_t>{static_cast<py::ssize_t>(n), 3});
    double* o = out.mutable_data();
    for (std::size_t i = 0; i < n; ++i) {
        const col::XYZ xyz = f(spectrumOf(wl, v.data() + i * m, m));
        o[3 * i] = xyz.X;
        o[3 * i + 1] = xyz.Y;
        o[3 * i + 2] = xyz.Z;
    }
    return out;
}

py::tuple spectrumArrays(const col::Spectrum& s) {
    return py::make_tuple(
        DArray(static_cast<py::ssize_t>(s.wavelengths().size()), s.wavelengths().data()),
        DArray(static_cast<py::ssize_t>(s.values().size()), s.values().data()));
}

/// A read-only numpy view on a CMF column the process keeps for its lifetime (no copy).
py::array readOnlyView(const std::vector<double>& v) {
    py::array a(py::dtype::of<double>(), {static_cast<py::ssize_t>(v.size())}, {sizeof(double)},
                v.data(), py::none());
    a.attr("setflags")(py::arg("write") = false);
    return a;
}

col::RgbColourspace colourspace(const std::string& name) {
    for (const auto& cs : col::knownColourspaces()) {
        if (cs.name == name) {
            return cs;
        }
    }
    std::string names;
    for (const auto& cs : col::knownColourspaces()) {
        names += (names.empty() ? "" : ", ") + cs.name;
    }
    throw py::value_error("unknown colourspace '" + name + "' (" + names + ")");
}

py::array matrixArray(const col::Matrix3& m) {
    DArray a({3, 3});
    for (py::ssize_t i = 0; i < 3; ++i) {
        for (py::ssize_t j = 0; j < 3; ++j) {
            a.mutable_at(i, j) = m[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)];
        }
    }
    return a;
}

}  // namespace

void bindColorimetry(py::module_& m) {
    const auto& cie = []() -> const app::CieData& { return app::cieData(); };

    m.def(
        "observer",
        [cie](const std::string& id) {
            const col::Observer& o = cie().observer(id);
            std::vector<double> wl(o.xbar.size());
            for (std::size_t i = 0; i < wl.size(); ++i) {
                wl[i] = o.start_nm + o.step_nm * static_cast<double>(i);
            }
            py::dict d;
            d["name"] = o.name;
            d["wavelength_nm"] = DArray(static_cast<py::ssize_t>(wl.size()), wl.data());
            d["xbar"] = readOnlyView(o.xbar);
            d["ybar"] = readOnlyView(o.ybar);
            d["zbar"] = readOnlyView(o.zbar);
            return d;
        },
        py::arg("observer") = "1931_2",
        "Colour-matching functions of a standard observer, '1931_2' (CIE 1931 2°) or '1964_10' "
        "(CIE 1964 10°), from calibration/cie (CIE 018:2019 tables, 1 nm): dict with name, "
        "wavelength_nm and read-only xbar, ybar, zbar views (no copy).");

    m.def(
        "spectrum_to_xyz",
        [cie](const py::handle& wl, const py::handle& values, const std::string& observer) {
            const auto& o = cie().observer(observer);
            return perSpectrum(wl, values,
                               [&](const col::Spectrum& s) { return col::absoluteXYZ(s, o); });
        },
        py::arg("wavelength_nm"), py::arg("values"), py::arg("observer") = "1931_2",
        "Absolute XYZ of spectral radiance in W·sr⁻¹·m⁻²·nm⁻¹ (with 1931_2, Y is luminance in "
        "cd/m²; with 1964_10 the same Km scales Y10, which is not photometric luminance): "
        "X = Km Σ L(λ) x̄(λ) Δλ, Km = 683.002 lm/W (CIE 015:2018 §7). values 1-D gives [X, Y, Z]; "
        "(N, M) gives an (N, 3) array (float64 input is not converted; each row is copied once "
        "into the library's spectrum). Domain: strictly increasing "
        "wavelengths, steps ≤ 20 nm, finite non-negative values (SpectrumError otherwise); "
        "outside the spectrum's range the source counts as zero.");
    m.def(
        "illuminant_xyz",
        [cie](const py::handle& wl, const py::handle& values, const std::string& observer) {
            const auto& o = cie().observer(observer);
            return perSpectrum(wl, values,
                               [&](const col::Spectrum& s) { return col::illuminantXYZ(s, o); });
        },
        py::arg("wavelength_nm"), py::arg("values"), py::arg("observer") = "1931_2",
        "Relative XYZ of a light source's relative spectral power, normalised to Y = 100 "
        "(CIE 015:2018 §7.1). Same array forms as spectrum_to_xyz.");
    m.def(
        "relative_xyz",
        [cie](const py::handle& wl, const py::handle& factor, const py::handle& ill_wl,
              const py::handle& ill_values, const std::string& observer) {
            const auto& o = cie().observer(observer);
            const DArray iw = DArray::ensure(ill_wl);
            const DArray iv = DArray::ensure(ill_values);
            if (!iw || !iv || iw.ndim() != 1 || iv.ndim() != 1 || iw.size() != iv.size()) {
                throw py::value_error(
                    "relative_xyz: the illuminant needs 1-D wavelengths and "
                    "values of the same length");
            }
            const col::Spectrum ill =
                spectrumOf(iw, iv.data(), static_cast<std::size_t>(iv.size()));
            return perSpectrum(wl, factor,
                               [&](const col::Spectrum& s) { return col::relativeXYZ(s, ill, o); });
        },
        py::arg("wavelength_nm"), py::arg("factor"), py::arg("illuminant_wavelength_nm"),
        py::arg("illuminant_values"), py::arg("observer") = "1931_2",
        "Relative XYZ of a reflectance or transmittance factor (0..1) under an illuminant, the "
        "perfect diffuser at Y = 100 (CIE 015:2018 eq. 7.1–7.3).");
    m.def(
        "read_spectrum",
        [](const std::filesystem::path& file) {
            return spectrumArrays(app::loadSpectrumFile(file));
        },
        py::arg("path"),
        "Reads a spectrum file as `cinemeasure calc spectrum` does (CSV 'nm,value' with a header, "
        "or ArgyllCMS CGATS .sp): (wavelength_nm, values) arrays. Errors name file and line.");
    m.def(
        "illuminant",
        [](const std::string& name) { return spectrumArrays(app::loadIlluminant(name)); },
        py::arg("name"),
        "A CIE illuminant's relative SPD from calibration/cie (A, C, D65, F1, F2, F7, F11; "
        "CIE 015:2018 Tables 5, 10): (wavelength_nm, values).");
    m.def(
        "daylight_chromaticity",
        [](double cct_K) {
            const auto xy = col::daylightChromaticity(cct_K);
            return py::make_tuple(xy.x, xy.y);
        },
        py::arg("cct_K"),
        "CIE 1931 (x, y) of the CIE daylight locus at a CCT (CIE 015:2018 eqs. 4.7–4.9). "
        "Domain: 4000–25 000 K (ValueError outside).");
    m.def(
        "daylight_spectrum",
        [cie](double cct_K) {
            return spectrumArrays(col::daylightSpectrum(cct_K, cie().daylight));
        },
        py::arg("cct_K"),
        "Relative SPD of the CIE D illuminant at a CCT, S0 + M1·S1 + M2·S2 with M1, M2 rounded to "
        "three decimals (CIE 015:2018 eqs. 4.10–4.12): (wavelength_nm, values).");

    m.def(
        "xy",
        [](const py::handle& xyz) {
            return mapLastAxis<3, 2>(xyz, "xy", [](const std::array<double, 3>& v) {
                const auto c = col::toXY(col::XYZ{v[0], v[1], v[2]});
                return std::array<double, 2>{c.x, c.y};
            });
        },
        py::arg("XYZ"),
        "CIE 1931 (x, y) of XYZ (last axis 3). Domain: X+Y+Z > 0, else NaN (undefined).");
    m.def(
        "uv",
        [](const py::handle& xyz) {
            return mapLastAxis<3, 2>(xyz, "uv", [](const std::array<double, 3>& v) {
                const auto c = col::toUV(col::XYZ{v[0], v[1], v[2]});
                return std::array<double, 2>{c.u_prime, c.v_prime};
            });
        },
        py::arg("XYZ"),
        "CIE 1976 UCS (u', v') of XYZ (CIE 015:2018 eq. 8.10). X+15Y+3Z ≤ 0 gives NaN.");
    m.def(
        "xy_to_uv",
        [](const py::handle& xy) {
            return mapLastAxis<2, 2>(xy, "xy_to_uv", [](const std::array<double, 2>& v) {
                const auto c = col::toUV(col::ChromaticityXY{v[0], v[1]});
                return std::array<double, 2>{c.u_prime, c.v_prime};
            });
        },
        py::arg("xy"), "CIE 1931 (x, y) → CIE 1976 (u', v'): u' = 4x/(−2x+12y+3), v' = 9y/(…).");
    m.def(
        "uv_to_xy",
        [](const py::handle& uv) {
            return mapLastAxis<2, 2>(uv, "uv_to_xy", [](const std::array<double, 2>& v) {
                const auto c = col::toXY(col::ChromaticityUV{v[0], v[1]});
                return std::array<double, 2>{c.x, c.y};
            });
        },
        py::arg("uv"), "CIE 1976 (u', v') → CIE 1931 (x, y): x = 9u'/(6u'−16v'+12), y = 4v'/(…).");
    m.def(
        "uv1960",
        [](const py::handle& xy) {
            return mapLastAxis<2, 2>(xy, "uv1960", [](const std::array<double, 2>& v) {
                const auto c = col::toUV1960(col::ChromaticityXY{v[0], v[1]});
                return std::array<double, 2>{c.u, c.v};
            });
        },
        py::arg("xy"),
        "CIE 1931 (x, y) → CIE 1960 UCS (u, v) = (u', 2v'/3), where CCT and Duv are defined "
        "(CIE 015:2018 §9.5).");
    m.def(
        "xyY_to_XYZ",
        [](const py::handle& xyY) {
            return mapLastAxis<3, 3>(xyY, "xyY_to_XYZ", [](const std::array<double, 3>& v) {
                const auto c = col::fromxyY({v[0], v[1]}, v[2]);
                return std::array<double, 3>{c.X, c.Y, c.Z};
            });
        },
        py::arg("xyY"), "XYZ from CIE 1931 (x, y) and Y. y = 0 gives NaN X and Z.");

    m.def(
        "cct",
        [cie](const py::handle& xy, const std::string& method, const std::string& observer) {
            const DArray a = DArray::ensure(xy);
            if (!a || a.ndim() != 1 || a.size() != 2) {
                throw py::value_error("cct: xy must be two numbers (CIE 1931 x, y)");
            }
            const auto r = col::correlatedColourTemperature(
                {a.at(0), a.at(1)}, method, cie().observer(observer), cie().robertson);
            py::dict d;
            d["cct_K"] = numberOrNone(r.cct_K);
            d["duv"] = numberOrNone(r.duv);
            d["method"] = r.method;
            return d;
        },
        py::arg("xy"), py::arg("method") = "ohno2013", py::arg("observer") = "1931_2",
        "CCT (K) and Duv of CIE 1931 (x, y), as `cinemeasure calc cct --json`: dict cct_K, duv, "
        "method. Methods: 'ohno2013' (reference; Ohno, LEUKOS 10(1) 2014; 1000–100 000 K, "
        "|Duv| ≤ 0.05), 'robertson1968' (31 isotemperature lines, T ≥ 1667 K; the table embodies "
        "the 1931 observer), 'mccamy1992' (cubic approximation, 2000–12 500 K, duv None). Outside "
        "a method's range: CctRangeError, never a silent number. Duv > 0 above the locus.");
    m.def(
        "cct_methods",
        [] {
            return std::vector<std::string>{"ohno2013", "robertson1968", "mccamy1992"};
        },
        "The CCT methods `cct` accepts, reference first.");
    m.def(
        "planckian_uv",
        [cie](double cct_K, const std::string& observer) {
            const auto uv = col::planckianUV(cct_K, cie().observer(observer));
            return py::make_tuple(uv.u, uv.v);
        },
        py::arg("cct_K"), py::arg("observer") = "1931_2",
        "CIE 1960 (u, v) of a Planckian radiator at T (CMF-weighted, 1 nm summation, "
        "c2 = 1.4388e-2 m·K as in CIE 015:2018 §9.5).");

    m.def(
        "lab",
        [](const py::handle& xyz, const py::handle& white) {
            const DArray w = DArray::ensure(white);
            if (!w || w.ndim() != 1 || w.size() != 3) {
                throw py::value_error("lab: white must be X, Y, Z on the same scale as XYZ");
            }
            const col::XYZ W{w.at(0), w.at(1), w.at(2)};
            return mapLastAxis<3, 3>(xyz, "lab", [&](const std::array<double, 3>& v) {
                const auto c = col::toLab({v[0], v[1], v[2]}, W);
                return std::array<double, 3>{c.L, c.a, c.b};
            });
        },
        py::arg("XYZ"), py::arg("white"),
        "CIELAB (L*, a*, b*) against a reference white (CIE 015:2018 §8.2.1). White Y ≤ 0 gives "
        "NaN.");
    m.def(
        "luv",
        [](const py::handle& xyz, const py::handle& white) {
            const DArray w = DArray::ensure(white);
            if (!w || w.ndim() != 1 || w.size() != 3) {
                throw py::value_error("luv: white must be X, Y, Z on the same scale as XYZ");
            }
            const col::XYZ W{w.at(0), w.at(1), w.at(2)};
            return mapLastAxis<3, 3>(xyz, "luv", [&](const std::array<double, 3>& v) {
                const auto c = col::toLuv({v[0], v[1], v[2]}, W);
                return std::array<double, 3>{c.L, c.u, c.v};
            });
        },
        py::arg("XYZ"), py::arg("white"),
        "CIELUV (L*, u*, v*) against a reference white "
        "(CIE 015:2018 §8.2.2).");
    m.def(
        "delta_e2000",
        [](const py::handle& lab1, const py::handle& lab2, double kL, double kC, double kH) {
            const DArray a = DArray::ensure(lab1);
            const DArray b = DArray::ensure(lab2);
            if (!a || !b || a.ndim() < 1 || a.shape(a.ndim() - 1) != 3 || a.ndim() != b.ndim() ||
                !std::equal(a.shape(), a.shape() + a.ndim(), b.shape())) {
                throw py::value_error(
                    "delta_e2000: lab1 and lab2 must be L*, a*, b* triples (or "
                    "arrays of them) of the same shape");
            }
            const col::Ciede2000Weights k{kL, kC, kH};
            const auto n = static_cast<std::size_t>(a.size()) / 3;
            DArray out(std::vector<py::ssize_t>(a.shape(), a.shape() + a.ndim() - 1));
            for (std::size_t i = 0; i < n; ++i) {
                const double* p = a.data() + 3 * i;
                const double* q = b.data() + 3 * i;
                out.mutable_data()[i] = col::deltaE2000({p[0], p[1], p[2]}, {q[0], q[1], q[2]}, k);
            }
            return a.ndim() == 1 ? py::object(py::float_(out.data()[0])) : py::object(out);
        },
        py::arg("lab1"), py::arg("lab2"), py::arg("kL") = 1.0, py::arg("kC") = 1.0,
        py::arg("kH") = 1.0,
        "CIEDE2000 ΔE00 (CIE 142-2001) as annotated by Sharma, Wu & Dalal, Color Res. Appl. "
        "30(1) 2005 (mean hue through the shorter arc; hue difference 0 when a chroma is 0). "
        "Triples give a float; (..., 3) arrays give (...) arrays. Weights kL, kC, kH = 1 are the "
        "reference conditions.");
    m.def(
        "delta_e1976",
        [](const py::handle& lab1, const py::handle& lab2) {
            const DArray a = DArray::ensure(lab1);
            const DArray b = DArray::ensure(lab2);
            if (!a || !b || a.ndim() != 1 || b.ndim() != 1 || a.size() != 3 || b.size() != 3) {
                throw py::value_error("delta_e1976: lab1 and lab2 must be L*, a*, b* triples");
            }
            return col::deltaE1976({a.at(0), a.at(1), a.at(2)}, {b.at(0), b.at(1), b.at(2)});
        },
        py::arg("lab1"), py::arg("lab2"), "ΔE*ab (CIE 1976): Euclidean distance in CIELAB.");

    m.def("pq_eotf", py::vectorize(col::pqEotf), py::arg("signal"),
          "SMPTE ST 2084 EOTF: normalised signal E' ∈ [0, 1] → luminance in cd/m² (0 … 10 000). "
          "Works element-wise on arrays.");
    m.def("pq_inverse_eotf", py::vectorize(col::pqInverseEotf), py::arg("luminance_cdm2"),
          "SMPTE ST 2084 inverse EOTF: luminance cd/m² ∈ [0, 10 000] → signal E'. Element-wise.");
    m.def("gamma_target_cdm2", py::vectorize(col::gammaTarget_cdm2), py::arg("code_y12"),
          "Target luminance (cd/m², Y channel, no black added) of a 12-bit Y' grey code for DCI "
          "gamma 2.6: 52.37 · (code/4095)^2.6 (SMPTE ST 428-1 §5.2, RP 431-2 §7.7).");
    m.def("pq_target_cdm2", py::vectorize(col::pqTarget_cdm2), py::arg("code_y12"),
          "Target luminance (cd/m²) of a 12-bit PQ grey code (DCI HDR addendum §4, ST 2084).");
    m.def(
        "dci_encode",
        [](const py::handle& xyz) {
            return mapLastAxis<3, 3>(xyz, "dci_encode", [](const std::array<double, 3>& v) {
                const auto c = col::dciEncode({v[0], v[1], v[2]});
                return std::array<double, 3>{double(c[0]), double(c[1]), double(c[2])};
            });
        },
        py::arg("XYZ"),
        "Nearest 12-bit DCI X'Y'Z' code values of XYZ in cd/m², clipped to 0..4095: "
        "X' = 4095 · (X/52.37)^(1/2.6) (SMPTE ST 428-1 §5.2). Codes come back as floats holding "
        "integers.");
    m.def(
        "dci_decode",
        [](const py::handle& codes) {
            return mapLastAxis<3, 3>(codes, "dci_decode", [](const std::array<double, 3>& v) {
                const auto c = col::dciDecode(
                    {int(std::lround(v[0])), int(std::lround(v[1])), int(std::lround(v[2]))});
                return std::array<double, 3>{c.X, c.Y, c.Z};
            });
        },
        py::arg("codes"),
        "XYZ (cd/m²) of 12-bit DCI X'Y'Z' codes: X = 52.37 · (X'/4095)^2.6 (SMPTE ST 428-1 "
        "§5.2). Domain: codes 0..4095 (ValueError otherwise).");
    m.def(
        "pq_decode12",
        [](const py::handle& codes) {
            return mapLastAxis<3, 3>(codes, "pq_decode12", [](const std::array<double, 3>& v) {
                const auto c = col::pqDecode12(
                    {int(std::lround(v[0])), int(std::lround(v[1])), int(std::lround(v[2]))});
                return std::array<double, 3>{c.X, c.Y, c.Z};
            });
        },
        py::arg("codes"),
        "XYZ (cd/m²) of 12-bit HDR X''Y''Z'' PQ codes (DCI HDR addendum §4, SMPTE ST 2084).");

    m.def(
        "colourspaces",
        [] {
            py::list out;
            for (const auto& cs : col::knownColourspaces()) {
                py::dict d;
                d["name"] = cs.name;
                d["red"] = py::make_tuple(cs.red.x, cs.red.y);
                d["green"] = py::make_tuple(cs.green.x, cs.green.y);
                d["blue"] = py::make_tuple(cs.blue.x, cs.blue.y);
                d["white"] = py::make_tuple(cs.white.x, cs.white.y);
                d["source"] = cs.source;
                out.append(d);
            }
            return out;
        },
        "Known RGB colourspaces (DCI-P3, P3-D65, Rec. 709, Rec. 2020): primaries and white in "
        "CIE 1931 xy with their source.");
    m.def(
        "normalised_primary_matrix",
        [](const std::string& name) {
            return matrixArray(col::normalisedPrimaryMatrix(colourspace(name)));
        },
        py::arg("colourspace"),
        "RGB → XYZ matrix (white at Y = 1) of a known colourspace (SMPTE RP 177-1993 §3.3).");
    m.def("fL_to_cdm2", py::vectorize(col::footLambertToCdm2), py::arg("luminance_fL"),
          "fL → cd/m² (1 fL = 3.4262591 cd/m²); cd/m² is the unit everywhere else.");
    m.def("cdm2_to_fL", py::vectorize(col::cdm2ToFootLambert), py::arg("luminance_cdm2"),
          "cd/m² → fL (for printing only).");
}

}  // namespace cm::python
