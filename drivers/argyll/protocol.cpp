// SPDX-License-Identifier: Apache-2.0
// Parsers of spotread's output.
#include "drivers/argyll/protocol.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <sstream>

namespace cm::drivers::argyll {

namespace {
bool containsNoCase(const std::string& text, const std::string& what) {
    auto it = std::search(text.begin(), text.end(), what.begin(), what.end(), [](char a, char b) {
        return std::tolower(static_cast<unsigned char>(a)) ==
               std::tolower(static_cast<unsigned char>(b));
    });
    return it != text.end();
}
/// The last line containing `marker`, from the marker on; empty when none.
std::string lastLineWith(const std::string& text, const std::string& marker) {
    const auto at = text.rfind(marker);
    if (at == std::string::npos) {
        return {};
    }
    const auto end = text.find('\n', at);
    return text.substr(at, end == std::string::npos ? std::string::npos : end - at);
}
}  // namespace

std::vector<PortEntry> parsePortList(const std::string& usage) {
    std::vector<PortEntry> out;
    std::istringstream in(usage);
    std::string line;
    while (std::getline(in, line)) {
        int n = 0;
        int used = 0;
        if (std::sscanf(line.c_str(), " %d = '%n", &n, &used) != 1 || used == 0) {
            continue;
        }
        const auto close = line.find('\'', static_cast<std::size_t>(used));
        if (close == std::string::npos) {
            continue;
        }
        PortEntry e;
        e.number = n;
        // spotread prints "'/dev/ttyUSB0 (Klein K-10)'": the name it identified sits inside the
        // quotes after the path; accept it after the closing quote too.
        std::string inside =
            line.substr(static_cast<std::size_t>(used), close - static_cast<std::size_t>(used));
        const auto open = inside.rfind(" (");
        if (open != std::string::npos && !inside.empty() && inside.back() == ')') {
            e.instrument = inside.substr(open + 2, inside.size() - open - 3);
            inside.erase(open);
        } else {
            const auto o = line.find('(', close);
            const auto c = line.rfind(')');
            if (o != std::string::npos && c != std::string::npos && c > o) {
                e.instrument = line.substr(o + 1, c - o - 1);
            }
        }
        e.path = inside;
        out.push_back(e);
    }
    return out;
}

std::string parseVersion(const std::string& usage) {
    // "Measure spot values, Version 2.3.1" (the licence line also says "Version 2").
    const auto at = usage.find(", Version ");
    if (at == std::string::npos) {
        return {};
    }
    std::string v = usage.substr(at + 10, usage.find('\n', at) - at - 10);
    v.erase(std::find_if(v.begin(), v.end(), [](unsigned char c) { return std::isspace(c); }),
            v.end());
    return v;
}

const PortEntry* findPort(const std::vector<PortEntry>& ports, const std::string& port) {
    for (const auto& p : ports) {
        if (p.path == port || std::to_string(p.number) == port) {
            return &p;
        }
    }
    return nullptr;
}

InstrumentError classifyFailure(const std::string& out) {
    // The most specific line spotread printed about the failure.
    std::string why;
    for (const char* marker :
         {"Spot read failed", "Got fatal error", "Instrument initialisation failed",
          "No instrument at port", "Read sample failed", "init_coms returned",
          "Diagnostic:", "Error"}) {
        why = lastLineWith(out, marker);
        if (!why.empty()) {
            break;
        }
    }
    if (why.empty()) {
        // No known failure line: quote the end of what spotread printed.
        std::string tail = out.substr(out.size() > 300 ? out.size() - 300 : 0);
        while (!tail.empty() && std::isspace(static_cast<unsigned char>(tail.back()))) {
            tail.pop_back();
        }
        why = tail.empty() ? "spotread printed nothing" : "spotread printed no result: …" + tail;
    }
    // Argyll's instrument-level texts for light level (kleink10.c, specbos.c, i1d3.c, …).
    if (containsNoCase(out, "too dark") || containsNoCase(out, "underexpos") ||
        containsNoCase(out, "under range") || containsNoCase(out, "too low")) {
        return InstrumentError(ErrorKind::TooDark, "ArgyllCMS: " + why);
    }
    if (containsNoCase(out, "too bright") || containsNoCase(out, "overexpos") ||
        containsNoCase(out, "over range") || containsNoCase(out, "over high range") ||
        containsNoCase(out, "saturat")) {
        return InstrumentError(ErrorKind::OverRange, "ArgyllCMS: " + why);
    }
    if (containsNoCase(out, "timeout") || containsNoCase(out, "timed out") ||
        containsNoCase(out, "time out")) {
        return InstrumentError(ErrorKind::Timeout, "ArgyllCMS: " + why);
    }
    if (containsNoCase(out, "communication") || containsNoCase(out, "No instrument at port") ||
        containsNoCase(out, "no instrument detected") ||
        containsNoCase(out, "Instrument initialisation failed")) {
        return InstrumentError(ErrorKind::Disconnected, "ArgyllCMS: " + why);
    }
    if (containsNoCase(out, "misread") || containsNoCase(out, "fatal error")) {
        return InstrumentError(ErrorKind::Device, "ArgyllCMS: " + why);
    }
    return InstrumentError(ErrorKind::Protocol, "ArgyllCMS: " + why);
}

SpotreadReading parseReading(const std::string& out) {
    const std::string result = lastLineWith(out, "Result is XYZ:");
    SpotreadReading r;
    if (result.empty() || std::sscanf(result.c_str(), "Result is XYZ: %lf %lf %lf", &r.xyz_cdm2.X,
                                      &r.xyz_cdm2.Y, &r.xyz_cdm2.Z) != 3) {
        throw classifyFailure(out);
    }
    const auto at = out.rfind("Spectrum from ");
    if (at != std::string::npos) {
        double from = 0, to = 0;
        int n = 0;
        if (std::sscanf(out.c_str() + at, "Spectrum from %lf to %lf nm in %d steps", &from, &to,
                        &n) == 3 &&
            n > 1) {
            const auto values = out.find('\n', at);
            const char* p = values == std::string::npos ? nullptr : out.c_str() + values + 1;
            std::vector<double> v;
            while (p != nullptr && static_cast<int>(v.size()) < n) {
                char* end = nullptr;
                const double x = std::strtod(p, &end);
                if (end == p) {
                    break;
                }
                v.push_back(x / 1000.0);  // mW → W per (sr m² nm)
                p = end;
                while (*p == ',' || *p == ' ') {
                    ++p;
                }
            }
            if (static_cast<int>(v.size()) != n) {
                throw InstrumentError(ErrorKind::Protocol,
                                      "ArgyllCMS: spectrum of " + std::to_string(n) +
                                          " steps has " + std::to_string(v.size()) + " values");
            }
            r.spectrum_start_nm = from;
            r.spectrum_step_nm = (to - from) / (n - 1);
            r.spectral_radiance = std::move(v);
        }
    }
    return r;
}

std::vector<std::string> sessionArguments(int port_number, bool spectrum) {
    std::vector<std::string> a = {"-e", "-x"};
    if (spectrum) {
        a.push_back("-s");
    }
    a.push_back("-c");
    a.push_back(std::to_string(port_number));
    return a;
}

std::vector<std::string> readingArguments(int port_number, bool spectrum) {
    std::vector<std::string> a = {"-e", "-x", "-O"};
    if (spectrum) {
        a.push_back("-s");
    }
    a.push_back("-c");
    a.push_back(std::to_string(port_number));
    return a;
}

}  // namespace cm::drivers::argyll
