// SPDX-License-Identifier: Apache-2.0
// Test fixture for the run tests: ST 431-1 (5 tasks: white at C, L, R, T, B) on the shipped
// reference projection theatre, optionally adjusted before the theatre is built.
#pragma once

#include "app/common/certification.h"
#include "app/common/data_paths.h"
#include "app/common/profile_catalog.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace cm::test {

struct ReferenceRig {
    procedure::Profile profile;
    drivers::virt::TheatreConfig config;
    std::shared_ptr<drivers::virt::VirtualTheatre> theatre;
    std::vector<geometry::MeasurementPoint> points;

    explicit ReferenceRig(const std::function<void(drivers::virt::TheatreConfig&)>& adjust = {}) {
        app::setDataDirOverride(CINEMEASURE_CALIBRATION_DIR);
        profile = app::findProfile("st431-1-theatre");
        config = app::loadTheatreConfig(std::string(CINEMEASURE_CALIBRATION_DIR) +
                                        "/virtual/projector-reference.json");
        if (adjust) {
            adjust(config);
        }
        theatre = std::make_shared<drivers::virt::VirtualTheatre>(config);
        points = geometry::pointLayout(profile.geometry.layout, config.screen,
                                       profile.geometry.inset_fraction_of_width);
    }
};

}  // namespace cm::test
