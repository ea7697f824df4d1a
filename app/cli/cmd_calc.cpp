// SPDX-License-Identifier: Apache-2.0
// `cinemeasure calc ...`: colorimetry for committee members reproducing numbers (JSON with --json).
#include "app/cli/commands.h"
#include "app/common/cie_data.h"
#include "libmeasure/colorimetry/cct.h"
#include "libmeasure/colorimetry/cielab.h"
#include "libmeasure/colorimetry/spectrum_to_xyz.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <iostream>
#include <sstream>

namespace cm::cli {

namespace {

std::vector<double> parseList(const std::string& s, std::size_t n, const std::string& what) {
    std::vector<double> v;
    std::stringstream ss(s);
    for (std::string tok; std::getline(ss, tok, ',');) {
        char* end = nullptr;
        const double x = std::strtod(tok.c_str(), &end);
        if (end == tok.c_str() || *end != '\0' || !std::isfinite(x)) {
            throw errors::InputError(what + ": '" + tok + "' is not a number");
        }
        v.push_back(x);
    }
    if (v.size() != n) {
        throw errors::InputError(what + ": expected " + std::to_string(n) +
                                 " comma-separated numbers");
    }
    return v;
}

/// Prints key/value pairs as JSON or as aligned text, in the given order.
void emit(const std::vector<std::pair<std::string, nlohmann::json>>& kv, bool json) {
    if (json) {
        nlohmann::ordered_json j;
        for (const auto& [k, v] : kv) {
            j[k] = v;
        }
        std::cout << j.dump(2) << "\n";
        return;
    }
    for (const auto& [k, v] : kv) {
        std::printf("%-12s %s\n", k.c_str(),
                    v.is_string() ? v.get<std::string>().c_str()
                                  : (v.is_null() ? "undefined" : v.dump().c_str()));
    }
}

/// An undefined result (chromaticity of a zero stimulus, CCT outside a method's range) is not
/// an answer: after printing what is defined, exit 2 naming what is not.
void failIfUndefined(const std::vector<std::pair<std::string, nlohmann::json>>& kv,
                     const std::string& why) {
    std::string names;
    for (const auto& [k, v] : kv) {
        if (v.is_null()) {
            names += (names.empty() ? "" : ", ") + k;
        }
    }
    if (!names.empty()) {
        throw errors::InputError("undefined: " + names + " (" + why + ")");
    }
}

nlohmann::json num(double v) {
    return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr);
}

std::vector<std::pair<std::string, nlohmann::json>> cctFields(const colorimetry::ChromaticityXY& xy,
                                                              const std::string& method,
                                                              const colorimetry::Observer& obs) {
    // Outside a method's range: CctRangeError, an input error.
    const auto r =
        colorimetry::correlatedColourTemperature(xy, method, obs, app::cieData().robertson);
    return {{"cct_K", num(r.cct_K)}, {"duv", num(r.duv)}, {"method", r.method}};
}

}  // namespace

void registerCalcCommand(CLI::App& app) {
    auto* calc =
        app.add_subcommand("calc", "Colorimetry calculations (XYZ, chromaticity, CCT, ΔE)");
    calc->require_subcommand(1);
    auto json = std::make_shared<bool>(false);
    calc->add_flag("--json", *json, "Machine-readable output with fixed keys");

    {
        auto file = std::make_shared<std::string>();
        auto observer = std::make_shared<std::string>("1931_2");
        auto* c = calc->add_subcommand("spectrum",
                                       "Spectral radiance file (CSV nm,value or CGATS .sp) → "
                                       "absolute XYZ, xy, u'v', CCT, Duv");
        c->add_option("FILE", *file, "Spectrum in W·sr⁻¹·m⁻²·nm⁻¹")->required();
        c->add_option("--observer", *observer, "1931_2 (default) or 1964_10")
            ->check(CLI::IsMember({"1931_2", "1964_10"}));
        c->add_flag("--json", *json, "Machine-readable output");
        c->callback([=] {
            const colorimetry::Spectrum s = app::loadSpectrumFile(*file);
            const std::string extrapolated = colorimetry::extrapolatedRange(s);
            if (!extrapolated.empty()) {
                std::fprintf(stderr, "warning: %s: spectrum does not cover 380–780 nm: %s\n",
                             file->c_str(), extrapolated.c_str());
            }
            const auto& obs = app::cieData().observer(*observer);
            const auto xyz = colorimetry::absoluteXYZ(s, obs);
            const auto xy = colorimetry::toXY(xyz);
            const auto uv = colorimetry::toUV(xyz);
            std::vector<std::pair<std::string, nlohmann::json>> kv = {{"X", xyz.X},
                                                                      {"Y", xyz.Y},
                                                                      {"Z", xyz.Z},
                                                                      {"x", num(xy.x)},
                                                                      {"y", num(xy.y)},
                                                                      {"u_prime", num(uv.u_prime)},
                                                                      {"v_prime", num(uv.v_prime)}};
            // CCT is defined with the 1931 observer's Planckian locus.
            try {
                const auto r =
                    colorimetry::cctOhno2013(colorimetry::toUV1960(xy), app::cieData().cie1931_2);
                kv.push_back({"cct_K", r.cct_K});
                kv.push_back({"duv", r.duv});
            } catch (const colorimetry::CctRangeError&) {
                kv.push_back({"cct_K", nullptr});
                kv.push_back({"duv", nullptr});
            }
            if (!extrapolated.empty()) {
                kv.push_back({"extrapolated", extrapolated});
            }
            emit(kv, *json);
            // CCT is legitimately undefined far from the Planckian locus (a blue primary); a
            // chromaticity is not, except for a zero spectrum.
            failIfUndefined({kv.begin(), kv.begin() + 7}, "a zero spectrum has no chromaticity");
        });
    }
    {
        auto xyText = std::make_shared<std::string>();
        auto method = std::make_shared<std::string>("ohno2013");
        auto* c = calc->add_subcommand("cct", "CIE 1931 (x, y) → CCT and Duv");
        c->add_option("--xy", *xyText, "x,y")->required();
        c->add_option("--method", *method, "ohno2013 (default), robertson1968, mccamy1992")
            ->check(CLI::IsMember({"ohno2013", "robertson1968", "mccamy1992"}));
        c->add_flag("--json", *json, "Machine-readable output");
        c->callback([=] {
            const auto v = parseList(*xyText, 2, "--xy");
            const auto kv = cctFields({v[0], v[1]}, *method, app::cieData().cie1931_2);
            emit(kv, *json);
            failIfUndefined(kv, "outside the method's range");
        });
    }
    {
        auto l1 = std::make_shared<std::string>();
        auto l2 = std::make_shared<std::string>();
        auto k = std::make_shared<std::string>("1,1,1");
        auto* c = calc->add_subcommand("de2000", "CIEDE2000 between two CIELAB colours");
        c->add_option("--lab1", *l1, "L,a,b")->required();
        c->add_option("--lab2", *l2, "L,a,b")->required();
        c->add_option("--k", *k, "kL,kC,kH (default 1,1,1)");
        c->add_flag("--json", *json, "Machine-readable output");
        c->callback([=] {
            const auto a = parseList(*l1, 3, "--lab1");
            const auto b = parseList(*l2, 3, "--lab2");
            const auto w = parseList(*k, 3, "--k");
            const double d =
                colorimetry::deltaE2000({a[0], a[1], a[2]}, {b[0], b[1], b[2]}, {w[0], w[1], w[2]});
            emit({{"dE00", d}}, *json);
        });
    }
    {
        auto from = std::make_shared<std::string>();
        auto to = std::make_shared<std::string>();
        auto value = std::make_shared<std::string>();
        auto white = std::make_shared<std::string>("0.3127,0.3290");
        auto* c = calc->add_subcommand("convert",
                                       "Convert between XYZ, xyY, uvY (CIE 1976 u'v' + Y), Lab, "
                                       "Luv and uv1960 (CIE 1960 u, v)");
        c->add_option("--from", *from, "XYZ, xyY or uvY")
            ->required()
            ->check(CLI::IsMember({"XYZ", "xyY", "uvY"}));
        c->add_option("--to", *to, "XYZ, xyY, uvY, uv, Lab, Luv, uv1960")
            ->required()
            ->check(CLI::IsMember({"XYZ", "xyY", "uvY", "uv", "Lab", "Luv", "uv1960"}));
        c->add_option("--value", *value, "three comma-separated numbers in the --from space")
            ->required();
        c->add_option("--white", *white, "reference white x,y for Lab/Luv (Y = 100), default D65");
        c->add_flag("--json", *json, "Machine-readable output");
        c->callback([=] {
            const auto v = parseList(*value, 3, "--value");
            colorimetry::XYZ xyz;
            if (*from == "XYZ") {
                xyz = {v[0], v[1], v[2]};
            } else if (*from == "xyY") {
                xyz = colorimetry::fromxyY({v[0], v[1]}, v[2]);
            } else {
                xyz = colorimetry::fromxyY(
                    colorimetry::toXY(colorimetry::ChromaticityUV{v[0], v[1]}), v[2]);
            }
            const auto w = parseList(*white, 2, "--white");
            const auto W = colorimetry::fromxyY({w[0], w[1]}, 100.0);
            const auto xy = colorimetry::toXY(xyz);
            const auto uv = colorimetry::toUV(xyz);
            std::vector<std::pair<std::string, nlohmann::json>> kv;
            if (*to == "XYZ") {
                kv = {{"X", xyz.X}, {"Y", xyz.Y}, {"Z", xyz.Z}};
            } else if (*to == "xyY") {
                kv = {{"x", num(xy.x)}, {"y", num(xy.y)}, {"Y", xyz.Y}};
            } else if (*to == "uvY" || *to == "uv") {
                kv = {{"u_prime", num(uv.u_prime)}, {"v_prime", num(uv.v_prime)}};
                if (*to == "uvY") {
                    kv.push_back({"Y", xyz.Y});
                }
            } else if (*to == "uv1960") {
                const auto u60 = colorimetry::toUV1960(xy);
                kv = {{"u", num(u60.u)}, {"v", num(u60.v)}};
            } else if (*to == "Lab") {
                const auto lab = colorimetry::toLab(xyz, W);
                kv = {{"L", num(lab.L)}, {"a", num(lab.a)}, {"b", num(lab.b)}};
            } else {
                const auto luv = colorimetry::toLuv(xyz, W);
                kv = {{"L", num(luv.L)}, {"u", num(luv.u)}, {"v", num(luv.v)}};
            }
            emit(kv, *json);
            failIfUndefined(kv, "X + Y + Z = 0 has no chromaticity");
        });
    }
}

}  // namespace cm::cli
