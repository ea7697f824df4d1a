// SPDX-License-Identifier: Apache-2.0
// Linearisation of raw frames: offsets, exposure, vignetting/flat field and saturation.
#include "libmeasure/imaging/linearise.h"

#include <opencv2/core/utility.hpp>
#include <opencv2/imgproc.hpp>

#include <Eigen/Dense>

#include <stdexcept>

namespace cm::imaging {

bool RadialVignetting::valid() const {
    for (int i = 0; i <= 100; ++i) {
        const double v = relativeIllumination(i / 100.0);
        if (!(v > 0.0) || !std::isfinite(v)) {
            return false;
        }
    }
    return true;
}

Linearisation Linearisation::forFrame(const RawFrame& f) {
    Linearisation l;
    l.black_level_dn = f.black_level_dn;
    l.white_level_dn = f.white_level_dn;
    l.exposure_s = f.exposure_s;
    return l;
}

namespace {

void checkInputs(const RawFrame& frame, const Linearisation& lin) {
    if (frame.rgb.empty() || frame.rgb.type() != CV_16UC3) {
        throw std::invalid_argument(
            "linearise: the raw frame must be a non-empty 16-bit RGB image");
    }
    if (!(lin.exposure_s > 0.0) || !std::isfinite(lin.exposure_s)) {
        throw std::invalid_argument("linearise: exposure time must be positive");
    }
    if (!lin.dark_dn.empty() &&
        (lin.dark_dn.size() != frame.rgb.size() ||
         (lin.dark_dn.type() != CV_16UC3 && lin.dark_dn.type() != CV_32FC3))) {
        throw std::invalid_argument(
            "linearise: the dark frame must be 16-bit or float RGB of the same size");
    }
    if (!lin.flat_gain.empty() &&
        (lin.flat_gain.size() != frame.rgb.size() || lin.flat_gain.type() != CV_32FC3)) {
        throw std::invalid_argument(
            "linearise: the flat-field gain must be float RGB of the same size");
    }
    if (!lin.vignetting.valid()) {
        throw std::invalid_argument(
            "linearise: the vignetting model is not positive over the image");
    }
}

}  // namespace

cv::Mat linearise(const RawFrame& frame, const Linearisation& lin) {
    checkInputs(frame, lin);
    const int w = frame.rgb.cols;
    const int h = frame.rgb.rows;
    cv::Mat out(h, w, CV_32FC3);
    const double sat = lin.saturation_fraction * lin.white_level_dn;
    cv::parallel_for_(cv::Range(0, h), [&](const cv::Range& rows) {
        for (int y = rows.start; y < rows.end; ++y) {
            const auto* in = frame.rgb.ptr<cv::Vec3w>(y);
            auto* o = out.ptr<cv::Vec3f>(y);
            const cv::Vec3w* d16 =
                lin.dark_dn.type() == CV_16UC3 ? lin.dark_dn.ptr<cv::Vec3w>(y) : nullptr;
            const cv::Vec3f* d32 = lin.dark_dn.type() == CV_32FC3 && !lin.dark_dn.empty()
                                       ? lin.dark_dn.ptr<cv::Vec3f>(y)
                                       : nullptr;
            const cv::Vec3f* fg = lin.flat_gain.empty() ? nullptr : lin.flat_gain.ptr<cv::Vec3f>(y);
            for (int x = 0; x < w; ++x) {
                const double radial =
                    fg ? 1.0 : lin.vignetting.relativeIllumination(normalisedRadius2(x, y, w, h));
                for (int c = 0; c < 3; ++c) {
                    const double offset = d16 ? d16[x][c] : d32 ? d32[x][c] : lin.black_level_dn;
                    const double illum = fg ? fg[x][c] : radial;
                    o[x][c] =
                        lineariseSample(in[x][c], offset, sat, 1.0 / (lin.exposure_s * illum));
                }
            }
        }
    });
    return out;
}

cv::Mat saturationMask(const RawFrame& frame, double saturation_fraction) {
    if (frame.rgb.empty() || frame.rgb.type() != CV_16UC3) {
        throw std::invalid_argument("saturationMask: the raw frame must be 16-bit RGB");
    }
    const double sat = saturation_fraction * frame.white_level_dn;
    cv::Mat mask(frame.rgb.size(), CV_8UC1);
    for (int y = 0; y < frame.rgb.rows; ++y) {
        const auto* in = frame.rgb.ptr<cv::Vec3w>(y);
        auto* m = mask.ptr<std::uint8_t>(y);
        for (int x = 0; x < frame.rgb.cols; ++x) {
            m[x] = (in[x][0] >= sat || in[x][1] >= sat || in[x][2] >= sat) ? 255 : 0;
        }
    }
    return mask;
}

cv::Mat flatFieldGain(const cv::Mat& flat_linear) {
    if (flat_linear.empty() || flat_linear.type() != CV_32FC3) {
        throw std::invalid_argument("flatFieldGain: expected a linearised float RGB flat field");
    }
    if (cv::checkRange(flat_linear, true, nullptr, 1e-30, 1e30) == false) {
        throw std::invalid_argument(
            "flatFieldGain: the flat field has saturated, zero or negative pixels");
    }
    // A small blur removes shot noise from the gain without touching the lens's slow fall-off.
    cv::Mat smooth;
    cv::GaussianBlur(flat_linear, smooth, cv::Size(0, 0), 2.0);
    const int cw = std::max(1, flat_linear.cols / 10);
    const int ch = std::max(1, flat_linear.rows / 10);
    const cv::Rect centre((flat_linear.cols - cw) / 2, (flat_linear.rows - ch) / 2, cw, ch);
    const cv::Scalar m = cv::mean(smooth(centre));
    cv::Mat gain;
    cv::divide(smooth, m, gain);
    return gain;
}

RadialVignetting fitRadialVignetting(const cv::Mat& flat_linear) {
    if (flat_linear.empty() || flat_linear.type() != CV_32FC3) {
        throw std::invalid_argument(
            "fitRadialVignetting: expected a linearised float RGB flat field");
    }
    // Bin the green channel by r² so the fit weighs radii, not pixel counts, then solve
    // V(r²)·a = mean for (a, a·k1, a·k2, a·k3) by linear least squares; a is the centre level.
    constexpr int kBins = 64;
    std::vector<double> sum(kBins, 0.0);
    std::vector<double> count(kBins, 0.0);
    std::vector<double> sum_r2(kBins, 0.0);
    const int w = flat_linear.cols;
    const int h = flat_linear.rows;
    for (int y = 0; y < h; ++y) {
        const auto* p = flat_linear.ptr<cv::Vec3f>(y);
        for (int x = 0; x < w; ++x) {
            const double g = p[x][1];
            if (!std::isfinite(g)) {
                continue;
            }
            const double r2 = normalisedRadius2(x, y, w, h);
            const int b = std::min(kBins - 1, static_cast<int>(r2 * kBins));
            sum[b] += g;
            sum_r2[b] += r2;
            count[b] += 1.0;
        }
    }
    Eigen::MatrixXd A(kBins, 4);
    Eigen::VectorXd rhs(kBins);
    int rows = 0;
    for (int b = 0; b < kBins; ++b) {
        if (count[b] < 1.0) {
            continue;
        }
        const double r2 = sum_r2[b] / count[b];
        A.row(rows) << 1.0, r2, r2 * r2, r2 * r2 * r2;
        rhs(rows) = sum[b] / count[b];
        ++rows;
    }
    if (rows < 8) {
        throw std::invalid_argument("fitRadialVignetting: too few usable pixels in the flat field");
    }
    const Eigen::VectorXd c = A.topRows(rows).colPivHouseholderQr().solve(rhs.head(rows));
    if (!(c(0) > 0.0)) {
        throw std::invalid_argument("fitRadialVignetting: the flat field is dark at its centre");
    }
    return {c(1) / c(0), c(2) / c(0), c(3) / c(0)};
}

}  // namespace cm::imaging
