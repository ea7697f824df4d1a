// SPDX-License-Identifier: Apache-2.0
// Area integration over mapped cells and the grid → camera mapping, against hand-worked values.
#include "libmeasure/imaging/area_integration.h"
#include "libmeasure/imaging/wall_mapping.h"

#include <catch2/catch.hpp>
#include <opencv2/core/utility.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

using namespace cm::imaging;

namespace {

/// Monochrome frame whose pixel (x, y) reads black + 100·(x + 1) DN, exposure 1 s, no fall-off.
RawFrame columnRamp() {
    RawFrame f;
    f.rgb.create(6, 8, CV_16UC1);
    for (int y = 0; y < 6; ++y) {
        for (int x = 0; x < 8; ++x) {
            f.rgb.at<std::uint16_t>(y, x) = static_cast<std::uint16_t>(64 + 100 * (x + 1));
        }
    }
    f.black_level_dn = 64;
    f.exposure_s = 1.0;
    return f;
}

Linearisation linOf(const RawFrame& f) {
    Linearisation l = Linearisation::forFrame(f);
    l.vignetting = {};
    return l;
}

}  // namespace

TEST_CASE("integrateCells: sub-pixel borders weigh each pixel by its covered area") {
    const RawFrame f = columnRamp();
    // One cell over x ∈ [0, 2], y ∈ [1, 3]: half of pixel 0 (100), all of pixel 1 (200), half of
    // pixel 2 (300) → (0.5·100 + 200 + 0.5·300) / 2 = 200; area 2 × 2 = 4 px.
    const ScreenQuad rect = {cv::Point2d(0, 1), cv::Point2d(2, 1), cv::Point2d(2, 3),
                             cv::Point2d(0, 3)};
    const CellSignals c = integrateCells(f, linOf(f), mappingFromQuad(rect, {1, 1}), 0.5);
    CHECK(c.mean.at<float>(0, 0) == Approx(200.0).epsilon(1e-6));
    CHECK(c.area_px.at<float>(0, 0) == Approx(4.0).epsilon(1e-6));
    // Emitter window, side 0.5: x ∈ [0.5, 1.5] is exactly pixel 1.
    CHECK(c.emitter.at<float>(0, 0) == Approx(200.0).epsilon(1e-6));
    // A diamond centred on the border of pixels 1 and 2 (x = 1.5): half in each → 250, area 0.5.
    const ScreenQuad diamond = {cv::Point2d(1.5, 1.5), cv::Point2d(2, 2), cv::Point2d(1.5, 2.5),
                                cv::Point2d(1, 2)};
    const CellSignals d = integrateCells(f, linOf(f), mappingFromQuad(diamond, {1, 1}), 0.5);
    CHECK(d.mean.at<float>(0, 0) == Approx(250.0).epsilon(1e-6));
    CHECK(d.area_px.at<float>(0, 0) == Approx(0.5).epsilon(1e-6));
}

TEST_CASE("integrateCells: a 2 × 2 grid tiles its quad, saturation and the frame edge flagged") {
    RawFrame f = columnRamp();
    const ScreenQuad rect = {cv::Point2d(0, 1), cv::Point2d(4, 1), cv::Point2d(4, 3),
                             cv::Point2d(0, 3)};
    CellSignals c = integrateCells(f, linOf(f), mappingFromQuad(rect, {2, 2}));
    // Left cells x ∈ [0, 2] → 200 (as above); right cells x ∈ [2, 4]: ½·300 + 400 + ½·500 → 400.
    CHECK(c.mean.at<float>(0, 0) == Approx(200.0).epsilon(1e-6));
    CHECK(c.mean.at<float>(1, 1) == Approx(400.0).epsilon(1e-6));
    f.rgb.at<std::uint16_t>(2, 3) = 65535;  // inside the right-hand cells' rows
    c = integrateCells(f, linOf(f), mappingFromQuad(rect, {2, 2}));
    CHECK(std::isinf(c.mean.at<float>(1, 1)));
    CHECK(c.saturated_cells >= 1);
    // Off the frame: NaN, not a number made up.
    const ScreenQuad off = {cv::Point2d(5, 1), cv::Point2d(9.5, 1), cv::Point2d(9.5, 3),
                            cv::Point2d(5, 3)};
    c = integrateCells(f, linOf(f), mappingFromQuad(off, {2, 1}));
    CHECK(std::isfinite(c.mean.at<float>(0, 0)));
    CHECK(std::isnan(c.mean.at<float>(0, 1)));
    CHECK_THROWS_AS(integrateCells(f, linOf(f), mappingFromQuad(rect, {2, 2}), 0.0),
                    std::invalid_argument);
}

TEST_CASE("lens model: distort and undistort are inverse, mapping corners land on the quad") {
    LensModel lens;
    lens.fx = lens.fy = 500;
    lens.cx = 320;
    lens.cy = 240;
    lens.k1 = -0.08;
    lens.k2 = 0.01;
    lens.p1 = 0.001;
    lens.p2 = -0.0005;
    for (const cv::Point2d p :
         {cv::Point2d(10, 12), cv::Point2d(600, 400), cv::Point2d(320, 240)}) {
        CHECK(cv::norm(lens.undistort(lens.distort(p)) - p) < 1e-6);
    }
    // Barrel distortion (k1 < 0) pulls a corner point towards the centre.
    CHECK(lens.distort({10, 12}).x > 10);
    const ScreenQuad q = {cv::Point2d(50, 40), cv::Point2d(590, 60), cv::Point2d(580, 420),
                          cv::Point2d(60, 430)};
    const WallMapping m = mappingFromQuad(q, {64, 36}, lens);
    for (std::size_t k = 0; k < 4; ++k) {
        CHECK(cv::norm(m.corners()[k] - q[k]) <
              1e-4);  // the homography is solved from float points
    }
}

namespace {

/// Brute-force reference: the polygon clipped to each pixel square (Sutherland–Hodgman against
/// the four sides; exact for a convex clip region) and its shoelace area times the pixel's value.
double shoelace(const std::vector<cv::Point2d>& p) {
    double a = 0;
    for (std::size_t i = 0; i < p.size(); ++i) {
        const cv::Point2d& u = p[i];
        const cv::Point2d& v = p[(i + 1) % p.size()];
        a += u.x * v.y - v.x * u.y;
    }
    return 0.5 * a;
}

std::vector<cv::Point2d> clipHalfPlane(const std::vector<cv::Point2d>& in, int axis, double bound,
                                       bool keepBelow) {
    std::vector<cv::Point2d> out;
    const auto coord = [axis](const cv::Point2d& p) { return axis == 0 ? p.x : p.y; };
    const auto inside = [&](const cv::Point2d& p) {
        return keepBelow ? coord(p) <= bound : coord(p) >= bound;
    };
    for (std::size_t i = 0; i < in.size(); ++i) {
        const cv::Point2d& a = in[i];
        const cv::Point2d& b = in[(i + 1) % in.size()];
        if (inside(a)) {
            out.push_back(a);
        }
        if (inside(a) != inside(b)) {
            const double t = (bound - coord(a)) / (coord(b) - coord(a));
            out.push_back(a + t * (b - a));
        }
    }
    return out;
}

std::vector<double> bruteForce(const cv::Mat& raw, const std::vector<cv::Point2d>& poly) {
    const int ch = raw.channels();
    std::vector<double> acc(static_cast<std::size_t>(ch) + 1, 0.0);
    for (int y = 0; y < raw.rows; ++y) {
        for (int x = 0; x < raw.cols; ++x) {
            std::vector<cv::Point2d> p = clipHalfPlane(poly, 0, x - 0.5, false);
            p = clipHalfPlane(p, 0, x + 0.5, true);
            p = clipHalfPlane(p, 1, y - 0.5, false);
            p = clipHalfPlane(p, 1, y + 0.5, true);
            if (p.size() < 3) {
                continue;
            }
            const double a = std::abs(shoelace(p));
            const std::uint16_t* v = raw.ptr<std::uint16_t>(y) + x * ch;
            for (int k = 0; k < ch; ++k) {
                acc[static_cast<std::size_t>(k)] += a * v[k];
            }
            acc.back() += a;
        }
    }
    return acc;
}

}  // namespace

TEST_CASE("integratePolygonRaw equals a brute-force pixel clipping on random quads to 1e-9") {
    // Relative agreement of two exact double-precision computations (rounding only).
    constexpr double kRelative = 1e-9;
    cv::RNG rng(20261203);
    for (const int type : {CV_16UC1, CV_16UC3}) {
        cv::Mat raw(11, 13, type);
        rng.fill(raw, cv::RNG::UNIFORM, 0, 65536);
        for (int trial = 0; trial < 300; ++trial) {
            // A perturbed square (simple, either orientation) of side 0.3 … 6 px, inside the frame.
            const double side = rng.uniform(0.3, 6.0);
            const double cx = rng.uniform(4.8, 7.7), cy = rng.uniform(4.8, 5.7);
            const double rot = rng.uniform(0.0, 2 * CV_PI);
            std::vector<cv::Point2d> q;
            for (int k = 0; k < 4; ++k) {
                const double ang = rot + k * CV_PI / 2;
                const double r = side * 0.5 * std::sqrt(2.0) * rng.uniform(0.75, 1.0);
                q.emplace_back(cx + r * std::cos(ang), cy + r * std::sin(ang));
            }
            if (trial % 2 == 1) {
                std::reverse(q.begin(), q.end());
            }
            if (trial % 10 == 0) {  // corners exactly on pixel borders and centres
                for (auto& p : q) {
                    p.x = std::round(p.x * 2) / 2;
                    p.y = std::round(p.y * 2) / 2;
                }
            }
            const std::vector<double> fast = integratePolygonRaw(raw, q);
            const std::vector<double> ref = bruteForce(raw, q);
            REQUIRE(fast.size() == ref.size());
            for (std::size_t k = 0; k < ref.size(); ++k) {
                INFO("type " << type << " trial " << trial << " value " << k);
                CHECK(std::abs(fast[k] - ref[k]) <= kRelative * std::max(1.0, std::abs(ref[k])));
            }
        }
    }
    const cv::Mat raw(4, 4, CV_16UC1, cv::Scalar(7));
    CHECK_THROWS_AS(integratePolygonRaw(raw, {{-1, 0}, {2, 0}, {2, 2}}), std::invalid_argument);
    CHECK_THROWS_AS(integratePolygonRaw(cv::Mat(4, 4, CV_32F), {{0, 0}, {2, 0}, {2, 2}}),
                    std::invalid_argument);
}

namespace {

/// Restores OpenCV's thread count when a test that changes it ends.
struct ThreadCount {
    int saved = cv::getNumThreads();
    ~ThreadCount() { cv::setNumThreads(saved); }
};

bool sameBits(const cv::Mat& a, const cv::Mat& b) {
    return a.size() == b.size() && a.type() == b.type() && a.isContinuous() && b.isContinuous() &&
           std::memcmp(a.data, b.data, a.total() * a.elemSize()) == 0;
}

}  // namespace

TEST_CASE("integrateCells: the same bits with 1 and 2 threads or a reused result, exact cells") {
    // A tilted, perspective wall on a random RGB frame with some saturated pixels and a lens
    // fall-off: every code path (shared edges, band splits, saturation, emitter windows) runs.
    cv::RNG rng(20261203);
    RawFrame f;
    f.rgb.create(157, 233, CV_16UC3);
    rng.fill(f.rgb, cv::RNG::UNIFORM, 0, 60000);
    for (int k = 0; k < 20; ++k) {
        f.rgb.at<cv::Vec3w>(rng.uniform(0, 157), rng.uniform(0, 233))[k % 3] = 65535;
    }
    f.black_level_dn = 64;
    f.exposure_s = 0.5;
    Linearisation lin = Linearisation::forFrame(f);
    const ScreenQuad quad = {cv::Point2d(7.3, 9.1), cv::Point2d(221.6, 4.2),
                             cv::Point2d(226.2, 149.7), cv::Point2d(3.9, 141.4)};
    const WallMapping map = mappingFromQuad(quad, {91, 61});
    ThreadCount restore;
    cv::setNumThreads(1);
    const CellSignals one = integrateCells(f, lin, map);
    cv::setNumThreads(2);
    const CellSignals two = integrateCells(f, lin, map);
    CHECK(sameBits(one.mean, two.mean));
    CHECK(sameBits(one.emitter, two.emitter));
    CHECK(sameBits(one.area_px, two.area_px));
    CHECK(one.saturated_cells == two.saturated_cells);
    CHECK(one.saturated_cells > 0);
    // Each unsaturated cell's mean is (its polygon's raw integral / area − black) / exposure,
    // the polygon integral being checked against brute-force clipping above; no fall-off here.
    lin.vignetting = {};
    const CellSignals flat = integrateCells(f, lin, map);
    int checked = 0;
    for (int j = 0; j < 61; j += 7) {
        for (int i = 0; i < 91; i += 5) {
            const cv::Vec3f m = flat.mean.at<cv::Vec3f>(j, i);
            if (!std::isfinite(m[0])) {
                continue;
            }
            const std::vector<double> ref =
                integratePolygonRaw(f.rgb, {map.toCamera(i, j), map.toCamera(i + 1, j),
                                            map.toCamera(i + 1, j + 1), map.toCamera(i, j + 1)});
            for (int k = 0; k < 3; ++k) {
                const double want = (ref[static_cast<std::size_t>(k)] / ref[3] - 64.0) / 0.5;
                CHECK(m[k] == Approx(want).epsilon(1e-5));
            }
            CHECK(flat.area_px.at<float>(j, i) == Approx(ref[3]).epsilon(1e-5));
            ++checked;
        }
    }
    CHECK(checked > 100);
    // Integrating into a used result overwrites every value and releases what is not asked for.
    CellSignals reused = two;
    integrateCells(f, lin, map, reused);
    CHECK(sameBits(reused.mean, flat.mean));
    CHECK(sameBits(reused.emitter, flat.emitter));
    CHECK(sameBits(reused.area_px, flat.area_px));
    CHECK(reused.saturated_cells == flat.saturated_cells);
    integrateCells(f, lin, map, reused, 0.6, CellParts::EmitterOnly);
    CHECK(reused.mean.empty());
    CHECK(reused.area_px.empty());
    CHECK(sameBits(reused.emitter, flat.emitter));
    // Mixed emitters: one channel, Σ weight · channel of the unmixed ones (the same window, each
    // channel linearised first), +∞ where they are saturated, NaN where they are NaN.
    const cv::Vec3d mix(0.2126, 0.7152, 0.0722);
    integrateCells(f, lin, map, reused, 0.6, CellParts::Both, &mix);
    REQUIRE(reused.emitter.type() == CV_32FC1);
    CHECK(sameBits(reused.mean, flat.mean));
    int mixedChecked = 0, mixedInf = 0;
    for (int j = 0; j < 61; ++j) {
        for (int i = 0; i < 91; ++i) {
            const cv::Vec3f e = flat.emitter.at<cv::Vec3f>(j, i);
            const float got = reused.emitter.at<float>(j, i);
            if (std::isnan(e[0])) {
                CHECK(std::isnan(got));
            } else if (std::isinf(e[0])) {
                CHECK(std::isinf(got));
                ++mixedInf;
            } else {
                CHECK(got == Approx(mix[0] * e[0] + mix[1] * e[1] + mix[2] * e[2]).epsilon(1e-6));
                ++mixedChecked;
            }
        }
    }
    CHECK(mixedChecked > 4000);
    CHECK(mixedInf > 0);
}
