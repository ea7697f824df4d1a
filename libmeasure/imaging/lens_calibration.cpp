// SPDX-License-Identifier: Apache-2.0
// Checkerboard lens fit and flat-field map.
#include "libmeasure/imaging/lens_calibration.h"

#include <opencv2/calib3d.hpp>
#include <opencv2/imgproc.hpp>

#include <stdexcept>
#include <string>

namespace cm::imaging {

namespace {

/// 8-bit view of the green (or only) channel, black removed and stretched to the frame's range.
cv::Mat eightBit(const RawFrame& f) {
    cv::Mat plane;
    cv::extractChannel(f.rgb, plane, f.rgb.channels() == 3 ? 1 : 0);
    double lo = 0, hi = 0;
    cv::minMaxLoc(plane, &lo, &hi);
    cv::Mat out;
    plane.convertTo(out, CV_8U, hi > lo ? 255.0 / (hi - lo) : 1.0,
                    hi > lo ? -255.0 * lo / (hi - lo) : 0.0);
    return out;
}

}  // namespace

LensFit fitLensFromCheckerboards(const std::vector<RawFrame>& frames, cv::Size inner) {
    if (frames.empty() || inner.width < 3 || inner.height < 3) {
        throw std::invalid_argument(
            "lens fit: need checkerboard frames and at least 3 × 3 inner corners");
    }
    const cv::Size size = frames.front().rgb.size();
    std::vector<std::vector<cv::Point3f>> object;
    std::vector<std::vector<cv::Point2f>> image;
    std::vector<cv::Point3f> board;
    for (int r = 0; r < inner.height; ++r) {
        for (int c = 0; c < inner.width; ++c) {
            board.emplace_back(static_cast<float>(c), static_cast<float>(r), 0.f);
        }
    }
    for (const RawFrame& f : frames) {
        if (f.rgb.size() != size) {
            throw std::invalid_argument("lens fit: the checkerboard frames differ in size");
        }
        const cv::Mat g = eightBit(f);
        std::vector<cv::Point2f> corners;
        if (!cv::findChessboardCorners(
                g, inner, corners, cv::CALIB_CB_ADAPTIVE_THRESH | cv::CALIB_CB_NORMALIZE_IMAGE)) {
            continue;
        }
        cv::cornerSubPix(
            g, corners, cv::Size(5, 5), cv::Size(-1, -1),
            cv::TermCriteria(cv::TermCriteria::EPS + cv::TermCriteria::COUNT, 50, 1e-3));
        object.push_back(board);
        image.push_back(corners);
    }
    if (object.size() < 3) {
        throw std::runtime_error("lens fit: the " + std::to_string(inner.width) + " × " +
                                 std::to_string(inner.height) + " board was found in " +
                                 std::to_string(object.size()) + " of " +
                                 std::to_string(frames.size()) + " frames; at least 3 are needed");
    }
    cv::Mat K, dist;
    std::vector<cv::Mat> rvecs, tvecs;
    LensFit fit;
    // k3 fixed at 0: with a board that does not reach the frame corners the sixth-order term is
    // unconstrained there and runs away (OpenCV's documentation advises the same for
    // non-fisheye lenses).
    fit.rms_reprojection_px =
        cv::calibrateCamera(object, image, size, K, dist, rvecs, tvecs, cv::CALIB_FIX_K3);
    fit.views_used = static_cast<int>(object.size());
    fit.lens.fx = K.at<double>(0, 0);
    fit.lens.fy = K.at<double>(1, 1);
    fit.lens.cx = K.at<double>(0, 2);
    fit.lens.cy = K.at<double>(1, 2);
    const double* d = dist.ptr<double>();
    fit.lens.k1 = d[0];
    fit.lens.k2 = d[1];
    fit.lens.p1 = d[2];
    fit.lens.p2 = d[3];
    fit.lens.k3 = dist.total() > 4 ? d[4] : 0.0;
    return fit;
}

cv::Mat flatFieldMap(const std::vector<RawFrame>& frames) {
    if (frames.empty()) {
        throw std::invalid_argument("flat field: no frames");
    }
    const cv::Size size = frames.front().rgb.size();
    const int ch = frames.front().rgb.channels();
    const int type = CV_MAKETYPE(CV_32F, ch);
    cv::Mat sum = cv::Mat::zeros(size, type);
    for (const RawFrame& f : frames) {
        if (f.rgb.size() != size || f.rgb.channels() != ch) {
            throw std::invalid_argument("flat field: the frames differ in size or channels");
        }
        cv::Mat lin;
        f.rgb.convertTo(lin, type, 1.0 / f.exposure_s, -f.black_level_dn / f.exposure_s);
        sum += lin;
    }
    sum /= static_cast<double>(frames.size());
    // Light smoothing: the map describes the lens, not pixel noise (or the source's texture).
    cv::GaussianBlur(sum, sum, cv::Size(0, 0), std::max(2.0, size.width / 100.0));
    const cv::Rect centre(size.width * 45 / 100, size.height * 45 / 100,
                          std::max(1, size.width / 10), std::max(1, size.height / 10));
    const cv::Scalar ref = cv::mean(sum(centre));
    for (int c = 0; c < ch; ++c) {
        if (!(ref[c] > 1.0)) {
            throw std::invalid_argument("flat field: the uniform source is too dark to use");
        }
    }
    std::vector<cv::Mat> planes;
    cv::split(sum, planes);
    for (int c = 0; c < ch; ++c) {
        planes[static_cast<std::size_t>(c)] /= ref[c];
    }
    cv::Mat out;
    cv::merge(planes, out);
    return out;
}

}  // namespace cm::imaging
