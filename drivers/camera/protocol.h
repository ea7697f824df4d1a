// SPDX-License-Identifier: Apache-2.0
// PTP/IP (CIPA DC-005) framing and the PTP (ISO 15740) datasets a camera serves, as pure
// functions over byte spans. Facts read from libgphoto2 2.5.30 (camlibs/ptp2) and CIPA DC-005.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace cm::drivers::camera::ptpip {

using Bytes = std::vector<std::uint8_t>;

/// PTP/IP packet types (CIPA DC-005 §2.3; ptpip.md §4). Every packet is u32 length (including
/// the 8-byte header), u32 type, payload; all little-endian.
enum class PacketType : std::uint32_t {
    InitCommandRequest = 1,
    InitCommandAck = 2,
    InitEventRequest = 3,
    InitEventAck = 4,
    InitFail = 5,
    OperationRequest = 6,
    OperationResponse = 7,
    Event = 8,
    StartData = 9,
    Data = 10,
    Cancel = 11,
    EndData = 12,
    Ping = 13,
    Pong = 14,
};

inline constexpr std::size_t kHeaderSize = 8;
/// The largest packet we accept from a peer; libgphoto2 sends at most 64 KiB of data per packet.
inline constexpr std::uint32_t kMaxPacketSize = 16u * 1024u * 1024u;
/// libgphoto2 sends host→camera data in Data packets of 64 KiB (ptpip.c WRITE_BLOCKSIZE); the
/// simulator uses the same block for camera→host data.
inline constexpr std::size_t kDataBlock = 65536;

/// PTP operation codes (ISO 15740 Table 22).
namespace op {
inline constexpr std::uint16_t GetDeviceInfo = 0x1001;
inline constexpr std::uint16_t OpenSession = 0x1002;
inline constexpr std::uint16_t CloseSession = 0x1003;
inline constexpr std::uint16_t GetStorageIDs = 0x1004;
inline constexpr std::uint16_t GetStorageInfo = 0x1005;
inline constexpr std::uint16_t GetNumObjects = 0x1006;
inline constexpr std::uint16_t GetObjectHandles = 0x1007;
inline constexpr std::uint16_t GetObjectInfo = 0x1008;
inline constexpr std::uint16_t GetObject = 0x1009;
inline constexpr std::uint16_t DeleteObject = 0x100B;
inline constexpr std::uint16_t InitiateCapture = 0x100E;
inline constexpr std::uint16_t GetDevicePropDesc = 0x1014;
inline constexpr std::uint16_t GetDevicePropValue = 0x1015;
inline constexpr std::uint16_t SetDevicePropValue = 0x1016;
inline constexpr std::uint16_t GetPartialObject = 0x101B;
}  // namespace op

/// PTP response codes (ISO 15740 Table 27).
namespace rc {
inline constexpr std::uint16_t OK = 0x2001;
inline constexpr std::uint16_t GeneralError = 0x2002;
inline constexpr std::uint16_t SessionNotOpen = 0x2003;
inline constexpr std::uint16_t OperationNotSupported = 0x2005;
inline constexpr std::uint16_t InvalidStorageID = 0x2008;
inline constexpr std::uint16_t InvalidObjectHandle = 0x2009;
inline constexpr std::uint16_t DevicePropNotSupported = 0x200A;
inline constexpr std::uint16_t StoreFull = 0x200C;
inline constexpr std::uint16_t AccessDenied = 0x200F;
inline constexpr std::uint16_t DeviceBusy = 0x2019;
inline constexpr std::uint16_t InvalidParameter = 0x201D;
inline constexpr std::uint16_t SessionAlreadyOpen = 0x201E;
inline constexpr std::uint16_t InvalidDevicePropValue = 0x201C;
}  // namespace rc

/// PTP event codes (ISO 15740 Table 29).
namespace ev {
inline constexpr std::uint16_t ObjectAdded = 0x4002;
inline constexpr std::uint16_t ObjectRemoved = 0x4003;
inline constexpr std::uint16_t StoreAdded = 0x4004;
inline constexpr std::uint16_t StoreRemoved = 0x4005;
inline constexpr std::uint16_t DevicePropChanged = 0x4006;
inline constexpr std::uint16_t StoreFull = 0x400A;
inline constexpr std::uint16_t CaptureComplete = 0x400D;
}  // namespace ev

/// Device property codes (ISO 15740 Table 31) and data types (Table 3).
namespace prop {
inline constexpr std::uint16_t BatteryLevel = 0x5001;
inline constexpr std::uint16_t CompressionSetting = 0x5004;  ///< vendor-defined values
inline constexpr std::uint16_t FNumber = 0x5007;             ///< f-number × 100
inline constexpr std::uint16_t ExposureTime = 0x500D;        ///< seconds × 10000
inline constexpr std::uint16_t ExposureIndex = 0x500F;       ///< ISO speed
}  // namespace prop
namespace dtype {
inline constexpr std::uint16_t UInt8 = 0x0002;
inline constexpr std::uint16_t UInt16 = 0x0004;
inline constexpr std::uint16_t UInt32 = 0x0006;
}  // namespace dtype

/// Object format codes (ISO 15740 Table 18; DNG from PTP 1.1 as in libgphoto2 ptp.h).
namespace fmt {
inline constexpr std::uint16_t Association = 0x3001;
inline constexpr std::uint16_t ExifJpeg = 0x3801;
inline constexpr std::uint16_t Tiff = 0x380D;
inline constexpr std::uint16_t Dng = 0x3811;
}  // namespace fmt

struct Packet {
    PacketType type{};
    Bytes payload;
};

/// Result of looking for one packet at the start of a byte buffer.
struct Frame {
    enum class Status { NeedMore, Complete, Invalid } status = Status::NeedMore;
    Packet packet;             ///< valid when Complete
    std::size_t consumed = 0;  ///< bytes of the buffer the packet occupied (when Complete)
    std::string error;         ///< what is wrong (when Invalid)
};

/// Parses one packet from the front of `bytes`. A length below the header size or above
/// kMaxPacketSize is Invalid (the stream cannot be resynchronised).
Frame parseFrame(std::span<const std::uint8_t> bytes);
/// Header + payload.
Bytes encodePacket(PacketType type, std::span<const std::uint8_t> payload);

/// Little-endian writer for packet payloads and PTP datasets.
class Writer {
public:
    Writer& u8(std::uint8_t v);
    Writer& u16(std::uint16_t v);
    Writer& u32(std::uint32_t v);
    Writer& u64(std::uint64_t v);
    Writer& bytes(std::span<const std::uint8_t> b);
    /// PTP string: u8 character count including the NUL, UTF-16LE; "" is a single 0 byte.
    /// Only ASCII/Latin-1 text is expected (camera and file names).
    Writer& ptpString(const std::string& s);
    /// UTF-16LE with a terminating NUL and no count (PTP/IP friendly names).
    Writer& utf16z(const std::string& s);
    Writer& array16(const std::vector<std::uint16_t>& v);
    Writer& array32(const std::vector<std::uint32_t>& v);
    const Bytes& data() const { return data_; }
    Bytes take() { return std::move(data_); }

private:
    Bytes data_;
};

/// Little-endian reader; every read throws std::out_of_range past the end.
class Reader {
public:
    explicit Reader(std::span<const std::uint8_t> bytes) : bytes_(bytes) {}
    std::uint8_t u8();
    std::uint16_t u16();
    std::uint32_t u32();
    std::uint64_t u64();
    /// UTF-16LE up to and including a NUL; non-ASCII code units become '?'.
    std::string utf16z();
    std::string ptpString();
    std::size_t remaining() const { return bytes_.size() - pos_; }
    std::span<const std::uint8_t> rest() const { return bytes_.subspan(pos_); }

private:
    void need(std::size_t n) const;
    std::span<const std::uint8_t> bytes_;
    std::size_t pos_ = 0;
};

// --- PTP/IP packet payloads ------------------------------------------------------------------

struct InitCommandRequest {
    std::array<std::uint8_t, 16> guid{};
    std::string friendly_name;
    std::uint32_t protocol_version = 0x00010000;  ///< major 1, minor 0
};
struct OperationRequest {
    std::uint32_t data_phase = 1;  ///< 1: none or camera→host, 2: host→camera
    std::uint16_t code = 0;
    std::uint32_t transaction_id = 0;
    std::vector<std::uint32_t> params;  ///< 0…5
};
struct StartData {
    std::uint32_t transaction_id = 0;
    std::uint64_t total_length = 0;
};
struct DataChunk {
    std::uint32_t transaction_id = 0;
    Bytes bytes;
};

/// Parsers throw std::invalid_argument naming the packet and what is wrong.
InitCommandRequest parseInitCommandRequest(std::span<const std::uint8_t> payload);
std::uint32_t parseInitEventRequest(std::span<const std::uint8_t> payload);
OperationRequest parseOperationRequest(std::span<const std::uint8_t> payload);
StartData parseStartData(std::span<const std::uint8_t> payload);
DataChunk parseDataChunk(std::span<const std::uint8_t> payload);  ///< Data or EndData

Bytes encodeInitCommandRequest(const InitCommandRequest& r);
Bytes encodeInitCommandAck(std::uint32_t connection, const std::array<std::uint8_t, 16>& guid,
                           const std::string& name);
Bytes encodeInitEventRequest(std::uint32_t connection);
Bytes encodeInitEventAck();
Bytes encodeInitFail(std::uint32_t reason);
Bytes encodeOperationRequest(const OperationRequest& r);
Bytes encodeOperationResponse(std::uint16_t code, std::uint32_t transaction_id,
                              const std::vector<std::uint32_t>& params = {});
Bytes encodeEvent(std::uint16_t code, std::uint32_t transaction_id,
                  const std::vector<std::uint32_t>& params = {});
Bytes encodeStartData(std::uint32_t transaction_id, std::uint64_t total_length);
Bytes encodeDataPacket(PacketType type, std::uint32_t transaction_id,
                       std::span<const std::uint8_t> bytes);  ///< Data or EndData

// --- PTP datasets (ISO 15740 §5.5) ---------------------------------------------------------------

struct DeviceInfo {
    std::uint16_t standard_version = 100;
    std::uint32_t vendor_extension_id = 0;
    std::uint16_t vendor_extension_version = 0;
    std::string vendor_extension_desc;
    std::uint16_t functional_mode = 0;
    std::vector<std::uint16_t> operations, events, properties, capture_formats, image_formats;
    std::string manufacturer, model, device_version, serial_number;
};
struct StorageInfo {
    std::uint16_t storage_type = 0x0004;       ///< removable RAM (SD card)
    std::uint16_t filesystem_type = 0x0002;    ///< generic hierarchical (DCF)
    std::uint16_t access_capability = 0x0000;  ///< read-write
    std::uint64_t max_capacity_bytes = 0;
    std::uint64_t free_space_bytes = 0;
    std::uint32_t free_space_images = 0;
    std::string description, volume_label;
};
struct ObjectInfo {
    std::uint32_t storage_id = 0;
    std::uint16_t format = 0;
    std::uint16_t protection = 0;
    std::uint32_t compressed_size = 0;
    std::uint32_t image_width = 0, image_height = 0, image_bit_depth = 0;
    std::uint32_t parent = 0;            ///< 0: root
    std::uint16_t association_type = 0;  ///< 1: generic folder
    std::string filename, capture_date;  ///< date as "YYYYMMDDThhmmss"
};
/// A property with an enumeration form (or a range when `range` is set).
struct PropDesc {
    std::uint16_t code = 0;
    std::uint16_t data_type = dtype::UInt16;
    bool writable = true;
    std::uint32_t default_value = 0, current_value = 0;
    std::vector<std::uint32_t> enumeration;
    std::optional<std::array<std::uint32_t, 3>> range;  ///< min, max, step
};

Bytes encodeDeviceInfo(const DeviceInfo& d);
Bytes encodeStorageInfo(const StorageInfo& s);
Bytes encodeObjectInfo(const ObjectInfo& o);
Bytes encodePropDesc(const PropDesc& p);
/// A value of the given PTP data type (1, 2 or 4 bytes).
Bytes encodePropValue(std::uint16_t data_type, std::uint32_t value);
/// Throws std::invalid_argument when the byte count does not fit the data type.
std::uint32_t parsePropValue(std::uint16_t data_type, std::span<const std::uint8_t> bytes);
ObjectInfo parseObjectInfo(std::span<const std::uint8_t> bytes);

}  // namespace cm::drivers::camera::ptpip
