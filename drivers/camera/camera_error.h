// SPDX-License-Identifier: Apache-2.0
// Typed camera errors: a generic kind the application acts on, with libgphoto2's code and the
// camera's own PTP response code beside it (two levels, as for the spot instruments).
#pragma once
#include "libmeasure/errors.h"

#include <cstdint>
#include <stdexcept>
#include <string>

namespace cm::drivers::camera {

enum class CameraErrorKind {
    Busy,                ///< the camera refused now (DeviceBusy); retry later
    Disconnected,        ///< the link is gone (reset, refused, closed)
    CardFull,            ///< no space for another image
    Timeout,             ///< no (complete) answer in time
    UnsupportedSetting,  ///< the camera has no such setting or value
    NotFound,            ///< no such camera, port, file or model
    Protocol,            ///< an answer that does not parse
    Device,              ///< any other error the camera or library reported
};

const char* toString(CameraErrorKind kind);

class CameraError : public errors::InstrumentError {
public:
    CameraError(CameraErrorKind kind, const std::string& message, int gphoto_code = 0,
                std::uint16_t ptp_code = 0)
        : errors::InstrumentError(message),
          kind_(kind),
          gphoto_code_(gphoto_code),
          ptp_code_(ptp_code) {}
    CameraErrorKind kind() const { return kind_; }
    /// A setting or value the camera does not have is bad input; everything else is the camera.
    errors::Kind errorKind() const noexcept override {
        return kind_ == CameraErrorKind::UnsupportedSetting ? errors::Kind::Input
                                                            : errors::Kind::Instrument;
    }
    /// libgphoto2 result code (GP_ERROR_*), 0 when the error did not come from the library.
    int gphotoCode() const { return gphoto_code_; }
    /// The last PTP response code the library reported failing (e.g. 0x2019 DeviceBusy), or 0.
    std::uint16_t ptpCode() const { return ptp_code_; }

private:
    CameraErrorKind kind_;
    int gphoto_code_;
    std::uint16_t ptp_code_;
};

/// This computer could not store a downloaded file (disk full, read-only, no permission): not a
/// camera fault, so it is not a CameraError and no reconnect is tried. The file stays on the
/// camera and no partial file is left behind.
class DownloadStorageError : public errors::StorageError {
public:
    using errors::StorageError::StorageError;
};

}  // namespace cm::drivers::camera
