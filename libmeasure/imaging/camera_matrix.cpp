// SPDX-License-Identifier: Apache-2.0
// 3×3 camera matrix fit (least squares) and per-pixel XYZ, Y and xy maps.
#include "libmeasure/imaging/camera_matrix.h"

#include "libmeasure/imaging/huge_pages.h"

#include <opencv2/core/utility.hpp>

#include <Eigen/Dense>

#include <cmath>
#include <limits>
#include <stdexcept>

namespace cm::imaging {

MatrixFit fitCameraMatrix(const std::vector<CameraRgb>& rgb,
                          const std::vector<colorimetry::XYZ>& xyz) {
    if (rgb.size() != xyz.size()) {
        throw std::invalid_argument("fitCameraMatrix: camera and meter patch counts differ");
    }
    if (rgb.size() < 3) {
        throw std::invalid_argument("fitCameraMatrix: need at least 3 patches");
    }
    const auto n = static_cast<Eigen::Index>(rgb.size());
    Eigen::MatrixXd A(n, 3);
    Eigen::MatrixXd B(n, 3);
    for (Eigen::Index i = 0; i < n; ++i) {
        const CameraRgb& c = rgb[static_cast<std::size_t>(i)];
        const colorimetry::XYZ& t = xyz[static_cast<std::size_t>(i)];
        A.row(i) << c.r, c.g, c.b;
        B.row(i) << t.X, t.Y, t.Z;
    }
    if (!A.allFinite() || !B.allFinite()) {
        throw std::invalid_argument("fitCameraMatrix: a patch value is not finite");
    }
    const Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(A);
    if (qr.rank() < 3) {
        throw std::invalid_argument(
            "fitCameraMatrix: the patches' camera RGB do not span three dimensions (need colours, "
            "not only greys)");
    }
    // Solve A·Mᵀ = B: each column of Mᵀ is one XYZ row of the matrix.
    const Eigen::MatrixXd Mt = qr.solve(B);
    MatrixFit fit;
    for (int r = 0; r < 3; ++r) {
        for (int c = 0; c < 3; ++c) {
            fit.matrix[r][c] = Mt(c, r);
        }
    }
    const Eigen::MatrixXd F = A * Mt;
    double sumSq = 0.0;
    for (Eigen::Index i = 0; i < n; ++i) {
        PatchResidual pr;
        const colorimetry::XYZ fitted{F(i, 0), F(i, 1), F(i, 2)};
        const colorimetry::XYZ& meas = xyz[static_cast<std::size_t>(i)];
        pr.delta = {fitted.X - meas.X, fitted.Y - meas.Y, fitted.Z - meas.Z};
        pr.delta_Y_pct = meas.Y != 0.0 ? 100.0 * pr.delta.Y / meas.Y : 0.0;
        const double dxy = colorimetry::deltaXY(colorimetry::toXY(fitted), colorimetry::toXY(meas));
        pr.delta_xy = std::isfinite(dxy) ? dxy : 0.0;
        sumSq += pr.delta_Y_pct * pr.delta_Y_pct;
        fit.max_delta_xy = std::max(fit.max_delta_xy, pr.delta_xy);
        fit.residuals.push_back(pr);
    }
    fit.rms_delta_Y_pct = std::sqrt(sumSq / static_cast<double>(n));
    return fit;
}

double chromaticityUncertaintyXY(const CameraCalibration& c) {
    if (!c.residuals.empty()) {
        double ss = 0.0;
        for (const PatchResidual& r : c.residuals) {
            ss += r.delta_xy * r.delta_xy;
        }
        return std::sqrt(ss / static_cast<double>(c.residuals.size()));
    }
    return c.max_delta_xy > 0.0 ? c.max_delta_xy / std::sqrt(3.0) : 0.0;
}

void applyMatrix(cv::Mat& img, const colorimetry::Matrix3& m) {
    if (img.type() != CV_32FC3) {
        throw std::invalid_argument("applyMatrix: expected float RGB");
    }
    const float a[9] = {float(m[0][0]), float(m[0][1]), float(m[0][2]),
                        float(m[1][0]), float(m[1][1]), float(m[1][2]),
                        float(m[2][0]), float(m[2][1]), float(m[2][2])};
    cv::parallel_for_(cv::Range(0, img.rows), [&](const cv::Range& rows) {
        for (int y = rows.start; y < rows.end; ++y) {
            auto* p = img.ptr<cv::Vec3f>(y);
            for (int x = 0; x < img.cols; ++x) {
                const cv::Vec3f v = p[x];
                p[x] = {a[0] * v[0] + a[1] * v[1] + a[2] * v[2],
                        a[3] * v[0] + a[4] * v[1] + a[5] * v[2],
                        a[6] * v[0] + a[7] * v[1] + a[8] * v[2]};
            }
        }
    });
}

cv::Mat luminanceMap(const cv::Mat& xyz) {
    cv::Mat y;
    luminanceMap(xyz, y);
    return y;
}

void luminanceMap(const cv::Mat& xyz, cv::Mat& y) {
    if (xyz.type() != CV_32FC3) {
        throw std::invalid_argument("luminanceMap: expected float XYZ");
    }
    createLarge(y, xyz.size(), CV_32FC1);
    for (int r = 0; r < xyz.rows; ++r) {
        const auto* p = xyz.ptr<cv::Vec3f>(r);
        float* o = y.ptr<float>(r);
        for (int c = 0; c < xyz.cols; ++c) {
            o[c] = p[c][1];
        }
    }
}

cv::Mat chromaticityMap(const cv::Mat& xyz) {
    if (xyz.type() != CV_32FC3) {
        throw std::invalid_argument("chromaticityMap: expected float XYZ");
    }
    cv::Mat out(xyz.size(), CV_32FC2);
    const float nan = std::numeric_limits<float>::quiet_NaN();
    for (int y = 0; y < xyz.rows; ++y) {
        const auto* p = xyz.ptr<cv::Vec3f>(y);
        auto* o = out.ptr<cv::Vec2f>(y);
        for (int x = 0; x < xyz.cols; ++x) {
            const float s = p[x][0] + p[x][1] + p[x][2];
            o[x] = (s > 0.0f && std::isfinite(s)) ? cv::Vec2f(p[x][0] / s, p[x][1] / s)
                                                  : cv::Vec2f(nan, nan);
        }
    }
    return out;
}

}  // namespace cm::imaging
