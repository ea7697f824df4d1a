// SPDX-License-Identifier: Apache-2.0
// Thin RAII wrapper over libgphoto2 (context, abilities, port, camera): every call checked and
// turned into a typed CameraError. Camera logic (settings tables, verified download) lives in
// drivers/camera/.
#pragma once

#include "drivers/camera/camera_error.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

struct _Camera;
struct _GPContext;

namespace cm::drivers {

struct DetectedCamera {
    std::string model;
    std::string port;  ///< libgphoto2 port path, e.g. "usb:001,004" or "ptpip:127.0.0.1:P:P"
};

/// One leaf of the camera's configuration tree.
struct ConfigWidget {
    enum class Type { Text, Range, Toggle, Radio, Menu, Date, Other };
    std::string name;   ///< e.g. "iso", "shutterspeed"
    std::string label;  ///< e.g. "ISO Speed"
    std::string path;   ///< e.g. "/main/imgsettings/iso"
    Type type = Type::Other;
    bool readonly = false;
    std::string value;  ///< current value as text (ranges and toggles formatted)
    std::vector<std::string> choices;
    float range_min = 0, range_max = 0, range_step = 0;
};

struct CameraFilePath {
    std::string folder;  ///< e.g. "/store_00010001/DCIM/100SIMCM"
    std::string name;    ///< e.g. "IMG_0001.TIF"
    std::string full() const { return folder + "/" + name; }
};

struct StorageSpace {
    std::string base;  ///< e.g. "/store_00010001"
    std::optional<std::uint64_t> free_bytes;
    std::optional<std::uint64_t> free_images;
};

class GphotoCamera {
public:
    /// Cameras libgphoto2 finds on USB/serial (PTP/IP cameras are not discoverable: give the port).
    static std::vector<DetectedCamera> autodetect();

    /// Opens `port` with the driver registered for `model` (empty: let libgphoto2 pick from the
    /// port, which maps every "ptpip:" path to "PTP/IP Camera"). Throws CameraError NotFound for
    /// an unknown model or port, or the translated connect error.
    GphotoCamera(const std::string& model, const std::string& port);
    ~GphotoCamera();
    GphotoCamera(const GphotoCamera&) = delete;
    GphotoCamera& operator=(const GphotoCamera&) = delete;

    const std::string& port() const { return port_; }
    const std::string& model() const { return model_; }
    std::string summary();

    std::vector<ConfigWidget> listConfig();
    /// nullopt when the camera has no widget of that name.
    std::optional<ConfigWidget> findConfig(const std::string& name);
    /// Sets a radio/menu/text widget to `value` (ranges: a number; toggles: 0/1).
    void setConfig(const std::string& name, const std::string& value);

    /// Triggers a capture and returns where the camera stored the image.
    CameraFilePath capture();
    /// Files the camera announces within `wait` (further files of a RAW+JPEG capture).
    std::vector<CameraFilePath> waitForAddedFiles(std::chrono::milliseconds wait);
    /// Receives a file piece by piece: libgphoto2 hands each piece it gets from the camera
    /// (GetPartialObject chunks, or PTP data packets) to `sink` through a handler-backed
    /// CameraFile, so the file is never whole in memory (a 102 MP DNG is 612 MB). An exception
    /// thrown by `sink` stops the download and is rethrown here.
    using FileSink = std::function<void(const std::uint8_t* data, std::size_t size)>;
    void fileGet(const CameraFilePath& f, const FileSink& sink);
    /// The whole file in memory (small files; see the streaming overload for images).
    std::vector<std::uint8_t> fileGet(const CameraFilePath& f);
    /// The size the camera states for the file, if it states one.
    std::optional<std::uint64_t> fileSize(const CameraFilePath& f);
    void fileDelete(const CameraFilePath& f);
    std::vector<StorageSpace> storage();

private:
    /// Starts a library call: clears the logged PTP code and notes the time.
    void begin();
    /// Throws CameraError for a negative libgphoto2 result, naming `what`.
    void check(int result, const std::string& what);

    std::string model_, port_;
    _GPContext* context_ = nullptr;
    _Camera* camera_ = nullptr;
    std::string context_error_;  ///< last message the library sent to the context
    std::chrono::steady_clock::time_point call_start_{};
};

/// Generic kind for a libgphoto2 result and the PTP response code it carried (0 if none).
camera::CameraErrorKind classifyGphotoError(int gphoto_code, std::uint16_t ptp_code,
                                            const std::string& message);

}  // namespace cm::drivers
