// SPDX-License-Identifier: Apache-2.0
// Colorimeter correction files (calibration/corrections/*.json) with provenance, and the
// instrument decorator that applies one to every live reading.
#pragma once

#include "drivers/instrument/spot_instrument.h"
#include "libmeasure/correction/colorimeter_correction.h"

#include <filesystem>
#include <memory>
#include <string>

namespace cm::app {

struct CorrectionFile {
    std::string id;
    correction::CorrectionMatrix correction;
    std::string colorimeter_model;
    std::string colorimeter_serial;
    std::string reference_model;
    std::string reference_serial;
    std::string screen;
    std::string date_utc;
};

/// Parses and validates a correction document; errors name file, JSON path, expected form.
CorrectionFile parseCorrection(const std::string& text, const std::string& source);
CorrectionFile loadCorrection(const std::filesystem::path& file);
std::string correctionToJson(const CorrectionFile& c);

/// Applies the correction to a reading, keeping the instrument's own XYZ beside it.
void applyCorrection(procedure::Reading& reading, const CorrectionFile& c);

/// Wraps an instrument so that every reading leaves it corrected (and its raw XYZ kept).
class CorrectedInstrument final : public drivers::SpotInstrument {
public:
    CorrectedInstrument(drivers::SpotInstrument& inner, CorrectionFile correction);
    procedure::InstrumentInfo identify() override { return inner_.identify(); }
    drivers::Capabilities capabilities() const override { return inner_.capabilities(); }
    procedure::Reading measure() override;
    void setLowLight(const drivers::LowLightSettings& s) override { inner_.setLowLight(s); }
    bool requestCancel() override { return inner_.requestCancel(); }

private:
    drivers::SpotInstrument& inner_;
    CorrectionFile correction_;
};

}  // namespace cm::app
