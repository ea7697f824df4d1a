// SPDX-License-Identifier: Apache-2.0
// Exposure bracket merge: per-sample weights, saturated and near-black samples excluded.
#include "libmeasure/imaging/hdr_merge.h"

#include <opencv2/core/utility.hpp>

#include <limits>
#include <stdexcept>

namespace cm::imaging {

cv::Mat mergeBracket(const std::vector<RawFrame>& bracket, const Linearisation& lin,
                     const HdrMergeOptions& options) {
    if (bracket.empty()) {
        throw std::invalid_argument("mergeBracket: empty bracket");
    }
    const cv::Size size = bracket.front().rgb.size();
    for (const RawFrame& f : bracket) {
        if (f.rgb.type() != CV_16UC3 || f.rgb.size() != size || !(f.exposure_s > 0.0)) {
            throw std::invalid_argument(
                "mergeBracket: frames must be 16-bit RGB of one size with positive exposures");
        }
    }
    if ((!lin.dark_dn.empty() && lin.dark_dn.size() != size) ||
        (!lin.flat_gain.empty() &&
         (lin.flat_gain.size() != size || lin.flat_gain.type() != CV_32FC3))) {
        throw std::invalid_argument(
            "mergeBracket: dark frame or flat gain does not match the frames");
    }
    const int w = size.width;
    const int h = size.height;
    cv::Mat out(size, CV_32FC3);
    cv::parallel_for_(cv::Range(0, h), [&](const cv::Range& rows) {
        for (int y = rows.start; y < rows.end; ++y) {
            for (int x = 0; x < w; ++x) {
                const double radial =
                    lin.vignetting.relativeIllumination(normalisedRadius2(x, y, w, h));
                for (int c = 0; c < 3; ++c) {
                    double sumW = 0.0;
                    double sumWV = 0.0;
                    double longestT = 0.0;
                    double longestV = std::numeric_limits<double>::quiet_NaN();
                    for (const RawFrame& f : bracket) {
                        const double raw = f.rgb.ptr<cv::Vec3w>(y)[x][c];
                        if (raw >= options.saturation_fraction * f.white_level_dn) {
                            continue;
                        }
                        double offset = f.black_level_dn;
                        if (lin.dark_dn.type() == CV_16UC3) {
                            offset = lin.dark_dn.ptr<cv::Vec3w>(y)[x][c];
                        } else if (lin.dark_dn.type() == CV_32FC3 && !lin.dark_dn.empty()) {
                            offset = lin.dark_dn.ptr<cv::Vec3f>(y)[x][c];
                        }
                        const double illum =
                            lin.flat_gain.empty() ? radial : lin.flat_gain.ptr<cv::Vec3f>(y)[x][c];
                        const double signal = raw - offset;
                        const double value = signal / (f.exposure_s * illum);
                        if (f.exposure_s > longestT) {
                            longestT = f.exposure_s;
                            longestV = value;
                        }
                        if (signal < options.near_black_dn) {
                            continue;
                        }
                        sumW += signal;
                        sumWV += signal * value;
                    }
                    out.ptr<cv::Vec3f>(y)[x][c] =
                        static_cast<float>(sumW > 0.0 ? sumWV / sumW : longestV);
                }
            }
        }
    });
    return out;
}

}  // namespace cm::imaging
