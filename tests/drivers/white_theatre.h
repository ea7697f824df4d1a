// SPDX-License-Identifier: Apache-2.0
// Test helper: the shipped reference projection theatre showing full white, meter at the centre.
#pragma once

#include "drivers/virtual/theatre_config.h"
#include "drivers/virtual/virtual_theatre.h"

#include <fstream>
#include <memory>
#include <sstream>

namespace cm::test {

inline std::shared_ptr<drivers::virt::VirtualTheatre> whiteTheatre() {
    std::ifstream in(std::string(CINEMEASURE_CALIBRATION_DIR) +
                     "/virtual/projector-reference.json");
    std::stringstream ss;
    ss << in.rdbuf();
    const auto doc = util::parseJson(ss.str(), "projector-reference.json");
    auto t = std::make_shared<drivers::virt::VirtualTheatre>(
        drivers::virt::parseTheatreConfig(util::JsonView(doc, "projector-reference.json")));
    t->show({"white", "none"});
    t->aimAt({t->config().reference_seat, {0, 0}});
    return t;
}

}  // namespace cm::test
