// SPDX-License-Identifier: Apache-2.0
// PTP/IP framing and PTP datasets against bytes written out by hand from the spec
// (CIPA DC-005 packet layout, ISO 15740 §5.5), and the driver's setting parsers.
#include "drivers/camera/device.h"
#include "drivers/camera/protocol.h"
#include "drivers/camera/test_pattern_source.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

using namespace cm::drivers::camera;
using namespace cm::drivers::camera::ptpip;

namespace {

Bytes hex(const std::string& s) {
    Bytes out;
    std::string digits;
    for (const char c : s) {
        if (std::isxdigit(static_cast<unsigned char>(c))) {
            digits.push_back(c);
        }
    }
    REQUIRE(digits.size() % 2 == 0);
    for (std::size_t i = 0; i < digits.size(); i += 2) {
        out.push_back(static_cast<std::uint8_t>(std::stoul(digits.substr(i, 2), nullptr, 16)));
    }
    return out;
}

const char* kGuid = "00112233445566778899aabbccddeeff";

}  // namespace

TEST_CASE("PTP/IP OpenSession request as libgphoto2 sends it", "[camera][ptpip]") {
    // ptpip.md §4, observed with --debug: length 0x16, type 6, data phase 1, code 0x1002,
    // transaction 0, session id 1.
    const Bytes wire = hex("16000000 06000000 01000000 0210 00000000 01000000");
    const Frame f = parseFrame(wire);
    REQUIRE(f.status == Frame::Status::Complete);
    CHECK(f.consumed == 22);
    CHECK(f.packet.type == PacketType::OperationRequest);
    const OperationRequest r = parseOperationRequest(f.packet.payload);
    CHECK(r.data_phase == 1);
    CHECK(r.code == op::OpenSession);
    CHECK(r.transaction_id == 0);
    REQUIRE(r.params.size() == 1);
    CHECK(r.params[0] == 1);
    CHECK(encodeOperationRequest(r) == wire);
}

TEST_CASE("PTP/IP InitCommandRequest for host vm round-trips", "[camera][ptpip]") {
    // 34 bytes: header, GUID, "vm" UTF-16LE + NUL, minor 0, major 1.
    const Bytes wire = hex(std::string("22000000 01000000") + kGuid + "76006d00 0000 0000 0100");
    const Frame f = parseFrame(wire);
    REQUIRE(f.status == Frame::Status::Complete);
    CHECK(f.packet.type == PacketType::InitCommandRequest);
    const InitCommandRequest r = parseInitCommandRequest(f.packet.payload);
    CHECK(r.friendly_name == "vm");
    CHECK(r.protocol_version == 0x00010000u);
    CHECK(r.guid[0] == 0x00);
    CHECK(r.guid[15] == 0xff);
    CHECK(encodeInitCommandRequest(r) == wire);
}

TEST_CASE("PTP/IP acks, events and data packets match hand-written bytes", "[camera][ptpip]") {
    std::array<std::uint8_t, 16> guid{};
    const Bytes g = hex(kGuid);
    std::copy(g.begin(), g.end(), guid.begin());
    // InitCommandAck: 8 + 4 (connection) + 16 + "AB" NUL-terminated (6) + version (4) = 38.
    CHECK(encodeInitCommandAck(1, guid, "AB") ==
          hex(std::string("26000000 02000000 01000000") + kGuid + "41004200 0000 00000100"));
    CHECK(encodeInitEventRequest(7) == hex("0c000000 03000000 07000000"));
    CHECK(parseInitEventRequest(hex("07000000")) == 7u);
    CHECK(encodeInitEventAck() == hex("08000000 04000000"));
    CHECK(encodeInitFail(1) == hex("0c000000 05000000 01000000"));
    // ObjectAdded(5): 8 + code 2 + transaction 4 + one parameter 4 = 18.
    CHECK(encodeEvent(ev::ObjectAdded, 0xFFFFFFFF, {5}) ==
          hex("12000000 08000000 0240 ffffffff 05000000"));
    CHECK(encodeOperationResponse(rc::OK, 3) == hex("0e000000 07000000 0120 03000000"));
    CHECK(encodeOperationResponse(rc::DeviceBusy, 9, {1, 2}) ==
          hex("16000000 07000000 1920 09000000 01000000 02000000"));
    // StartData: transaction, u64 total length (libgphoto2 sends 0x14-byte packets).
    const Bytes sd = hex("14000000 09000000 07000000 10000000 00000000");
    CHECK(encodeStartData(7, 16) == sd);
    const StartData s = parseStartData(parseFrame(sd).packet.payload);
    CHECK(s.transaction_id == 7u);
    CHECK(s.total_length == 16u);
    const Bytes end = hex("0f000000 0c000000 07000000 aabbcc");
    CHECK(encodeDataPacket(PacketType::EndData, 7, hex("aabbcc")) == end);
    const DataChunk d = parseDataChunk(parseFrame(end).packet.payload);
    CHECK(d.transaction_id == 7u);
    CHECK(d.bytes == hex("aabbcc"));
}

TEST_CASE("PTP/IP framing needs the whole packet and rejects impossible lengths",
          "[camera][ptpip]") {
    const Bytes wire = hex("0e000000 07000000 0120 03000000 0e000000");
    CHECK(parseFrame(std::span(wire).first(7)).status == Frame::Status::NeedMore);
    CHECK(parseFrame(std::span(wire).first(13)).status == Frame::Status::NeedMore);
    const Frame two = parseFrame(wire);  // a second packet's start follows: only the first
    REQUIRE(two.status == Frame::Status::Complete);
    CHECK(two.consumed == 14);
    CHECK(parseFrame({}).status == Frame::Status::NeedMore);
    CHECK(parseFrame(hex("04000000 07000000")).status == Frame::Status::Invalid);
    const Frame huge = parseFrame(hex("ffffffff 0a000000"));
    CHECK(huge.status == Frame::Status::Invalid);
    CHECK(huge.error.find("4294967295") != std::string::npos);
    CHECK_THROWS_AS(parseOperationRequest(hex("01000000 0210 000000")), std::invalid_argument);
    CHECK_THROWS_AS(parseOperationRequest(hex("01000000 0210 00000000 01")), std::invalid_argument);
    CHECK_THROWS_AS(parseInitEventRequest(hex("0100")), std::invalid_argument);
    CHECK_THROWS_AS(parseStartData(hex("07000000")), std::invalid_argument);
    CHECK_THROWS_AS(parseInitCommandRequest(hex(std::string(kGuid) + "76006d00")),
                    std::invalid_argument);
}

TEST_CASE("PTP datasets: strings, property descriptions, object info", "[camera][ptpip]") {
    // PTP string: count including NUL, UTF-16LE; empty = one zero byte (ISO 15740 §5.3.5).
    CHECK(Writer().ptpString("IMG").data() == hex("04 4900 4d00 4700 0000"));
    CHECK(Writer().ptpString("").data() == hex("00"));
    // ExposureIndex, UINT16, read-write, default 100, current 400, enumeration {100, 400}.
    PropDesc iso{prop::ExposureIndex, dtype::UInt16, true, 100, 400, {100, 400}, std::nullopt};
    CHECK(encodePropDesc(iso) == hex("0f50 0400 01 6400 9001 02 0200 6400 9001"));
    // BatteryLevel UINT8 read-only range 0..100 step 1.
    PropDesc bat{prop::BatteryLevel,
                 dtype::UInt8,
                 false,
                 100,
                 100,
                 {},
                 std::array<std::uint32_t, 3>{0, 100, 1}};
    CHECK(encodePropDesc(bat) == hex("0150 0200 00 64 64 01 00 64 01"));
    CHECK(parsePropValue(dtype::UInt32, hex("a6000000")) == 166u);
    CHECK_THROWS_AS(parsePropValue(dtype::UInt16, hex("a6000000")), std::invalid_argument);
    ObjectInfo o;
    o.storage_id = 0x00010001;
    o.format = fmt::Tiff;
    o.compressed_size = 9410;
    o.parent = 2;
    o.filename = "IMG_0001.TIF";
    o.capture_date = "20240101T120000";
    const Bytes b = encodeObjectInfo(o);
    CHECK(b.size() == 52 + 1 + 13 * 2 + 2 * (1 + 16 * 2) + 1);
    const ObjectInfo back = parseObjectInfo(b);
    CHECK(back.filename == "IMG_0001.TIF");
    CHECK(back.compressed_size == 9410u);
    CHECK(back.parent == 2u);
    CHECK(back.format == fmt::Tiff);
    const Bytes two = hex("0100");
    Reader r(two);
    CHECK(r.u16() == 1);
    CHECK_THROWS_AS(r.u8(), std::out_of_range);
}

TEST_CASE("Camera setting texts parse and match within a sixth of a stop", "[camera]") {
    CHECK(parseSettingText(Setting::Iso, "ISO 400") == 400.0);
    CHECK(parseSettingText(Setting::Iso, "800") == 800.0);
    CHECK_FALSE(parseSettingText(Setting::Iso, "Auto"));
    CHECK(parseSettingText(Setting::Shutter, "1/60") == Approx(1.0 / 60));
    CHECK(parseSettingText(Setting::Shutter, "0.0166s") == Approx(0.0166));
    CHECK(parseSettingText(Setting::Shutter, "30") == 30.0);
    CHECK_FALSE(parseSettingText(Setting::Shutter, "Bulb"));
    CHECK_FALSE(parseSettingText(Setting::Shutter, "1/0"));
    CHECK_FALSE(parseSettingText(Setting::Shutter, "0"));
    CHECK(parseSettingText(Setting::Aperture, "f/2.8") == 2.8);
    CHECK(parseSettingText(Setting::Aperture, "F4") == 4.0);
    CHECK_FALSE(parseSettingText(Setting::Aperture, "-2"));
    // libgphoto2 shows ExposureTime choices as "%0.4fs": 1/60 s is "0.0166s" (166 × 1e-4 s).
    const std::vector<std::string> shutter = {"0.0080s", "0.0166s", "0.0333s"};
    CHECK(nearestChoice(Setting::Shutter, 1.0 / 60, shutter) == "0.0166s");
    CHECK(nearestChoice(Setting::Shutter, 1.0 / 125, shutter) == "0.0080s");
    // 1/50 s is log2(0.02/0.0166) = 0.27 stop from 1/60: a different setting, refused.
    CHECK_FALSE(nearestChoice(Setting::Shutter, 1.0 / 50, shutter));
    // f/3.2 vs f/2.8: 2·log2(3.2/2.8) = 0.385 stop, refused; f/2.9 is 0.10 stop, accepted.
    const std::vector<std::string> ap = {"f/2.8", "f/4"};
    CHECK_FALSE(nearestChoice(Setting::Aperture, 3.2, ap));
    CHECK(nearestChoice(Setting::Aperture, 2.9, ap) == "f/2.8");
    CHECK_FALSE(nearestChoice(Setting::Iso, 0.0, {"100"}));
    CHECK_FALSE(nearestChoice(Setting::Iso, -100.0, {"100"}));
    CHECK_FALSE(nearestChoice(Setting::Iso, std::numeric_limits<double>::quiet_NaN(), {"100"}));
    CHECK_FALSE(nearestChoice(Setting::Iso, std::numeric_limits<double>::infinity(), {"100"}));
    CHECK_THROWS_AS(parseSettingInput(Setting::Shutter, "fast"), CameraError);
    CHECK(formatOfChoice("PTPIP Simulator", "Unknown value 0002") == ImageFormat::Raw);
    CHECK_FALSE(formatOfChoice("Other camera", "Unknown value 0002"));
    CHECK(formatOfChoice("Nikon D850", "NEF (Raw)") == ImageFormat::Raw);
    CHECK(parseImageFormat("dng") == ImageFormat::Raw);
    CHECK_THROWS_AS(parseImageFormat("heic"), std::invalid_argument);
}

TEST_CASE("Test pattern exposure factor by hand", "[camera]") {
    // H/H_ref = (ISO/100)·t/N² ÷ ((1/60)/2.8²); ISO 400, 1/125 s, f/4:
    // 4 × 0.008 / 16 = 0.002; ref = 0.0166667 / 7.84 = 0.00212585; ratio 0.940800.
    CaptureSettings s;
    s.iso = 400;
    s.exposure_s = 0.008;
    s.f_number = 4.0;
    CHECK(relativeExposure(s) == Approx(0.9408).epsilon(1e-6));
    CHECK(relativeExposure(CaptureSettings{}) == Approx(1.0));
    const CapturedFile f = testPatternTiff(s);
    CHECK(f.name == "IMG_0001.TIF");
    REQUIRE(f.bytes.size() > 64 * 48 * 3);
    CHECK(f.bytes[0] == 'I');  // little-endian TIFF "II*\0"
    CHECK(f.bytes[1] == 'I');
    CHECK(f.bytes[2] == 42);
}
