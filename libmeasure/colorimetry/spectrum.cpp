// SPDX-License-Identifier: Apache-2.0
// Spectrum validation, interpolation and the CSV / CGATS spectrum parsers.
#include "libmeasure/colorimetry/spectrum.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <sstream>

namespace cm::colorimetry {

Spectrum::Spectrum(std::vector<double> wavelength_nm, std::vector<double> values,
                   bool allow_negative)
    : wavelength_nm_(std::move(wavelength_nm)), values_(std::move(values)) {
    if (wavelength_nm_.size() != values_.size()) {
        throw SpectrumError("spectrum has " + std::to_string(wavelength_nm_.size()) +
                            " wavelengths but " + std::to_string(values_.size()) + " values");
    }
    if (values_.size() < 2) {
        throw SpectrumError("a spectrum needs at least two samples");
    }
    double peak = 0.0;
    for (std::size_t i = 0; i < values_.size(); ++i) {
        if (!std::isfinite(wavelength_nm_[i]) || !std::isfinite(values_[i])) {
            throw SpectrumError("non-finite value at sample " + std::to_string(i + 1));
        }
        peak = std::max(peak, std::abs(values_[i]));
        if (i > 0) {
            const double step = wavelength_nm_[i] - wavelength_nm_[i - 1];
            if (!(step > 0.0)) {
                throw SpectrumError("wavelengths must strictly increase (sample " +
                                    std::to_string(i + 1) + ")");
            }
            if (step > kMaxInterpolationGap_nm) {
                std::ostringstream os;
                os << "wavelength gap of " << step << " nm between " << wavelength_nm_[i - 1]
                   << " and " << wavelength_nm_[i] << " nm exceeds " << kMaxInterpolationGap_nm
                   << " nm";
                throw SpectrumError(os.str());
            }
        }
    }
    if (!allow_negative) {
        for (std::size_t i = 0; i < values_.size(); ++i) {
            if (values_[i] < -1e-9 * peak) {
                std::ostringstream os;
                os << "negative value " << values_[i] << " at " << wavelength_nm_[i] << " nm";
                throw SpectrumError(os.str());
            }
        }
    }
}

double Spectrum::at(double wl) const {
    if (wl <= wavelength_nm_.front()) {
        return values_.front();
    }
    if (wl >= wavelength_nm_.back()) {
        return values_.back();
    }
    const auto it = std::upper_bound(wavelength_nm_.begin(), wavelength_nm_.end(), wl);
    const std::size_t i = static_cast<std::size_t>(it - wavelength_nm_.begin());
    const double w0 = wavelength_nm_[i - 1];
    const double w1 = wavelength_nm_[i];
    const double t = (wl - w0) / (w1 - w0);
    return values_[i - 1] + t * (values_[i] - values_[i - 1]);
}

double Spectrum::regularStep_nm() const {
    const double step = wavelength_nm_[1] - wavelength_nm_[0];
    for (std::size_t i = 2; i < wavelength_nm_.size(); ++i) {
        if (std::abs(wavelength_nm_[i] - wavelength_nm_[i - 1] - step) > 1e-9) {
            return 0.0;
        }
    }
    return step;
}

Spectrum Spectrum::scaled(double k) const {
    std::vector<double> v = values_;
    for (double& x : v) {
        x *= k;
    }
    return Spectrum(wavelength_nm_, v, true);
}

std::string extrapolatedRange(const Spectrum& s, double from_nm, double to_nm) {
    auto nm = [](double v) {
        std::ostringstream os;
        os << v;
        return os.str();
    };
    std::string out;
    if (s.first_nm() > from_nm) {
        out = nm(from_nm) + "–" + nm(s.first_nm()) + " nm held at the " + nm(s.first_nm()) +
              " nm value";
    }
    if (s.last_nm() < to_nm) {
        out += (out.empty() ? "" : ", ") + nm(s.last_nm()) + "–" + nm(to_nm) + " nm held at the " +
               nm(s.last_nm()) + " nm value";
    }
    return out;
}

namespace {

[[noreturn]] void failAt(const std::string& source, int line, const std::string& what) {
    throw SpectrumError(source + ":" + std::to_string(line) + ": " + what);
}

double parseNumber(const std::string& token, const std::string& source, int line) {
    const char* begin = token.c_str();
    char* end = nullptr;
    const double v = std::strtod(begin, &end);
    while (end != nullptr && (*end == ' ' || *end == '\t' || *end == '\r')) {
        ++end;
    }
    if (end == begin || *end != '\0') {
        // The offending text is not echoed: a wrong file given here may hold a secret.
        failAt(source, line, "expected a number");
    }
    return v;
}

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r");
    const auto e = s.find_last_not_of(" \t\r");
    return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

Spectrum checked(std::vector<double> wl, std::vector<double> v, const std::string& source) {
    try {
        return Spectrum(std::move(wl), std::move(v));
    } catch (const SpectrumError& e) {
        throw SpectrumError(source + ": " + e.what());
    }
}

}  // namespace

Spectrum parseSpectrumCsv(const std::string& text, const std::string& source) {
    std::istringstream in(text);
    std::string line;
    int lineNo = 0;
    std::vector<double> wl;
    std::vector<double> v;
    bool header = true;
    while (std::getline(in, line)) {
        ++lineNo;
        line = trim(line);
        if (line.empty() || line[0] == '#') {
            continue;
        }
        if (header) {
            header = false;
            if (line.find_first_of("0123456789") == 0) {
                failAt(source, lineNo, "expected a header line such as 'nm,value'");
            }
            continue;
        }
        const auto comma = line.find(',');
        if (comma == std::string::npos) {
            failAt(source, lineNo, "expected 'wavelength_nm,value'");
        }
        const double w = parseNumber(trim(line.substr(0, comma)), source, lineNo);
        std::string rest = trim(line.substr(comma + 1));
        if (rest.find(',') != std::string::npos) {
            failAt(source, lineNo, "expected two columns, found more");
        }
        const double x = parseNumber(rest, source, lineNo);
        if (!std::isfinite(x)) {
            failAt(source, lineNo, "value is not finite");
        }
        if (x < 0.0) {
            failAt(source, lineNo, "negative value " + rest);
        }
        if (!wl.empty() && w <= wl.back()) {
            failAt(source, lineNo, "wavelengths must strictly increase");
        }
        wl.push_back(w);
        v.push_back(x);
    }
    if (wl.size() < 2) {
        throw SpectrumError(source + ": no spectral data (need a header and at least two rows)");
    }
    return checked(std::move(wl), std::move(v), source);
}

Spectrum parseCgatsSpectrum(const std::string& text, const std::string& source) {
    std::istringstream in(text);
    std::string line;
    int lineNo = 0;
    std::map<std::string, std::string> keywords;
    std::vector<std::string> fields;
    std::vector<double> data;
    enum { Header, Format, Data, Done } state = Header;
    int dataLine = 0;
    bool sawMagic = false;
    while (std::getline(in, line)) {
        ++lineNo;
        line = trim(line);
        if (line.empty() || line[0] == '#') {
            continue;
        }
        if (!sawMagic) {
            if (line.rfind("CGATS", 0) != 0 && line.rfind("SPECT", 0) != 0) {
                failAt(source, lineNo, "not a CGATS file (first line should be CGATS.17 or SPECT)");
            }
            sawMagic = true;
            continue;
        }
        if (state == Header) {
            if (line == "BEGIN_DATA_FORMAT") {
                state = Format;
                continue;
            }
            std::istringstream ls(line);
            std::string key;
            ls >> key;
            std::string value;
            std::getline(ls, value);
            value = trim(value);
            if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
                value = value.substr(1, value.size() - 2);
            }
            keywords[key] = value;
        } else if (state == Format) {
            if (line == "END_DATA_FORMAT") {
                state = Header;
                if (fields.empty()) {
                    failAt(source, lineNo, "empty data format");
                }
                // A BEGIN_DATA follows after optional keywords such as NUMBER_OF_SETS.
                continue;
            }
            std::istringstream ls(line);
            for (std::string f; ls >> f;) {
                fields.push_back(f);
            }
        } else if (state == Data) {
            if (line == "END_DATA") {
                state = Done;
                continue;
            }
            if (++dataLine > 1) {
                continue;  // several sets: the first is the spectrum we load
            }
            std::istringstream ls(line);
            for (std::string tok; ls >> tok;) {
                data.push_back(parseNumber(tok, source, lineNo));
            }
            if (data.size() != fields.size()) {
                failAt(source, lineNo,
                       "expected " + std::to_string(fields.size()) + " values, found " +
                           std::to_string(data.size()));
            }
        }
        if (state == Header && line == "BEGIN_DATA") {
            state = Data;
        }
    }
    if (state != Done) {
        throw SpectrumError(source + ": missing BEGIN_DATA/END_DATA block");
    }
    if (dataLine == 0) {
        throw SpectrumError(source + ": no data rows between BEGIN_DATA and END_DATA");
    }
    // The header's counts, when given, must match what the file holds (CGATS.17 §6).
    auto count = [&](const char* key, std::size_t actual, const char* what) {
        const auto it = keywords.find(key);
        if (it == keywords.end()) {
            return;
        }
        const double n = parseNumber(it->second, source, 0);
        if (n != static_cast<double>(actual)) {
            throw SpectrumError(source + ": " + key + " is " + trim(it->second) +
                                " but the file has " + std::to_string(actual) + " " + what);
        }
    };
    count("NUMBER_OF_FIELDS", fields.size(), "fields");
    count("NUMBER_OF_SETS", static_cast<std::size_t>(dataLine), "data rows");
    auto need = [&](const char* key) {
        auto it = keywords.find(key);
        if (it == keywords.end()) {
            throw SpectrumError(source + ": missing keyword " + key);
        }
        return parseNumber(it->second, source, 0);
    };
    const double bandsValue = need("SPECTRAL_BANDS");
    if (!(bandsValue >= 2.0 && bandsValue <= 100000.0)) {
        throw SpectrumError(source + ": SPECTRAL_BANDS must be between 2 and 100000");
    }
    const int bands = static_cast<int>(bandsValue);
    const double start = need("SPECTRAL_START_NM");
    const double end = need("SPECTRAL_END_NM");
    const double norm = keywords.count("SPECTRAL_NORM") ? need("SPECTRAL_NORM") : 1.0;
    if (bands < 2 || !(end > start) || !(norm > 0.0)) {
        throw SpectrumError(source + ": inconsistent SPECTRAL_BANDS/START/END/NORM");
    }
    std::vector<double> wl;
    std::vector<double> v;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (fields[i].rfind("SPEC_", 0) == 0) {
            wl.push_back(parseNumber(fields[i].substr(5), source, 0));
            v.push_back(data[i] / norm);
        }
    }
    if (static_cast<int>(wl.size()) != bands) {
        throw SpectrumError(source + ": SPECTRAL_BANDS says " + std::to_string(bands) + " but " +
                            std::to_string(wl.size()) + " SPEC_ fields are present");
    }
    return checked(std::move(wl), std::move(v), source);
}

}  // namespace cm::colorimetry
