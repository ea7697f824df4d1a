// SPDX-License-Identifier: Apache-2.0
// The parsers that take outside input, wrapped so any byte string is a valid call: expected
// rejections (DataError, SpectrumError) are swallowed, anything else (a crash, another exception
// type) escapes to the fuzzer or the corpus test.
#pragma once

#include "app/common/report/report_json.h"
#include "drivers/virtual/theatre_config.h"
#include "libmeasure/colorimetry/spectrum.h"
#include "libmeasure/procedure/profile.h"
#include "libmeasure/util/json_view.h"

#include <cstddef>
#include <cstdint>
#include <string>

namespace cm::fuzz {

template <typename F>
void expectOnlyCleanErrors(F&& f) {
    try {
        f();
    } catch (const util::DataError&) {
    } catch (const colorimetry::SpectrumError&) {
    }
}

inline void profile(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    expectOnlyCleanErrors([&] {
        const auto doc = util::parseJson(text, "fuzz.json");
        procedure::parseProfile(util::JsonView(doc, "fuzz.json"));
    });
}

inline void theatre(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    expectOnlyCleanErrors([&] {
        const auto doc = util::parseJson(text, "fuzz.json");
        drivers::virt::parseTheatreConfig(util::JsonView(doc, "fuzz.json"));
    });
}

inline void report(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    expectOnlyCleanErrors([&] {
        const auto doc = util::parseJson(text, "fuzz.json");
        app::readingsFromReportJson(doc, "fuzz.json");
    });
}

inline void spectrumCsv(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    expectOnlyCleanErrors([&] { colorimetry::parseSpectrumCsv(text, "fuzz.csv"); });
}

inline void cgats(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    expectOnlyCleanErrors([&] { colorimetry::parseCgatsSpectrum(text, "fuzz.sp"); });
}

}  // namespace cm::fuzz
