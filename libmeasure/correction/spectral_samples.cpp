// SPDX-License-Identifier: Apache-2.0
// CCSS-style spectral-sample correction, four-colour from spectra, CCSS text writer and reader.
#include "libmeasure/correction/spectral_samples.h"

#include "libmeasure/colorimetry/spectrum_to_xyz.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <sstream>
#include <stdexcept>

namespace cm::correction {

using colorimetry::Matrix3;
using colorimetry::Spectrum;
using colorimetry::XYZ;

CorrectionMatrix fitSpectralSamples(const std::vector<Spectrum>& samples,
                                    const colorimetry::Observer& meter,
                                    const colorimetry::Observer& reference) {
    if (samples.size() < 3) {
        throw std::invalid_argument("a spectral-sample correction needs at least three spectra");
    }
    // Normal equations of the least-squares fit: M = (Σ XYZ·rᵀ)(Σ r·rᵀ)⁻¹.
    std::vector<XYZ> raw, ref;
    Matrix3 rr{}, xr{};
    for (const auto& s : samples) {
        raw.push_back(colorimetry::absoluteXYZ(s, meter));
        ref.push_back(colorimetry::absoluteXYZ(s, reference));
        const double r[3] = {raw.back().X, raw.back().Y, raw.back().Z};
        const double x[3] = {ref.back().X, ref.back().Y, ref.back().Z};
        for (int i = 0; i < 3; ++i) {
            for (int j = 0; j < 3; ++j) {
                rr[i][j] += r[i] * r[j];
                xr[i][j] += x[i] * r[j];
            }
        }
    }
    // Σ r·rᵀ is a Gram matrix: its determinant over the product of its diagonal is 1 for three
    // orthogonal responses and 0 for responses of one colour. Below 1e-9 the set is degenerate.
    const double det = rr[0][0] * (rr[1][1] * rr[2][2] - rr[1][2] * rr[2][1]) -
                       rr[0][1] * (rr[1][0] * rr[2][2] - rr[1][2] * rr[2][0]) +
                       rr[0][2] * (rr[1][0] * rr[2][1] - rr[1][1] * rr[2][0]);
    const double diag = rr[0][0] * rr[1][1] * rr[2][2];
    if (!(diag > 0.0) || !(det / diag > 1e-9)) {
        throw std::invalid_argument("spectral samples do not span three colours (singular set)");
    }
    const Matrix3 inv = colorimetry::inverse(rr);
    CorrectionMatrix c;
    c.method = "spectral-samples";
    for (int i = 0; i < 3; ++i) {
        for (int j = 0; j < 3; ++j) {
            for (int k = 0; k < 3; ++k) {
                c.matrix[i][j] += xr[i][k] * inv[k][j];
            }
        }
    }
    c.max_residual_duv = 0.0;
    for (std::size_t i = 0; i < samples.size(); ++i) {
        const double d =
            colorimetry::deltaUV(colorimetry::toUV(apply(c, raw[i])), colorimetry::toUV(ref[i]));
        if (i < 4) {
            c.residual_duv[i] = d;
        }
        c.max_residual_duv = std::max(c.max_residual_duv, d);
    }
    return c;
}

CorrectionMatrix fitFourColourFromSpectra(const FourColourSet& colorimeter, const Spectrum& red,
                                          const Spectrum& green, const Spectrum& blue,
                                          const Spectrum& white,
                                          const colorimetry::Observer& observer) {
    const FourColourSet reference{
        colorimetry::absoluteXYZ(red, observer), colorimetry::absoluteXYZ(green, observer),
        colorimetry::absoluteXYZ(blue, observer), colorimetry::absoluteXYZ(white, observer)};
    return fitFourColour(colorimeter, reference);
}

namespace {

/// ArgyllCMS writes spectral radiance in mW·sr⁻¹·m⁻²·nm⁻¹ (spectro/specbos.c converts the
/// instrument's W to mW); so do we, with SPECTRAL_NORM 1.
constexpr double kMilliwatt = 1000.0;

std::string quoted(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        out += c == '"' ? '\'' : c;  // CGATS strings cannot hold a double quote
    }
    return out + "\"";
}

std::string fixed6(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6f", v);
    return buf;
}

std::string sampleId(const std::string& id, std::size_t i) {
    // SAMPLE_ID is a non-quoted string: one word of letters, digits, '_' or '-'.
    const bool word = !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
    });
    return word ? id : std::to_string(i + 1);
}

}  // namespace

std::string writeCcss(const SpectralSampleSet& set) {
    if (set.samples.empty()) {
        throw std::invalid_argument("a CCSS file needs at least one spectrum");
    }
    const Spectrum& first = set.samples.front();
    const double step = first.regularStep_nm();
    if (!(step > 0.0)) {
        throw std::invalid_argument("CCSS spectra must be on a regular wavelength grid");
    }
    for (const auto& s : set.samples) {
        if (s.wavelengths() != first.wavelengths()) {
            throw std::invalid_argument("CCSS spectra must share one wavelength grid");
        }
    }
    const std::size_t bands = first.values().size();
    std::vector<std::string> fields;
    for (double wl : first.wavelengths()) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "SPEC_%03d", static_cast<int>(std::lround(wl)));
        fields.emplace_back(buf);
    }
    std::ostringstream o;
    o << "CCSS   \n\n";
    o << "DESCRIPTOR " << quoted("cinemeasure spectral sample set") << "\n";
    o << "ORIGINATOR " << quoted("cinemeasure") << "\n";
    o << "CREATED " << quoted(set.created) << "\n";
    auto keyword = [&](const char* k, const std::string& v) {
        o << "KEYWORD \"" << k << "\"\n" << k << " " << quoted(v) << "\n";
    };
    keyword("DISPLAY", set.display);
    keyword("TECHNOLOGY", set.technology);
    keyword("DISPLAY_TYPE_REFRESH", "NO");
    keyword("REFERENCE", set.reference);
    keyword("SPECTRAL_BANDS", std::to_string(bands));
    keyword("SPECTRAL_START_NM", fixed6(first.first_nm()));
    keyword("SPECTRAL_END_NM", fixed6(first.last_nm()));
    keyword("SPECTRAL_NORM", fixed6(1.0));
    for (const auto& f : fields) {
        o << "KEYWORD \"" << f << "\"\n";
    }
    o << "\nNUMBER_OF_FIELDS " << bands + 1 << "\nBEGIN_DATA_FORMAT\nSAMPLE_ID";
    for (const auto& f : fields) {
        o << " " << f;
    }
    o << "\nEND_DATA_FORMAT\n\nNUMBER_OF_SETS " << set.samples.size() << "\nBEGIN_DATA\n";
    for (std::size_t i = 0; i < set.samples.size(); ++i) {
        o << sampleId(i < set.ids.size() ? set.ids[i] : "", i);
        char buf[32];
        for (double v : set.samples[i].values()) {
            std::snprintf(buf, sizeof buf, " %.9g", v * kMilliwatt);
            o << buf;
        }
        o << "\n";
    }
    o << "END_DATA\n";
    return o.str();
}

SpectralSampleSet parseCcss(const std::string& text, const std::string& source) {
    auto fail = [&](int line, const std::string& what) -> colorimetry::SpectrumError {
        return colorimetry::SpectrumError(source + ":" + std::to_string(line) + ": " + what);
    };
    std::istringstream in(text);
    std::string line;
    int n = 0;
    std::map<std::string, std::string> kw;
    std::vector<std::string> format;
    std::vector<std::vector<std::string>> rows;
    enum { Header, Format, Data } state = Header;
    while (std::getline(in, line)) {
        ++n;
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        std::istringstream ls(line);
        std::string first;
        if (!(ls >> first)) {
            continue;
        }
        if (n == 1 || first[0] == '#') {
            if (n == 1 && first != "CCSS") {
                throw fail(n, "not a CCSS file (first word '" + first + "')");
            }
            continue;
        }
        if (state == Header) {
            if (first == "BEGIN_DATA_FORMAT") {
                state = Format;
            } else if (first == "BEGIN_DATA") {
                state = Data;
            } else if (first != "KEYWORD" && first != "NUMBER_OF_FIELDS" &&
                       first != "NUMBER_OF_SETS" && first != "END_DATA_FORMAT" &&
                       first != "END_DATA") {
                std::string rest;
                std::getline(ls, rest);
                const auto a = rest.find('"');
                const auto b = rest.rfind('"');
                kw[first] = a != std::string::npos && b > a ? rest.substr(a + 1, b - a - 1) : rest;
            }
        } else if (state == Format) {
            if (first == "END_DATA_FORMAT") {
                state = Header;
                continue;
            }
            format.push_back(first);
            std::string f;
            while (ls >> f) {
                if (f == "END_DATA_FORMAT") {
                    state = Header;
                    break;
                }
                format.push_back(f);
            }
        } else {
            if (first == "END_DATA") {
                state = Header;
                continue;
            }
            std::vector<std::string> row{first};
            std::string f;
            while (ls >> f) {
                row.push_back(f);
            }
            if (row.size() != format.size()) {
                throw fail(n, "row has " + std::to_string(row.size()) + " values, the format " +
                                  std::to_string(format.size()));
            }
            rows.push_back(std::move(row));
        }
    }
    auto number = [&](const std::string& k) {
        const auto it = kw.find(k);
        if (it == kw.end()) {
            throw fail(n, "keyword " + k + " missing");
        }
        char* end = nullptr;
        const double v = std::strtod(it->second.c_str(), &end);
        if (end == it->second.c_str()) {
            throw fail(n, "keyword " + k + " is not a number");
        }
        return v;
    };
    const auto bands = static_cast<std::size_t>(number("SPECTRAL_BANDS"));
    const double start = number("SPECTRAL_START_NM");
    const double end = number("SPECTRAL_END_NM");
    const double norm = kw.count("SPECTRAL_NORM") ? number("SPECTRAL_NORM") : 1.0;
    if (bands < 2 || !(end > start) || !(norm > 0)) {
        throw fail(n, "bad SPECTRAL_BANDS / START / END / NORM");
    }
    // Spectral columns by name SPEC_nnn, in wavelength order.
    std::vector<std::size_t> cols;
    std::vector<double> wl;
    const double step = (end - start) / static_cast<double>(bands - 1);
    for (std::size_t b = 0; b < bands; ++b) {
        const double w = start + step * static_cast<double>(b);
        char buf[16];
        std::snprintf(buf, sizeof buf, "SPEC_%03d", static_cast<int>(std::lround(w)));
        const auto it = std::find(format.begin(), format.end(), buf);
        if (it == format.end()) {
            throw fail(n, std::string("field ") + buf + " missing");
        }
        cols.push_back(static_cast<std::size_t>(it - format.begin()));
        wl.push_back(w);
    }
    const auto idCol = std::find(format.begin(), format.end(), "SAMPLE_ID");
    SpectralSampleSet set;
    set.display = kw["DISPLAY"];
    set.technology = kw["TECHNOLOGY"];
    set.reference = kw["REFERENCE"];
    set.created = kw["CREATED"];
    for (const auto& row : rows) {
        std::vector<double> v;
        for (std::size_t c : cols) {
            char* e = nullptr;
            const double x = std::strtod(row[c].c_str(), &e);
            if (e == row[c].c_str() || *e != '\0') {
                throw fail(n, "value '" + row[c] + "' is not a number");
            }
            v.push_back(x / norm / kMilliwatt);
        }
        set.ids.push_back(idCol != format.end()
                              ? row[static_cast<std::size_t>(idCol - format.begin())]
                              : std::to_string(set.ids.size() + 1));
        set.samples.emplace_back(wl, std::move(v), true);
    }
    if (set.samples.empty()) {
        throw fail(n, "no spectra (BEGIN_DATA … END_DATA empty)");
    }
    return set;
}

}  // namespace cm::correction
