// SPDX-License-Identifier: Apache-2.0
// Camera renderer: emitted light per LED pixel (module gains, seams, defects) from the virtual
// theatre, then a pinhole projection, box-integrated camera pixels, lens fall-off and sensor noise.
#include "drivers/virtual/camera_renderer.h"

#include <opencv2/core/utility.hpp>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace cm::drivers::virt {

namespace {

using colorimetry::XYZ;

/// splitmix64: tiny, seedable per row so rows render in parallel with fixed results.
struct RowRng {
    std::uint64_t s;
    std::uint64_t next() {
        std::uint64_t z = (s += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    /// Approximately standard normal: sum of four uniforms (Irwin–Hall), rescaled to unit variance.
    double normal() {
        return (uniform() + uniform() + uniform() + uniform() - 2.0) * std::sqrt(3.0);
    }
};

struct Pose {
    cv::Matx33d screen_to_camera;  ///< screen metres (x right, y up, centre origin) → pixels
    double focal_px = 0.0;
};

/// Pinhole at the seat, looking at the screen centre (plus the aim offset), no roll; focal length
/// so the screen spans `fill` of the limiting image side.
Pose cameraPose(const TheatreConfig& c, const CameraSetup& cam) {
    const geometry::Seat seat = cam.seat.value_or(c.reference_seat);
    const cv::Vec3d P(seat.x_m, seat.eye_height_above_screen_centre_m, seat.distance_m);
    const cv::Vec3d T(cam.aim_offset_m.x, cam.aim_offset_m.y, 0.0);
    const cv::Vec3d f = cv::normalize(T - P);
    const cv::Vec3d up(0, 1, 0);
    const cv::Vec3d r = cv::normalize(f.cross(up));
    const cv::Vec3d down = f.cross(r);
    const double dist = cv::norm(P);
    const double fpx = cam.fill * std::min(cam.width_px * dist / c.screen.width_m,
                                           cam.height_px * dist / c.screen.height_m);
    const double cx = 0.5 * (cam.width_px - 1);
    const double cy = 0.5 * (cam.height_px - 1);
    const cv::Matx33d K(fpx, 0, cx, 0, fpx, cy, 0, 0, 1);
    // World point (x, y, 0) − P in camera axes is linear in (x, y, 1).
    const cv::Matx33d E(r[0], r[1], -r.dot(P), down[0], down[1], -down.dot(P), f[0], f[1],
                        -f.dot(P));
    return {K * E, fpx};
}

XYZ add(XYZ a, XYZ b) {
    return {a.X + b.X, a.Y + b.Y, a.Z + b.Z};
}

}  // namespace

imaging::LedWallLayout ledLayoutOf(const TheatreConfig& c) {
    if (!c.led) {
        throw std::invalid_argument(c.source + ": not an LED wall");
    }
    const LedLayout& l = *c.led;
    imaging::LedWallLayout w;
    w.pixel_pitch_mm = l.pixel_pitch_mm;
    w.module_w_px = l.module_w_px;
    w.module_h_px = l.module_h_px;
    w.modules_across =
        static_cast<int>(std::lround(c.screen.width_m * 1000.0 / l.pixel_pitch_mm)) / l.module_w_px;
    w.modules_down = static_cast<int>(std::lround(c.screen.height_m * 1000.0 / l.pixel_pitch_mm)) /
                     l.module_h_px;
    w.cabinet_w_modules = l.cabinet_w_modules;
    w.cabinet_h_modules = l.cabinet_h_modules;
    w.validate();
    return w;
}

colorimetry::Matrix3 virtualCameraMatrix(const CameraSetup& cam) {
    colorimetry::Matrix3 m = colorimetry::normalisedPrimaryMatrix(colorimetry::rec2020());
    for (auto& row : m) {
        for (double& v : row) {
            v /= cam.dn_per_cdm2_s;
        }
    }
    return m;
}

namespace {

void checkSetup(const CameraSetup& cam) {
    if (cam.width_px < 16 || cam.height_px < 16 || cam.width_px > 20000 || cam.height_px > 20000 ||
        !(cam.exposure_s > 0) || cam.supersample < 1 || cam.supersample > 16 ||
        !(cam.fill > 0.05) || !(cam.emitter_fill >= 0.05) || !(cam.emitter_fill <= 1.0) ||
        !(cam.vignetting_aspect > 0.2) || !(cam.vignetting_aspect < 5.0) || !(cam.fill <= 1.0) ||
        !(cam.dn_per_cdm2_s > 0) || !(cam.white_level_dn > cam.black_level_dn) ||
        cam.white_level_dn > 65535 || !(cam.electrons_per_dn > 0) || !cam.vignetting.valid()) {
        throw std::invalid_argument(
            "camera setup out of range (size 16..20000 px, exposure > 0, "
            "supersample 1..16, fill 0.05..1, emitter fill 0.05..1, vignetting aspect 0.2..5, "
            "black < white ≤ 65535)");
    }
    cam.lens.validate();
}

/// Camera RGB sample in DN from XYZ, relative illumination and noise; clipped and rounded.
cv::Vec3w expose(const XYZ& xyz, const colorimetry::Matrix3& inv, double k, const CameraSetup& cam,
                 RowRng& rng) {
    cv::Vec3w out;
    const double v[3] = {xyz.X, xyz.Y, xyz.Z};
    for (int c = 0; c < 3; ++c) {
        const double signal =
            std::max(0.0, k * (inv[c][0] * v[0] + inv[c][1] * v[1] + inv[c][2] * v[2]));
        double dn = cam.black_level_dn + signal;
        if (cam.noise) {
            dn += rng.normal() *
                  std::sqrt(signal / cam.electrons_per_dn + cam.read_noise_dn * cam.read_noise_dn);
        }
        out[c] = static_cast<std::uint16_t>(std::clamp(std::round(dn), 0.0, cam.white_level_dn));
    }
    return out;
}

}  // namespace

double relativeIllumination(const CameraSetup& cam, double x, double y) {
    const double a = cam.vignetting_aspect;
    const double cx = 0.5 * (cam.width_px - 1);
    const double cy = 0.5 * (cam.height_px - 1);
    const double dx = (x - cx) / a;
    const double dy = (y - cy) * a;
    const double half_diag2 =
        0.25 * (double(cam.width_px) * cam.width_px + double(cam.height_px) * cam.height_px);
    return cam.vignetting.relativeIllumination((dx * dx + dy * dy) / half_diag2);
}

RenderedFrame renderCameraFrame(const VirtualTheatre& theatre, const std::string& stimulus,
                                const CameraSetup& cam) {
    checkSetup(cam);
    const TheatreConfig& c = theatre.config();
    const geometry::Seat seat = cam.seat.value_or(c.reference_seat);
    RenderedFrame out;
    RenderTruth& t = out.truth;
    if (c.led) {
        t.layout = ledLayoutOf(c);
        t.grid = t.layout->gridSize();
    } else {
        t.grid = {kProjectorGridCells,
                  std::max(1, static_cast<int>(std::lround(kProjectorGridCells * c.screen.height_m /
                                                           c.screen.width_m)))};
    }
    const double cellW = c.screen.width_m / t.grid.width;
    const double cellH = c.screen.height_m / t.grid.height;
    auto cellCentre = [&](double gx, double gy) {
        return geometry::ScreenPoint{gx * cellW - c.screen.width_m / 2.0,
                                     c.screen.height_m / 2.0 - gy * cellH};
    };
    theatre.radiance(stimulus, "none", {0, 0}, seat);  // throws now for an unknown stimulus
    const StimulusField& white = c.stimuli.at("white");
    const XYZ ambient = colorimetry::fromxyY(white.centre_xy, c.ambient_cdm2);

    // 1. Emitted light per grid cell. The theatre's field is smooth apart from the module gain, so
    //    (radiance − ambient) / gain is evaluated on a lattice every kStep cells and interpolated,
    //    then multiplied by each module's gain and the ambient added back (exact for the model).
    constexpr int kStep = 8;
    const int lw = (t.grid.width + kStep - 1) / kStep + 1;
    const int lh = (t.grid.height + kStep - 1) / kStep + 1;
    cv::Mat lattice(lh, lw, CV_64FC3);
    cv::parallel_for_(cv::Range(0, lh), [&](const cv::Range& rows) {
        for (int j = rows.start; j < rows.end; ++j) {
            for (int i = 0; i < lw; ++i) {
                const double gx = std::min<double>(i * kStep, t.grid.width - 1) + 0.5;
                const double gy = std::min<double>(j * kStep, t.grid.height - 1) + 0.5;
                const geometry::ScreenPoint p = cellCentre(gx, gy);
                const XYZ v = theatre.radiance(stimulus, "none", p, seat);
                const double g = theatre.moduleGain(p);
                lattice.at<cv::Vec3d>(j, i) = {(v.X - ambient.X) / g, (v.Y - ambient.Y) / g,
                                               (v.Z - ambient.Z) / g};
            }
        }
    });
    std::vector<double> gains;
    if (t.layout) {
        for (int my = 0; my < t.layout->modules_down; ++my) {
            for (int mx = 0; mx < t.layout->modules_across; ++mx) {
                const cv::Rect r = t.layout->moduleRect({mx, my});
                gains.push_back(
                    theatre.moduleGain(cellCentre(r.x + 0.5 * r.width, r.y + 0.5 * r.height)));
            }
        }
    }
    t.emitted_xyz.create(t.grid, CV_32FC3);
    cv::parallel_for_(cv::Range(0, t.grid.height), [&](const cv::Range& rows) {
        for (int y = rows.start; y < rows.end; ++y) {
            const int j0 = std::min(y / kStep, lh - 2);
            const double fy = (y - j0 * kStep) / static_cast<double>(kStep);
            auto* o = t.emitted_xyz.ptr<cv::Vec3f>(y);
            for (int x = 0; x < t.grid.width; ++x) {
                const int i0 = std::min(x / kStep, lw - 2);
                const double fx = (x - i0 * kStep) / static_cast<double>(kStep);
                const cv::Vec3d v = (1 - fy) * ((1 - fx) * lattice.at<cv::Vec3d>(j0, i0) +
                                                fx * lattice.at<cv::Vec3d>(j0, i0 + 1)) +
                                    fy * ((1 - fx) * lattice.at<cv::Vec3d>(j0 + 1, i0) +
                                          fx * lattice.at<cv::Vec3d>(j0 + 1, i0 + 1));
                double g = 1.0;
                if (t.layout) {
                    const imaging::GridIndex m = t.layout->moduleOf(x, y);
                    g = gains[static_cast<std::size_t>(m.row * t.layout->modules_across + m.col)];
                }
                o[x] = cv::Vec3f(static_cast<float>(v[0] * g + ambient.X),
                                 static_cast<float>(v[1] * g + ambient.Y),
                                 static_cast<float>(v[2] * g + ambient.Z));
            }
        }
    });
    // 2. Seams and defects on the wall.
    cv::Mat defectMask;
    if (t.layout) {
        const imaging::LedWallLayout& L = *t.layout;
        for (const SeamSpec& s : c.led->seams) {
            const int along = s.vertical ? L.modules_down : L.modules_across;
            const int last = s.last_segment < 0 ? along - 1 : s.last_segment;
            const float k = static_cast<float>(1.0 + s.gain_pct / 100.0);
            for (int seg = s.first_segment; seg <= last; ++seg) {
                t.seams.push_back({s.vertical, s.border, seg, s.gain_pct});
                if (s.vertical) {
                    const int x = s.border * L.module_w_px;
                    for (int y = seg * L.module_h_px; y < (seg + 1) * L.module_h_px; ++y) {
                        t.emitted_xyz.at<cv::Vec3f>(y, x - 1) *= k;
                        t.emitted_xyz.at<cv::Vec3f>(y, x) *= k;
                    }
                } else {
                    const int y = s.border * L.module_h_px;
                    for (int x = seg * L.module_w_px; x < (seg + 1) * L.module_w_px; ++x) {
                        t.emitted_xyz.at<cv::Vec3f>(y - 1, x) *= k;
                        t.emitted_xyz.at<cv::Vec3f>(y, x) *= k;
                    }
                }
            }
        }
        defectMask = cv::Mat::zeros(t.grid, CV_8UC1);
        for (const DeadPixel& d : c.led->dead_pixels) {
            if (d.x_px >= t.grid.width || d.y_px >= t.grid.height) {
                throw std::invalid_argument(c.source + ": dead pixel outside the wall");
            }
            const XYZ w =
                theatre.radiance("white", "none", cellCentre(d.x_px + 0.5, d.y_px + 0.5), seat);
            const XYZ v = add({(w.X - ambient.X) * d.level, (w.Y - ambient.Y) * d.level,
                               (w.Z - ambient.Z) * d.level},
                              ambient);
            t.emitted_xyz.at<cv::Vec3f>(d.y_px, d.x_px) = cv::Vec3f(
                static_cast<float>(v.X), static_cast<float>(v.Y), static_cast<float>(v.Z));
            defectMask.at<std::uint8_t>(d.y_px, d.x_px) = 255;
            t.defects.push_back(d);
        }
        t.modules = imaging::moduleUniformity(t.emitted_xyz, L, {0.0, 1e9, 1.0, 1.0}, defectMask);
        t.area_modules = imaging::moduleUniformity(t.emitted_xyz, L, {0.0, 1e9, 1.0, 1.0});
    }

    // 3. Projection: grid edges → camera pixels.
    const Pose pose = cameraPose(c, cam);
    const cv::Matx33d gridToScreen(cellW, 0, -c.screen.width_m / 2.0, 0, -cellH,
                                   c.screen.height_m / 2.0, 0, 0, 1);
    t.grid_to_camera = pose.screen_to_camera * gridToScreen;
    t.lens = cam.lens;
    t.lens.fx = t.lens.fy = pose.focal_px;
    t.lens.cx = 0.5 * (cam.width_px - 1);
    t.lens.cy = 0.5 * (cam.height_px - 1);
    const bool distorted = t.lens.hasDistortion();
    const std::array<cv::Point2d, 4> gc = {cv::Point2d(0, 0), cv::Point2d(t.grid.width, 0),
                                           cv::Point2d(t.grid.width, t.grid.height),
                                           cv::Point2d(0, t.grid.height)};
    for (int k = 0; k < 4; ++k) {
        t.corners[static_cast<std::size_t>(k)] = t.lens.distort(
            imaging::applyHomography(t.grid_to_camera, gc[static_cast<std::size_t>(k)]));
    }
    const cv::Matx33d camToGrid = t.grid_to_camera.inv();
    t.rgb_to_xyz = virtualCameraMatrix(cam);
    t.vignetting = cam.vignetting;
    t.vignetting_aspect = cam.vignetting_aspect;
    const colorimetry::Matrix3 inv = colorimetry::inverse(t.rgb_to_xyz);  // XYZ → DN/s

    // 4. Camera pixels: s×s samples of the emitted grid, each undistorted through the lens
    //    first; an LED pixel is a lit square of side emitter_fill in a dark cell (or the whole
    //    cell). Then exposure, vignetting, noise, clipping.
    imaging::RawFrame& f = out.frame;
    f.rgb.create(cam.height_px, cam.width_px, CV_16UC3);
    f.exposure_s = cam.exposure_s;
    f.iso = cam.iso;
    f.black_level_dn = cam.black_level_dn;
    f.white_level_dn = cam.white_level_dn;
    const int s = cam.supersample;
    const bool structured = t.layout && cam.emitter_fill < 1.0;
    const double lo = 0.5 - 0.5 * cam.emitter_fill, hi = 0.5 + 0.5 * cam.emitter_fill;
    const double emitterGain = structured ? 1.0 / (cam.emitter_fill * cam.emitter_fill) : 1.0;
    auto toGrid = [&](cv::Point2d q) {
        if (distorted) {
            q = t.lens.undistort(q);
        }
        const double w = camToGrid(2, 0) * q.x + camToGrid(2, 1) * q.y + camToGrid(2, 2);
        return cv::Point2d((camToGrid(0, 0) * q.x + camToGrid(0, 1) * q.y + camToGrid(0, 2)) / w,
                           (camToGrid(1, 0) * q.x + camToGrid(1, 1) * q.y + camToGrid(1, 2)) / w);
    };
    // Emitters: each sub-pixel's footprint on the wall is taken as the axis-aligned box of its
    // local Jacobian and its overlap with the emitter squares integrated exactly (separable), so
    // every LED's light in the frame is exact to well below 0.1 %; point samples would add a
    // per-LED sampling noise of several % at 3–4 camera px per LED.
    auto emitterLight = [&](cv::Point2d g, double hx, double hy) {
        XYZ sum;
        const int x0 = std::max(0, static_cast<int>(std::floor(g.x - hx)));
        const int x1 = std::min(t.grid.width - 1, static_cast<int>(std::floor(g.x + hx)));
        const int y0 = std::max(0, static_cast<int>(std::floor(g.y - hy)));
        const int y1 = std::min(t.grid.height - 1, static_cast<int>(std::floor(g.y + hy)));
        for (int iy = y0; iy <= y1; ++iy) {
            const double oy =
                std::max(0.0, std::min(g.y + hy, iy + hi) - std::max(g.y - hy, iy + lo));
            if (oy <= 0) {
                continue;
            }
            for (int ix = x0; ix <= x1; ++ix) {
                const double ox =
                    std::max(0.0, std::min(g.x + hx, ix + hi) - std::max(g.x - hx, ix + lo));
                if (ox <= 0) {
                    continue;
                }
                const cv::Vec3f e = t.emitted_xyz.at<cv::Vec3f>(iy, ix);
                const double a = ox * oy / (4.0 * hx * hy);
                sum = add(sum, {a * e[0], a * e[1], a * e[2]});
            }
        }
        return sum;
    };
    cv::parallel_for_(cv::Range(0, cam.height_px), [&](const cv::Range& rows) {
        for (int y = rows.start; y < rows.end; ++y) {
            RowRng rng{cam.seed * 0x2545F4914F6CDD1Dull + static_cast<std::uint64_t>(y)};
            auto* o = f.rgb.ptr<cv::Vec3w>(y);
            for (int x = 0; x < cam.width_px; ++x) {
                XYZ sum;
                double hx = 0, hy = 0;
                if (structured) {
                    const cv::Point2d g0 = toGrid({double(x), double(y)});
                    const cv::Point2d ex = toGrid({x + 1.0, double(y)}) - g0;
                    const cv::Point2d ey = toGrid({double(x), y + 1.0}) - g0;
                    hx = 0.5 * (std::abs(ex.x) + std::abs(ey.x)) / s;
                    hy = 0.5 * (std::abs(ex.y) + std::abs(ey.y)) / s;
                }
                for (int sy = 0; sy < s; ++sy) {
                    for (int sx = 0; sx < s; ++sx) {
                        const cv::Point2d g =
                            toGrid({x - 0.5 + (sx + 0.5) / s, y - 0.5 + (sy + 0.5) / s});
                        if (structured) {
                            sum = add(sum, emitterLight(g, hx, hy));
                            continue;
                        }
                        if (g.x < 0 || g.y < 0 || g.x >= t.grid.width || g.y >= t.grid.height) {
                            continue;  // the room around the screen is dark
                        }
                        const cv::Vec3f e = t.emitted_xyz.at<cv::Vec3f>(static_cast<int>(g.y),
                                                                        static_cast<int>(g.x));
                        sum = add(sum, {e[0], e[1], e[2]});
                    }
                }
                const double k =
                    cam.exposure_s * emitterGain / (s * s) * relativeIllumination(cam, x, y);
                o[x] = expose(sum, inv, k, cam, rng);
            }
        }
    });
    return out;
}

imaging::RawFrame renderFlatField(const CameraSetup& cam, double luminance_cdm2,
                                  colorimetry::ChromaticityXY xy) {
    checkSetup(cam);
    const XYZ v = colorimetry::fromxyY(xy, luminance_cdm2);
    const colorimetry::Matrix3 inv = colorimetry::inverse(virtualCameraMatrix(cam));
    imaging::RawFrame f;
    f.rgb.create(cam.height_px, cam.width_px, CV_16UC3);
    f.exposure_s = cam.exposure_s;
    f.iso = cam.iso;
    f.black_level_dn = cam.black_level_dn;
    f.white_level_dn = cam.white_level_dn;
    cv::parallel_for_(cv::Range(0, cam.height_px), [&](const cv::Range& rows) {
        for (int y = rows.start; y < rows.end; ++y) {
            RowRng rng{(cam.seed + 7777) * 0x2545F4914F6CDD1Dull + static_cast<std::uint64_t>(y)};
            auto* o = f.rgb.ptr<cv::Vec3w>(y);
            for (int x = 0; x < cam.width_px; ++x) {
                const double k = cam.exposure_s * relativeIllumination(cam, x, y);
                o[x] = expose(v, inv, k, cam, rng);
            }
        }
    });
    return f;
}

imaging::RawFrame renderCheckerboard(const CameraSetup& cam, cv::Size squares, double tx_deg,
                                     double ty_deg, double focal_px, imaging::LensModel* lens_out) {
    checkSetup(cam);
    if (squares.width < 4 || squares.height < 4 || !(focal_px > 0)) {
        throw std::invalid_argument("checkerboard: at least 4 × 4 squares and a positive focal");
    }
    imaging::LensModel lens = cam.lens;
    lens.fx = lens.fy = focal_px;
    lens.cx = 0.5 * (cam.width_px - 1);
    lens.cy = 0.5 * (cam.height_px - 1);
    if (lens_out) {
        *lens_out = lens;
    }
    // Board of unit squares at distance D on the optical axis, rotated about x then y; the
    // square size makes the board span ~90 % of the frame at zero tilt (the lens model is only
    // known where the board reached).
    const double D = 10.0;
    const double side =
        0.9 *
        std::min(cam.width_px / double(squares.width), cam.height_px / double(squares.height)) * D /
        focal_px;
    const double ax = tx_deg * CV_PI / 180.0, ay = ty_deg * CV_PI / 180.0;
    const cv::Matx33d Rx(1, 0, 0, 0, std::cos(ax), -std::sin(ax), 0, std::sin(ax), std::cos(ax));
    const cv::Matx33d Ry(std::cos(ay), 0, std::sin(ay), 0, 1, 0, -std::sin(ay), 0, std::cos(ay));
    const cv::Matx33d R = Ry * Rx;
    const cv::Vec3d c0 = cv::Vec3d(0, 0, D) -
                         R * cv::Vec3d(0.5 * squares.width * side, 0.5 * squares.height * side, 0);
    const cv::Matx33d K(focal_px, 0, lens.cx, 0, focal_px, lens.cy, 0, 0, 1);
    const cv::Matx33d M(R(0, 0) * side, R(0, 1) * side, c0[0], R(1, 0) * side, R(1, 1) * side,
                        c0[1], R(2, 0) * side, R(2, 1) * side, c0[2]);
    const cv::Matx33d toBoard = (K * M).inv();
    imaging::RawFrame f;
    f.rgb.create(cam.height_px, cam.width_px, CV_16UC3);
    f.exposure_s = cam.exposure_s;
    f.iso = cam.iso;
    f.black_level_dn = cam.black_level_dn;
    f.white_level_dn = cam.white_level_dn;
    const int s = cam.supersample;
    const double white = 0.6 * (cam.white_level_dn - cam.black_level_dn);
    cv::parallel_for_(cv::Range(0, cam.height_px), [&](const cv::Range& rows) {
        for (int y = rows.start; y < rows.end; ++y) {
            RowRng rng{(cam.seed + 4242) * 0x2545F4914F6CDD1Dull + static_cast<std::uint64_t>(y)};
            auto* o = f.rgb.ptr<cv::Vec3w>(y);
            for (int x = 0; x < cam.width_px; ++x) {
                double sum = 0;
                for (int sy = 0; sy < s; ++sy) {
                    for (int sx = 0; sx < s; ++sx) {
                        const cv::Point2d q =
                            lens.undistort({x - 0.5 + (sx + 0.5) / s, y - 0.5 + (sy + 0.5) / s});
                        const cv::Point2d b = imaging::applyHomography(toBoard, q);
                        const bool on =
                            b.x >= 0 && b.y >= 0 && b.x < squares.width && b.y < squares.height;
                        const int parity =
                            on ? (static_cast<int>(b.x) + static_cast<int>(b.y)) % 2 : 0;
                        sum += on ? (parity == 0 ? 1.0 : 0.08) : 0.5;  // grey surround
                    }
                }
                const double signal = white * sum / (s * s) * relativeIllumination(cam, x, y);
                for (int c = 0; c < 3; ++c) {
                    double dn = cam.black_level_dn + signal;
                    if (cam.noise) {
                        dn += rng.normal() * std::sqrt(signal / cam.electrons_per_dn +
                                                       cam.read_noise_dn * cam.read_noise_dn);
                    }
                    o[x][c] = static_cast<std::uint16_t>(
                        std::clamp(std::round(dn), 0.0, cam.white_level_dn));
                }
            }
        }
    });
    return f;
}

}  // namespace cm::drivers::virt
