// SPDX-License-Identifier: Apache-2.0
// The instrument uncertainty budgets shipped in calibration/instruments/, and the virtual meter's
// budget built from the simulated theatre's noise.
#pragma once

#include "drivers/virtual/theatre_config.h"
#include "libmeasure/evaluation/uncertainty_model.h"

#include <vector>

namespace cm::app {

/// Every budget in <data dir>/instruments/*.json (loaded once). Throws util::DataError for a
/// malformed file: a broken shipped budget is a defect to fix, not to skip.
const std::vector<evaluation::InstrumentUncertaintyModel>& shippedInstrumentModels();

/// The virtual meter's budget: its noise is random per reading and exactly the theatre's
/// configured noise; it has no calibration error.
evaluation::InstrumentUncertaintyModel virtualMeterModel(const drivers::virt::Noise& noise,
                                                         const std::string& model_name);

/// Shipped budgets plus the virtual meter's for `noise`.
std::vector<evaluation::InstrumentUncertaintyModel> instrumentModelsFor(
    const drivers::virt::Noise& noise, const std::string& virtual_model_name);

}  // namespace cm::app
