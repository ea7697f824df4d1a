// SPDX-License-Identifier: Apache-2.0
// A figure on the "white" step for evaluation tests: metric, point and optional reference point.
#pragma once

#include "libmeasure/procedure/profile.h"

#include <string>

namespace cm::test {

inline procedure::FigureSpec whiteFigure(const std::string& metric, const std::string& point,
                                         const std::string& ref = "") {
    procedure::FigureSpec f;
    f.id = metric;
    f.metric = metric;
    f.step = "white";
    f.point = point;
    f.reference_point = ref;
    return f;
}

}  // namespace cm::test
