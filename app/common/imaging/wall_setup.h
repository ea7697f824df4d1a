// SPDX-License-Identifier: Apache-2.0
// The LED wall job's inputs and outputs shared by `cinemeasure wall` and the GUI's LED wall page:
// checking every input before a capture, the in-process camera simulator, third-party images, and
// the files written (analysis.json and friends, report.pdf) with their metadata.
#pragma once

#include "app/common/imaging/image_files.h"
#include "app/common/imaging/wall_job.h"
#include "app/common/report/wall_report_pdf.h"
#include "drivers/camera/ptpip_simulator.h"
#include "drivers/virtual/virtual_theatre.h"

#include <array>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace cm::app {

/// What a capture job is asked to do, in the words of `cinemeasure wall`'s options.
struct WallRunSpec {
    /// A config with screen and led sections; with `simulate` also the virtual theatre the
    /// simulated camera photographs.
    std::string layout_file;
    bool simulate = false;
    /// With `simulate`: the virtual theatre photographed, when not the layout file itself.
    std::string theatre_file;
    std::string port;         ///< libgphoto2 port (real camera)
    std::string model;        ///< libgphoto2 model; empty: from the port
    std::string calibration;  ///< camera calibration JSON; empty: the virtual camera's
    std::string limits = "dyt8-2023-draft";
    std::string provisional = "informative";
    std::string uniformity_pattern = "white@1/8";
    std::string defect_pattern = "grey:0.5@1/2";  ///< "none" to skip
    std::string iso = "100", aperture = "2.8", format = "RAW";
    int width_px = 6144, height_px = 3456;  ///< simulated sensor
    std::string seat;                       ///< simulated camera position (a seat id)
    std::string fault = "none";             ///< simulated camera fault
    int fault_at = 1;
    double time_scale = 0.0;
    std::filesystem::path out;  ///< output folder; captures go to out/captures
};

/// A checked job: the options for runWallJob and what the report says about them.
struct WallSetup {
    WallJobOptions options;  ///< show/progress/captured are the front end's to fill
    drivers::virt::TheatreConfig layout_config;
    std::string layout_file;
    std::filesystem::path calibration_file;
    /// With simulate: the virtual theatre the simulated camera photographs.
    drivers::virt::TheatreConfig theatre_config;
};

/// Reads and checks every input (layout, limits and policy, calibration, camera settings,
/// patterns); nothing is captured unless they are all good. Throws std::exception with a message
/// for the user (std::invalid_argument, util::DataError).
WallSetup prepareWallJob(const WallRunSpec& spec);

/// Starts the PTP/IP camera simulator in this process, photographing the layout config (a
/// virtual theatre), and points the job at it: options.port, and options.show switches the
/// virtual pattern generator. Checks that the theatre knows every pattern. Throws
/// std::invalid_argument on an unknown seat or stimulus.
std::unique_ptr<drivers::camera::PtpIpSimulator> startWallSimulator(WallSetup& setup,
                                                                    const WallRunSpec& spec);

/// The job's metadata (wall, layout, date, camera, calibration, captures) as analysis.json
/// records it, and the PDF's header lines.
struct WallOutputMeta {
    nlohmann::ordered_json json;
    WallReportInfo info;
};
WallOutputMeta wallJobMeta(const WallSetup& setup, const WallJobResult& result,
                           const std::string& date_utc);

/// modules.csv, analysis.json, luminance.tif/png and report.pdf in `out` (atomically).
void writeWallOutputs(const std::filesystem::path& out, const WallAnalysis& analysis,
                      const WallLimits& limits, const WallOutputMeta& meta);

/// Now as ISO 8601 UTC, "2026-12-03T07:10:33Z".
std::string utcNowIso8601();

/// Analysis of existing images (third-party TIFF, DNG, camera raw), like `wall --image`.
struct WallImageSpec {
    std::vector<std::string> images;  ///< the uniformity frame, then optionally a defect frame
    std::string layout_file;
    std::string limits = "dyt8-2023-draft";
    std::string provisional = "informative";
    std::string calibration;  ///< empty: the virtual camera's
    std::string corners;      ///< "x,y ×4" (TL, TR, BR, BL) camera pixels; empty: found
    std::string sidecar;      ///< JSON with exposure_s, black_level_dn, white_level_dn, iso
    imaging_io::ImageMetadata overrides;  ///< exposure etc. given by the user (NaN: not given)
};

/// The images read and every input checked.
struct WallImageInputs {
    std::vector<WallFrame> frames;
    drivers::virt::TheatreConfig layout_config;
    std::string layout_file;
    imaging::LedWallLayout layout;
    WallLimits limits;
    imaging::CameraCalibration calibration;
    std::filesystem::path calibration_file;
    std::optional<imaging::ScreenQuad> corners;
};

/// Throws std::exception with a message for the user (std::invalid_argument, ImageFileError,
/// util::DataError).
WallImageInputs loadWallImages(const WallImageSpec& spec);
/// analyzeWall over the loaded frames.
WallAnalysis analyzeWallImages(const WallImageInputs& inputs);
WallOutputMeta wallImageMeta(const WallImageInputs& inputs, const std::string& date_utc);

/// "x,y,x,y,x,y,x,y" → 8 numbers; std::invalid_argument naming the bad token or the count.
std::array<double, 8> parseCornerList(const std::string& text);

/// The calibration's reference exposure when the file records one ("exposure_reference":
/// {"iso", "f_number"}), else ISO 100 at f/2.8 (the shipped virtual camera's).
std::pair<double, double> calibrationReference(const std::filesystem::path& file);

}  // namespace cm::app
