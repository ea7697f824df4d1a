// SPDX-License-Identifier: Apache-2.0
// Imaging camera driver over libgphoto2: list, open by model and port, read and set ISO, shutter,
// aperture and image format through a table of widget names, capture, verified download, and
// delete on the camera only after the file on disk has been read back identical.
#pragma once

#include "drivers/camera/camera_error.h"
#include "drivers/camera/camera_types.h"
#include "drivers/transport/gphoto_camera.h"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace cm::drivers::camera {

enum class Setting { Iso, Shutter, Aperture, Format };
const char* toString(Setting s);

/// What the camera reports, typed where the text parses, with the widget's own text beside it.
struct SettingValue {
    Setting setting{};
    std::string widget;  ///< the widget name that carries it on this camera ("iso", "f-number")
    std::string text;    ///< the camera's text, e.g. "0.0166s", "f/2.8", "Unknown value 0001"
    std::optional<double> number;  ///< ISO, seconds, or f-number
    std::optional<ImageFormat> format;
    std::vector<std::string> choices;
};

struct DownloadedFile {
    CameraFilePath on_camera;
    std::filesystem::path on_disk;
    std::uint64_t bytes = 0;
    bool deleted_on_camera = false;
};

/// Widget names per setting, first match wins; covers generic PTP, Canon EOS, Nikon, Sony,
/// Fuji, Olympus and Panasonic naming in libgphoto2 2.5.30 (camlibs/ptp2/config.c).
struct SettingSpec {
    Setting setting;
    std::vector<std::string> widgets;
};
const std::vector<SettingSpec>& settingTable();

/// Parses a camera's choice text: ISO ("400", "ISO 400"), shutter in seconds ("1/60", "0.0166s",
/// "30", "2.5s"), f-number ("f/2.8", "F2.8", "2.8"). nullopt for "Auto", "Bulb" and the like.
std::optional<double> parseSettingText(Setting s, const std::string& text);
/// User input: ISO "400"; shutter "1/60", "0.5", "2s"; aperture "2.8", "f/2.8".
double parseSettingInput(Setting s, const std::string& text);
/// The choice closest to `wanted` within 1/6 stop, or nullopt (the caller reports the choices).
std::optional<std::string> nearestChoice(Setting s, double wanted,
                                         const std::vector<std::string>& choices);
/// Image format of a choice on a camera model (labels of known vendors plus per-model tables
/// for vendor-defined codes); nullopt when unknown.
std::optional<ImageFormat> formatOfChoice(const std::string& model, const std::string& choice);

class CameraDevice {
public:
    static std::vector<DetectedCamera> list() { return GphotoCamera::autodetect(); }

    /// model: libgphoto2 model name ("PTP/IP Camera", "Canon EOS 5D Mark IV"), empty to let the
    /// library pick from the port. Throws CameraError.
    CameraDevice(std::string model, std::string port);

    /// The camera's own model name (PTP DeviceInfo), e.g. "PTPIP Simulator".
    const std::string& deviceModel() const { return device_model_; }
    std::string summary() { return cam().summary(); }
    std::vector<ConfigWidget> allSettings() { return cam().listConfig(); }

    /// nullopt when this camera has none of the setting's widgets.
    std::optional<SettingValue> read(Setting s);
    /// Numbers for ISO / shutter (s) / aperture (f-number); UnsupportedSetting when the camera
    /// has no such setting or no choice within 1/6 stop (the message lists the choices).
    void set(Setting s, double value);
    void setFormat(ImageFormat f);

    /// Captures, downloads every new file into `dir` (created if needed; existing files are never
    /// overwritten), verifies each against the camera's size and by reading it back, then deletes
    /// it on the camera unless `keep_on_camera`. A file that fails stays on the camera and in
    /// pending(); the error is thrown. Throws CardFull before triggering when the card has no room.
    std::vector<DownloadedFile> capture(const std::filesystem::path& dir,
                                        bool keep_on_camera = false);
    /// Captured files not yet downloaded and verified (after an error).
    const std::vector<CameraFilePath>& pending() const { return pending_; }
    /// Downloads (and deletes, unless kept) the pending files.
    std::vector<DownloadedFile> downloadPending(const std::filesystem::path& dir,
                                                bool keep_on_camera = false);
    /// Closes the connection and opens it again (after Disconnected, Timeout or Protocol).
    void reconnect();

private:
    GphotoCamera& cam();
    std::optional<ConfigWidget> findWidget(Setting s);
    DownloadedFile downloadOne(const CameraFilePath& f, const std::filesystem::path& dir,
                               bool keep_on_camera);

    std::string model_, port_, device_model_;
    std::unique_ptr<GphotoCamera> cam_;
    std::vector<CameraFilePath> pending_;
};

}  // namespace cm::drivers::camera
