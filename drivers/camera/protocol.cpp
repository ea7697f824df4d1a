// SPDX-License-Identifier: Apache-2.0
// PTP/IP framing and PTP datasets: little-endian encoders and parsers over byte spans.
#include "drivers/camera/protocol.h"

#include <algorithm>
#include <stdexcept>

namespace cm::drivers::camera::ptpip {

namespace {

std::uint32_t le32(std::span<const std::uint8_t> b, std::size_t at) {
    return static_cast<std::uint32_t>(b[at]) | static_cast<std::uint32_t>(b[at + 1]) << 8 |
           static_cast<std::uint32_t>(b[at + 2]) << 16 |
           static_cast<std::uint32_t>(b[at + 3]) << 24;
}

[[noreturn]] void bad(const char* what, const std::string& why) {
    throw std::invalid_argument(std::string("PTP/IP ") + what + ": " + why);
}

}  // namespace

Frame parseFrame(std::span<const std::uint8_t> bytes) {
    Frame f;
    if (bytes.size() < kHeaderSize) {
        return f;
    }
    const std::uint32_t length = le32(bytes, 0);
    if (length < kHeaderSize || length > kMaxPacketSize) {
        f.status = Frame::Status::Invalid;
        f.error = "packet length " + std::to_string(length) + " outside [8, " +
                  std::to_string(kMaxPacketSize) + "]";
        return f;
    }
    if (bytes.size() < length) {
        return f;
    }
    f.status = Frame::Status::Complete;
    f.packet.type = static_cast<PacketType>(le32(bytes, 4));
    f.packet.payload.assign(bytes.begin() + kHeaderSize, bytes.begin() + length);
    f.consumed = length;
    return f;
}

Bytes encodePacket(PacketType type, std::span<const std::uint8_t> payload) {
    Writer w;
    w.u32(static_cast<std::uint32_t>(kHeaderSize + payload.size()))
        .u32(static_cast<std::uint32_t>(type))
        .bytes(payload);
    return w.take();
}

// --- Writer / Reader
// -------------------------------------------------------------------------------

Writer& Writer::u8(std::uint8_t v) {
    data_.push_back(v);
    return *this;
}
Writer& Writer::u16(std::uint16_t v) {
    data_.push_back(static_cast<std::uint8_t>(v));
    data_.push_back(static_cast<std::uint8_t>(v >> 8));
    return *this;
}
Writer& Writer::u32(std::uint32_t v) {
    for (int i = 0; i < 4; ++i) {
        data_.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
    }
    return *this;
}
Writer& Writer::u64(std::uint64_t v) {
    for (int i = 0; i < 8; ++i) {
        data_.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
    }
    return *this;
}
Writer& Writer::bytes(std::span<const std::uint8_t> b) {
    data_.insert(data_.end(), b.begin(), b.end());
    return *this;
}
Writer& Writer::ptpString(const std::string& s) {
    if (s.empty()) {
        return u8(0);
    }
    if (s.size() > 254) {
        throw std::invalid_argument("PTP string longer than 254 characters: " + s.substr(0, 20));
    }
    u8(static_cast<std::uint8_t>(s.size() + 1));
    for (const char c : s) {
        u16(static_cast<std::uint8_t>(c));
    }
    return u16(0);
}
Writer& Writer::utf16z(const std::string& s) {
    for (const char c : s) {
        u16(static_cast<std::uint8_t>(c));
    }
    return u16(0);
}
Writer& Writer::array16(const std::vector<std::uint16_t>& v) {
    u32(static_cast<std::uint32_t>(v.size()));
    for (const auto x : v) {
        u16(x);
    }
    return *this;
}
Writer& Writer::array32(const std::vector<std::uint32_t>& v) {
    u32(static_cast<std::uint32_t>(v.size()));
    for (const auto x : v) {
        u32(x);
    }
    return *this;
}

void Reader::need(std::size_t n) const {
    if (bytes_.size() - pos_ < n) {
        throw std::out_of_range("PTP data ends at byte " + std::to_string(bytes_.size()) +
                                ", needed " + std::to_string(n) + " more at " +
                                std::to_string(pos_));
    }
}
std::uint8_t Reader::u8() {
    need(1);
    return bytes_[pos_++];
}
std::uint16_t Reader::u16() {
    need(2);
    const auto v = static_cast<std::uint16_t>(bytes_[pos_] | bytes_[pos_ + 1] << 8);
    pos_ += 2;
    return v;
}
std::uint32_t Reader::u32() {
    need(4);
    const auto v = le32(bytes_, pos_);
    pos_ += 4;
    return v;
}
std::uint64_t Reader::u64() {
    const std::uint64_t lo = u32();
    const std::uint64_t hi = u32();
    return lo | hi << 32;
}
std::string Reader::utf16z() {
    std::string s;
    for (;;) {
        const std::uint16_t c = u16();
        if (c == 0) {
            return s;
        }
        s.push_back(c < 0x80 ? static_cast<char>(c) : '?');
    }
}
std::string Reader::ptpString() {
    const std::uint8_t n = u8();
    std::string s;
    for (std::uint8_t i = 0; i < n; ++i) {
        const std::uint16_t c = u16();
        if (c != 0) {
            s.push_back(c < 0x80 ? static_cast<char>(c) : '?');
        }
    }
    return s;
}

// --- PTP/IP packets
// -------------------------------------------------------------------------------

InitCommandRequest parseInitCommandRequest(std::span<const std::uint8_t> payload) {
    if (payload.size() < 16 + 2 + 4) {
        bad("InitCommandRequest", "payload of " + std::to_string(payload.size()) +
                                      " bytes is shorter than GUID + name + version (22)");
    }
    InitCommandRequest r;
    std::copy_n(payload.begin(), 16, r.guid.begin());
    Reader rd(payload.subspan(16));
    try {
        r.friendly_name = rd.utf16z();
        r.protocol_version = rd.u32();
    } catch (const std::out_of_range& e) {
        bad("InitCommandRequest",
            std::string("unterminated name or no version (") + e.what() + ")");
    }
    return r;
}

std::uint32_t parseInitEventRequest(std::span<const std::uint8_t> payload) {
    if (payload.size() != 4) {
        bad("InitEventRequest",
            "payload of " + std::to_string(payload.size()) + " bytes, expected 4");
    }
    return le32(payload, 0);
}

OperationRequest parseOperationRequest(std::span<const std::uint8_t> payload) {
    // u32 data phase, u16 code, u32 transaction id, 0..5 u32 parameters: 10 + 4n bytes.
    if (payload.size() < 10 || (payload.size() - 10) % 4 != 0 || payload.size() > 30) {
        bad("OperationRequest",
            "payload of " + std::to_string(payload.size()) + " bytes is not 10 + 4n (n <= 5)");
    }
    Reader rd(payload);
    OperationRequest r;
    r.data_phase = rd.u32();
    r.code = rd.u16();
    r.transaction_id = rd.u32();
    while (rd.remaining() > 0) {
        r.params.push_back(rd.u32());
    }
    return r;
}

StartData parseStartData(std::span<const std::uint8_t> payload) {
    if (payload.size() != 12) {
        bad("StartData", "payload of " + std::to_string(payload.size()) + " bytes, expected 12");
    }
    Reader rd(payload);
    StartData s;
    s.transaction_id = rd.u32();
    s.total_length = rd.u64();
    return s;
}

DataChunk parseDataChunk(std::span<const std::uint8_t> payload) {
    if (payload.size() < 4) {
        bad("Data",
            "payload of " + std::to_string(payload.size()) + " bytes has no transaction id");
    }
    DataChunk d;
    d.transaction_id = le32(payload, 0);
    d.bytes.assign(payload.begin() + 4, payload.end());
    return d;
}

Bytes encodeInitCommandRequest(const InitCommandRequest& r) {
    Writer w;
    w.bytes(r.guid).utf16z(r.friendly_name).u32(r.protocol_version);
    return encodePacket(PacketType::InitCommandRequest, w.data());
}

Bytes encodeInitCommandAck(std::uint32_t connection, const std::array<std::uint8_t, 16>& guid,
                           const std::string& name) {
    // libgphoto2 scans the name for its NUL, so the terminator is required; the trailing version
    // is ignored by the library but sent as real cameras do (1.0).
    Writer w;
    w.u32(connection).bytes(guid).utf16z(name).u32(0x00010000);
    return encodePacket(PacketType::InitCommandAck, w.data());
}

Bytes encodeInitEventRequest(std::uint32_t connection) {
    Writer w;
    w.u32(connection);
    return encodePacket(PacketType::InitEventRequest, w.data());
}

Bytes encodeInitEventAck() {
    return encodePacket(PacketType::InitEventAck, {});
}

Bytes encodeInitFail(std::uint32_t reason) {
    Writer w;
    w.u32(reason);
    return encodePacket(PacketType::InitFail, w.data());
}

Bytes encodeOperationRequest(const OperationRequest& r) {
    Writer w;
    w.u32(r.data_phase).u16(r.code).u32(r.transaction_id);
    for (const auto p : r.params) {
        w.u32(p);
    }
    return encodePacket(PacketType::OperationRequest, w.data());
}

Bytes encodeOperationResponse(std::uint16_t code, std::uint32_t transaction_id,
                              const std::vector<std::uint32_t>& params) {
    Writer w;
    w.u16(code).u32(transaction_id);
    for (const auto p : params) {
        w.u32(p);
    }
    return encodePacket(PacketType::OperationResponse, w.data());
}

Bytes encodeEvent(std::uint16_t code, std::uint32_t transaction_id,
                  const std::vector<std::uint32_t>& params) {
    Writer w;
    w.u16(code).u32(transaction_id);
    for (const auto p : params) {
        w.u32(p);
    }
    return encodePacket(PacketType::Event, w.data());
}

Bytes encodeStartData(std::uint32_t transaction_id, std::uint64_t total_length) {
    Writer w;
    w.u32(transaction_id).u64(total_length);
    return encodePacket(PacketType::StartData, w.data());
}

Bytes encodeDataPacket(PacketType type, std::uint32_t transaction_id,
                       std::span<const std::uint8_t> bytes) {
    Writer w;
    w.u32(transaction_id).bytes(bytes);
    return encodePacket(type, w.data());
}

// --- datasets
// --------------------------------------------------------------------------------------

Bytes encodeDeviceInfo(const DeviceInfo& d) {
    Writer w;
    w.u16(d.standard_version)
        .u32(d.vendor_extension_id)
        .u16(d.vendor_extension_version)
        .ptpString(d.vendor_extension_desc)
        .u16(d.functional_mode)
        .array16(d.operations)
        .array16(d.events)
        .array16(d.properties)
        .array16(d.capture_formats)
        .array16(d.image_formats)
        .ptpString(d.manufacturer)
        .ptpString(d.model)
        .ptpString(d.device_version)
        .ptpString(d.serial_number);
    return w.take();
}

Bytes encodeStorageInfo(const StorageInfo& s) {
    Writer w;
    w.u16(s.storage_type)
        .u16(s.filesystem_type)
        .u16(s.access_capability)
        .u64(s.max_capacity_bytes)
        .u64(s.free_space_bytes)
        .u32(s.free_space_images)
        .ptpString(s.description)
        .ptpString(s.volume_label);
    return w.take();
}

Bytes encodeObjectInfo(const ObjectInfo& o) {
    Writer w;
    w.u32(o.storage_id)
        .u16(o.format)
        .u16(o.protection)
        .u32(o.compressed_size)
        .u16(0)  // thumb format: none
        .u32(0)  // thumb size
        .u32(0)  // thumb width
        .u32(0)  // thumb height
        .u32(o.image_width)
        .u32(o.image_height)
        .u32(o.image_bit_depth)
        .u32(o.parent)
        .u16(o.association_type)
        .u32(0)  // association desc
        .u32(0)  // sequence number
        .ptpString(o.filename)
        .ptpString(o.capture_date)
        .ptpString(o.capture_date)  // modification date
        .ptpString("");             // keywords
    return w.take();
}

ObjectInfo parseObjectInfo(std::span<const std::uint8_t> bytes) {
    Reader r(bytes);
    ObjectInfo o;
    o.storage_id = r.u32();
    o.format = r.u16();
    o.protection = r.u16();
    o.compressed_size = r.u32();
    r.u16();
    r.u32();
    r.u32();
    r.u32();
    o.image_width = r.u32();
    o.image_height = r.u32();
    o.image_bit_depth = r.u32();
    o.parent = r.u32();
    o.association_type = r.u16();
    r.u32();
    r.u32();
    o.filename = r.ptpString();
    o.capture_date = r.ptpString();
    return o;
}

Bytes encodePropValue(std::uint16_t data_type, std::uint32_t value) {
    Writer w;
    switch (data_type) {
        case dtype::UInt8:
            w.u8(static_cast<std::uint8_t>(value));
            break;
        case dtype::UInt16:
            w.u16(static_cast<std::uint16_t>(value));
            break;
        case dtype::UInt32:
            w.u32(value);
            break;
        default:
            throw std::invalid_argument("PTP data type " + std::to_string(data_type) +
                                        " not supported");
    }
    return w.take();
}

std::uint32_t parsePropValue(std::uint16_t data_type, std::span<const std::uint8_t> bytes) {
    const std::size_t want = data_type == dtype::UInt8    ? 1
                             : data_type == dtype::UInt16 ? 2
                             : data_type == dtype::UInt32 ? 4
                                                          : 0;
    if (want == 0 || bytes.size() != want) {
        throw std::invalid_argument("property value of " + std::to_string(bytes.size()) +
                                    " bytes for PTP data type " + std::to_string(data_type));
    }
    Reader r(bytes);
    return want == 1 ? r.u8() : want == 2 ? r.u16() : r.u32();
}

Bytes encodePropDesc(const PropDesc& p) {
    Writer w;
    w.u16(p.code).u16(p.data_type).u8(p.writable ? 1 : 0);
    w.bytes(encodePropValue(p.data_type, p.default_value));
    w.bytes(encodePropValue(p.data_type, p.current_value));
    if (p.range) {
        w.u8(1);
        for (const auto v : *p.range) {
            w.bytes(encodePropValue(p.data_type, v));
        }
    } else if (!p.enumeration.empty()) {
        w.u8(2).u16(static_cast<std::uint16_t>(p.enumeration.size()));
        for (const auto v : p.enumeration) {
            w.bytes(encodePropValue(p.data_type, v));
        }
    } else {
        w.u8(0);
    }
    return w.take();
}

}  // namespace cm::drivers::camera::ptpip
