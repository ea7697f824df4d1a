// Rendered frames for the camera simulator; the noise seed follows the capture sequence so a
// bracket gets independent noise and a re-run gets the same frames.
#include "app/common/imaging/rendered_frame_source.h"

#include "app/common/imaging/image_files.h"

#include <nlohmann/json.hpp>

#include <unistd.h>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace cm::app {

drivers::camera::FrameSource renderedFrameSource(
    std::shared_ptr<const drivers::virt::VirtualTheatre> theatre, drivers::virt::CameraSetup camera,
    std::string stimulus) {
    return [theatre = std::move(theatre), camera,
            stimulus](const drivers::camera::CaptureSettings& s) -> drivers::camera::CapturedFile {
        using drivers::camera::ImageFormat;
        if (s.format == ImageFormat::Jpeg) {
            throw std::invalid_argument(
                "the virtual camera records RAW (DNG) or TIFF, not JPEG: set the image format");
        }
        drivers::virt::CameraSetup cam = camera;
        cam.exposure_s = s.exposure_s;
        cam.iso = s.iso;
        const double stops = (s.iso / double(kReferenceIso)) * (kReferenceFNumber / s.f_number) *
                             (kReferenceFNumber / s.f_number);
        cam.dn_per_cdm2_s = camera.dn_per_cdm2_s * stops;
        cam.seed = camera.seed + static_cast<std::uint64_t>(s.sequence);
        const drivers::virt::RenderedFrame r =
            drivers::virt::renderCameraFrame(*theatre, stimulus, cam);
        drivers::camera::CapturedFile f;
        f.format = s.format;
        f.width = static_cast<std::uint32_t>(r.frame.rgb.cols);
        f.height = static_cast<std::uint32_t>(r.frame.rgb.rows);
        f.bit_depth = 16;
        char name[32];
        if (s.format == ImageFormat::Raw) {
            std::snprintf(name, sizeof name, "CMV_%04d.DNG", s.sequence);
            f.bytes = imaging_io::encodeDng(r.frame, colorimetry::inverse(r.truth.rgb_to_xyz));
        } else {
            std::snprintf(name, sizeof name, "CMV_%04d.TIF", s.sequence);
            // libtiff writes files, not buffers: a private temporary file, read back at once.
            const auto tmp = std::filesystem::temp_directory_path() /
                             ("cinemeasure-frame-" + std::to_string(::getpid()) + "-" +
                              std::to_string(s.sequence) + ".tif");
            const nlohmann::json d = {{"exposure_s", r.frame.exposure_s},
                                      {"black_level_dn", r.frame.black_level_dn},
                                      {"white_level_dn", r.frame.white_level_dn},
                                      {"iso", r.frame.iso}};
            imaging_io::writeTiff16(tmp, r.frame.rgb, d.dump());
            std::ifstream in(tmp, std::ios::binary);
            f.bytes.assign(std::istreambuf_iterator<char>(in), {});
            std::filesystem::remove(tmp);
        }
        f.name = name;
        return f;
    };
}

}  // namespace cm::app
