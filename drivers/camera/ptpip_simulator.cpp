// SPDX-License-Identifier: Apache-2.0
// PTP/IP camera simulator: one poll() loop serving the command and event channels, a persistent
// card and property set across connections, timed capture events and injected faults.
#include "drivers/camera/ptpip_simulator.h"

#include "drivers/camera/protocol.h"
#include "drivers/camera/test_pattern_source.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstring>
#include <ctime>
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>

namespace cm::drivers::camera {

using namespace ptpip;
using Clock = std::chrono::steady_clock;

SimulatorFault parseSimulatorFault(const std::string& name) {
    static const std::map<std::string, SimulatorFault> kNames = {
        {"none", SimulatorFault::None},         {"unplug", SimulatorFault::Unplug},
        {"garbage", SimulatorFault::Garbage},   {"drop", SimulatorFault::DropReply},
        {"slow", SimulatorFault::Slow},         {"busy", SimulatorFault::Busy},
        {"card-full", SimulatorFault::CardFull}};
    const auto it = kNames.find(name);
    if (it == kNames.end()) {
        throw std::invalid_argument("unknown camera fault '" + name +
                                    "' (none, unplug, garbage, drop, slow, busy, card-full)");
    }
    return it->second;
}

const char* toString(SimulatorFault f) {
    switch (f) {
        case SimulatorFault::None:
            return "none";
        case SimulatorFault::Unplug:
            return "unplug";
        case SimulatorFault::Garbage:
            return "garbage";
        case SimulatorFault::DropReply:
            return "drop";
        case SimulatorFault::Slow:
            return "slow";
        case SimulatorFault::Busy:
            return "busy";
        case SimulatorFault::CardFull:
            return "card-full";
    }
    return "?";
}

namespace {

constexpr std::uint32_t kStorageId = 0x00010001;
constexpr std::uint32_t kDcimHandle = 1;
constexpr std::uint32_t kFolderHandle = 2;
/// The host's PTP/IP read timeout in libgphoto2 2.5.30 is 2 s + 500 ms (ptpip.md §4); a "slow"
/// reply comes this long after the request, well past it.
constexpr auto kSlowReplyDelay = std::chrono::milliseconds(4000);
/// A host that stops reading is given this long per send before the connection is dropped.
constexpr int kSendTimeoutMs = 10000;

/// Values the image-format property (CompressionSetting, vendor-defined) takes on this camera.
struct FormatCode {
    std::uint32_t value;
    ImageFormat format;
};
constexpr FormatCode kFormatCodes[] = {
    {0, ImageFormat::Jpeg}, {1, ImageFormat::Tiff}, {2, ImageFormat::Raw}};

std::uint16_t objectFormat(ImageFormat f) {
    switch (f) {
        case ImageFormat::Jpeg:
            return fmt::ExifJpeg;
        case ImageFormat::Tiff:
            return fmt::Tiff;
        case ImageFormat::Raw:
            return fmt::Dng;
    }
    return fmt::Tiff;
}

std::string ptpDateNow() {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%S", &tm);
    return buf;
}

void closeFd(int& fd, bool reset = false) {
    if (fd < 0) {
        return;
    }
    if (reset) {
        // SO_LINGER 0: close sends RST, as a camera whose network vanished would leave the host
        // with "connection reset" rather than an orderly end of stream.
        linger l{1, 0};
        ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
    }
    ::close(fd);
    fd = -1;
}

}  // namespace

struct PtpIpSimulator::Impl {
    struct Conn {
        int fd = -1;
        Bytes in;
        Clock::time_point since = Clock::now();  ///< accepted, or last packet (cmd/evt)
    };
    struct Object {
        ObjectInfo info;
        CapturedFile file;  ///< empty for folders
        bool visible = false;
    };
    struct Timer {
        Clock::time_point at;
        std::function<void()> action;
    };

    PtpIpSimulatorOptions options;
    int listen_fd = -1;
    std::vector<Conn> pending;  ///< accepted, first packet not yet seen
    Conn cmd, evt;
    std::uint32_t connection_number = 0;
    bool session_open = false;
    std::optional<OperationRequest> awaiting_data;  ///< request with a host→camera data phase
    Bytes incoming;
    std::map<std::uint32_t, Object> objects;
    std::uint32_t next_handle = 3;
    std::map<std::uint16_t, PropDesc> props;
    int captures = 0, downloads = 0;
    std::vector<Timer> timers;
    std::array<std::uint8_t, 16> guid{};

    mutable std::mutex mu;  ///< guards everything above against stats()
    SimulatorStats stats;

    explicit Impl(PtpIpSimulatorOptions o) : options(std::move(o)) {
        if (!options.source) {
            options.source = testPatternTiff;
        }
        for (std::size_t i = 0; i < guid.size(); ++i) {
            guid[i] = static_cast<std::uint8_t>(0xC0 + i);
        }
        const std::string today = ptpDateNow();
        objects[kDcimHandle] = {
            {kStorageId, fmt::Association, 0, 0, 0, 0, 0, 0, 1, "DCIM", today}, {}, true};
        objects[kFolderHandle] = {
            {kStorageId, fmt::Association, 0, 0, 0, 0, 0, kDcimHandle, 1, "100SIMCM", today},
            {},
            true};
        // Enumerations as a typical interchangeable-lens camera offers them (1/3 stops omitted).
        props[prop::BatteryLevel] = {prop::BatteryLevel,
                                     dtype::UInt8,
                                     false,
                                     100,
                                     100,
                                     {},
                                     std::array<std::uint32_t, 3>{0, 100, 1}};
        props[prop::CompressionSetting] = {
            prop::CompressionSetting, dtype::UInt8, true, 1, 1, {0, 1, 2}, std::nullopt};
        props[prop::FNumber] = {prop::FNumber, dtype::UInt16,
                                true,          280,
                                280,           {140, 200, 280, 400, 560, 800, 1100, 1600},
                                std::nullopt};
        // ExposureTime in 1/10000 s (ISO 15740 §13.5.11): 1/4000 … 30 s.
        props[prop::ExposureTime] = {prop::ExposureTime,
                                     dtype::UInt32,
                                     true,
                                     166,
                                     166,
                                     {2, 5, 10, 20, 40, 80, 166, 333, 666, 1250, 2500, 5000, 10000,
                                      20000, 40000, 80000, 150000, 300000},
                                     std::nullopt};
        props[prop::ExposureIndex] = {prop::ExposureIndex,
                                      dtype::UInt16,
                                      true,
                                      100,
                                      100,
                                      {100, 200, 400, 800, 1600, 3200, 6400},
                                      std::nullopt};
        stats.last_settings = settings();
    }

    ~Impl() {
        closeFd(cmd.fd);
        closeFd(evt.fd);
        for (auto& c : pending) {
            closeFd(c.fd);
        }
        closeFd(listen_fd);
    }

    CaptureSettings settings() const {
        CaptureSettings s;
        s.iso = static_cast<int>(props.at(prop::ExposureIndex).current_value);
        s.exposure_s = props.at(prop::ExposureTime).current_value / 10000.0;
        s.f_number = props.at(prop::FNumber).current_value / 100.0;
        for (const auto& fc : kFormatCodes) {
            if (fc.value == props.at(prop::CompressionSetting).current_value) {
                s.format = fc.format;
            }
        }
        s.sequence = captures;
        return s;
    }

    std::uint32_t freeImages() const { return options.card_free_images; }

    void refreshCard() {
        stats.card.clear();
        for (const auto& [h, o] : objects) {
            if (o.visible && o.info.format != fmt::Association) {
                stats.card.push_back(o.file);
            }
        }
    }

    // --- sockets ----------------------------------------------------------------------------

    /// Blocking send of a whole buffer on a non-blocking socket; false when the peer is gone.
    static bool sendAll(int fd, const Bytes& b) {
        std::size_t off = 0;
        while (off < b.size()) {
            const ssize_t n = ::send(fd, b.data() + off, b.size() - off, MSG_NOSIGNAL);
            if (n > 0) {
                off += static_cast<std::size_t>(n);
                continue;
            }
            if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) {
                pollfd p{fd, POLLOUT, 0};
                if (::poll(&p, 1, kSendTimeoutMs) <= 0) {
                    return false;
                }
                continue;
            }
            return false;
        }
        return true;
    }

    bool sendCmd(const Bytes& b) {
        if (cmd.fd < 0) {
            return false;
        }
        if (!sendAll(cmd.fd, b)) {
            endSession(false);
            return false;
        }
        return true;
    }

    void sendEvent(std::uint16_t code, std::vector<std::uint32_t> params) {
        if (evt.fd >= 0 && !sendAll(evt.fd, encodeEvent(code, 0xFFFFFFFF, params))) {
            endSession(false);
        }
    }

    void endSession(bool reset) {
        closeFd(cmd.fd, reset);
        closeFd(evt.fd, reset);
        cmd.in.clear();
        evt.in.clear();
        session_open = false;
        awaiting_data.reset();
        incoming.clear();
    }

    Clock::time_point accept_paused_until{};

    void acceptOne() {
        const int fd = ::accept4(listen_fd, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0) {
            if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) {
                // The connection stays queued and the listening socket stays readable: polling it
                // again at once would spin. Free the oldest unidentified connection and wait.
                if (!pending.empty()) {
                    closeFd(pending.front().fd);
                    ++stats.dropped;
                }
                accept_paused_until = Clock::now() + std::chrono::milliseconds(200);
            }
            return;
        }
        if (static_cast<int>(pending.size()) >= std::max(1, options.max_pending)) {
            ::close(fd);  // over the cap: a flood of idle local connections is refused
            ++stats.dropped;
            return;
        }
        int one = 1;
        ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        pending.push_back({fd, {}, Clock::now()});
    }

    /// Closes unidentified connections past their deadline and an idle established host.
    void dropIdle() {
        const auto now = Clock::now();
        const auto pendingLimit = std::chrono::duration_cast<Clock::duration>(
            std::chrono::duration<double>(options.pending_timeout_s));
        for (auto& c : pending) {
            if (c.fd >= 0 && now - c.since > pendingLimit) {
                closeFd(c.fd);
                ++stats.dropped;
            }
        }
        std::erase_if(pending, [](const Conn& c) { return c.fd < 0; });
        const auto idleLimit = std::chrono::duration_cast<Clock::duration>(
            std::chrono::duration<double>(options.idle_timeout_s));
        if (cmd.fd >= 0 && timers.empty() && now - std::max(cmd.since, evt.since) > idleLimit) {
            endSession(false);
            ++stats.dropped;
        }
    }

    /// Reads what is available; false on end of stream or error.
    static bool readSome(Conn& c) {
        std::uint8_t buf[65536];
        for (;;) {
            const ssize_t n = ::recv(c.fd, buf, sizeof buf, 0);
            if (n > 0) {
                c.in.insert(c.in.end(), buf, buf + n);
                continue;
            }
            if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
                return true;
            }
            if (n < 0 && errno == EINTR) {
                continue;
            }
            return false;
        }
    }

    /// Next complete packet from a connection's buffer; nullopt when more bytes are needed.
    /// Throws std::invalid_argument for a stream that cannot be framed.
    static std::optional<Packet> nextPacket(Conn& c) {
        Frame f = parseFrame(c.in);
        if (f.status == Frame::Status::Invalid) {
            throw std::invalid_argument(f.error);
        }
        if (f.status == Frame::Status::NeedMore) {
            return std::nullopt;
        }
        c.in.erase(c.in.begin(), c.in.begin() + static_cast<std::ptrdiff_t>(f.consumed));
        return std::move(f.packet);
    }

    /// First packet of a fresh connection decides whether it is a command or an event channel.
    /// Returns true when the connection was consumed (adopted or closed).
    bool identify(Conn& c) {
        std::optional<Packet> p;
        try {
            p = nextPacket(c);
        } catch (const std::invalid_argument&) {
            closeFd(c.fd);
            return true;
        }
        if (!p) {
            return false;
        }
        if (p->type == PacketType::InitCommandRequest) {
            try {
                parseInitCommandRequest(p->payload);
            } catch (const std::invalid_argument&) {
                sendAll(c.fd, encodeInitFail(1));
                closeFd(c.fd);
                return true;
            }
            // One host at a time: a new host (or the same host reconnecting after an error)
            // replaces the previous connection.
            endSession(false);
            cmd = std::move(c);
            c.fd = -1;
            ++connection_number;
            sendCmd(encodeInitCommandAck(connection_number, guid, options.model));
            return true;
        }
        if (p->type == PacketType::InitEventRequest && cmd.fd >= 0 && evt.fd < 0) {
            std::uint32_t n = 0;
            try {
                n = parseInitEventRequest(p->payload);
            } catch (const std::invalid_argument&) {
                n = 0;
            }
            if (n == connection_number) {
                evt = std::move(c);
                c.fd = -1;
                if (sendAll(evt.fd, encodeInitEventAck())) {
                    ++stats.connections;
                }
                return true;
            }
        }
        sendAll(c.fd, encodeInitFail(1));
        closeFd(c.fd);
        return true;
    }

    // --- operations ------------------------------------------------------------------------

    struct Reply {
        std::uint16_t code = rc::OK;
        std::vector<std::uint32_t> params;
        std::optional<Bytes> data;
    };

    bool sendReply(std::uint32_t tid, const Reply& r) {
        if (r.data) {
            const Bytes& d = *r.data;
            if (!sendCmd(encodeStartData(tid, d.size()))) {
                return false;
            }
            std::size_t off = 0;
            // Every block but the last in Data packets, the last (possibly empty) in EndData.
            while (d.size() - off > kDataBlock) {
                if (!sendCmd(encodeDataPacket(PacketType::Data, tid,
                                              std::span(d).subspan(off, kDataBlock)))) {
                    return false;
                }
                off += kDataBlock;
            }
            if (!sendCmd(encodeDataPacket(PacketType::EndData, tid, std::span(d).subspan(off)))) {
                return false;
            }
        }
        return sendCmd(encodeOperationResponse(r.code, tid, r.params));
    }

    static std::uint32_t param(const OperationRequest& r, std::size_t i) {
        return i < r.params.size() ? r.params[i] : 0;
    }

    bool faultHits(SimulatorFault f, int counter) const {
        return options.fault == f && counter == options.fault_at;
    }

    DeviceInfo deviceInfo() const {
        DeviceInfo d;
        d.operations = {op::GetDeviceInfo,      op::OpenSession,       op::CloseSession,
                        op::GetStorageIDs,      op::GetStorageInfo,    op::GetObjectHandles,
                        op::GetObjectInfo,      op::GetObject,         op::DeleteObject,
                        op::InitiateCapture,    op::GetDevicePropDesc, op::GetDevicePropValue,
                        op::SetDevicePropValue, op::GetPartialObject};
        d.events = {ev::ObjectAdded,  ev::ObjectRemoved, ev::StoreAdded,
                    ev::StoreRemoved, ev::StoreFull,     ev::CaptureComplete};
        for (const auto& [code, p] : props) {
            d.properties.push_back(code);
        }
        d.capture_formats = {fmt::ExifJpeg, fmt::Tiff, fmt::Dng};
        d.image_formats = {fmt::Association, fmt::ExifJpeg, fmt::Tiff, fmt::Dng};
        d.manufacturer = options.manufacturer;
        d.model = options.model;
        d.device_version = options.device_version;
        d.serial_number = options.serial;
        return d;
    }

    const Object* visibleObject(std::uint32_t h) const {
        const auto it = objects.find(h);
        return it != objects.end() && it->second.visible ? &it->second : nullptr;
    }

    void handle(const OperationRequest& r, const Bytes& data) {
        const std::uint32_t tid = r.transaction_id;
        Reply rep;
        if (!session_open && r.code != op::OpenSession && r.code != op::GetDeviceInfo) {
            rep.code = rc::SessionNotOpen;
            sendReply(tid, rep);
            return;
        }
        switch (r.code) {
            case op::GetDeviceInfo:
                rep.data = encodeDeviceInfo(deviceInfo());
                break;
            case op::OpenSession:
                if (session_open) {
                    rep.code = rc::SessionAlreadyOpen;
                } else if (param(r, 0) == 0) {
                    rep.code = rc::InvalidParameter;
                } else {
                    session_open = true;
                }
                break;
            case op::CloseSession:
                session_open = false;
                break;
            case op::GetStorageIDs:
                rep.data = Writer().array32({kStorageId}).take();
                break;
            case op::GetStorageInfo: {
                if (param(r, 0) != kStorageId) {
                    rep.code = rc::InvalidStorageID;
                    break;
                }
                StorageInfo s;
                s.max_capacity_bytes = options.card_capacity_bytes;
                std::uint64_t used = 0;
                for (const auto& [h, o] : objects) {
                    used += o.file.size();
                }
                s.free_space_bytes =
                    freeImages() == 0
                        ? 0
                        : options.card_capacity_bytes - std::min(used, options.card_capacity_bytes);
                s.free_space_images = freeImages();
                s.description = "Simulated SD";
                s.volume_label = "SIMCARD";
                rep.data = encodeStorageInfo(s);
                break;
            }
            case op::GetObjectHandles: {
                const std::uint32_t storage = param(r, 0), format = param(r, 1),
                                    parent = param(r, 2);
                if (storage != 0xFFFFFFFF && storage != kStorageId) {
                    rep.code = rc::InvalidStorageID;
                    break;
                }
                std::vector<std::uint32_t> handles;
                for (const auto& [h, o] : objects) {
                    const bool inParent = parent == 0            ? true
                                          : parent == 0xFFFFFFFF ? o.info.parent == 0
                                                                 : o.info.parent == parent;
                    if (o.visible && inParent && (format == 0 || format == o.info.format)) {
                        handles.push_back(h);
                    }
                }
                rep.data = Writer().array32(handles).take();
                break;
            }
            case op::GetObjectInfo:
                if (const Object* o = visibleObject(param(r, 0))) {
                    rep.data = encodeObjectInfo(o->info);
                } else {
                    rep.code = rc::InvalidObjectHandle;
                }
                break;
            case op::GetObject:
            case op::GetPartialObject:
                getObject(r);
                return;
            case op::DeleteObject: {
                const auto it = objects.find(param(r, 0));
                if (it == objects.end() || !it->second.visible) {
                    rep.code = rc::InvalidObjectHandle;
                } else if (it->second.info.format == fmt::Association) {
                    rep.code = rc::AccessDenied;  // the DCF folders stay
                } else {
                    objects.erase(it);
                    if (options.card_free_images > 0) {
                        ++options.card_free_images;
                    }
                    ++stats.deletes;
                    refreshCard();
                }
                break;
            }
            case op::GetDevicePropDesc:
            case op::GetDevicePropValue: {
                const auto it = props.find(static_cast<std::uint16_t>(param(r, 0)));
                if (it == props.end()) {
                    rep.code = rc::DevicePropNotSupported;
                } else if (r.code == op::GetDevicePropDesc) {
                    rep.data = encodePropDesc(it->second);
                } else {
                    rep.data = encodePropValue(it->second.data_type, it->second.current_value);
                }
                break;
            }
            case op::SetDevicePropValue:
                rep.code = setProp(static_cast<std::uint16_t>(param(r, 0)), data);
                break;
            case op::InitiateCapture:
                initiateCapture(tid);
                return;
            default:
                rep.code = rc::OperationNotSupported;
                break;
        }
        sendReply(tid, rep);
    }

    std::uint16_t setProp(std::uint16_t code, const Bytes& data) {
        const auto it = props.find(code);
        if (it == props.end()) {
            return rc::DevicePropNotSupported;
        }
        PropDesc& p = it->second;
        if (!p.writable) {
            return rc::AccessDenied;
        }
        std::uint32_t v = 0;
        try {
            v = parsePropValue(p.data_type, data);
        } catch (const std::invalid_argument&) {
            return rc::InvalidDevicePropValue;
        }
        if (std::find(p.enumeration.begin(), p.enumeration.end(), v) == p.enumeration.end()) {
            return rc::InvalidDevicePropValue;
        }
        p.current_value = v;
        stats.last_settings = settings();
        return rc::OK;
    }

    void getObject(const OperationRequest& r) {
        const std::uint32_t tid = r.transaction_id;
        const Object* o = visibleObject(param(r, 0));
        if (o == nullptr || o->info.format == fmt::Association) {
            sendReply(tid, {rc::InvalidObjectHandle, {}, std::nullopt});
            return;
        }
        // The file may be spooled on disk (large frames): only the piece asked for is read.
        const std::uint64_t total = o->file.size();
        // libgphoto2 fetches large files in GetPartialObject pieces: the piece at offset 0
        // starts a download, and the download faults hit that piece.
        Bytes piece;
        bool partial = false, last = true;
        if (r.code == op::GetPartialObject) {
            const std::uint64_t off = std::min<std::uint64_t>(param(r, 1), total);
            const std::size_t n =
                static_cast<std::size_t>(std::min<std::uint64_t>(param(r, 2), total - off));
            piece = o->file.read(off, n);
            partial = true;
            last = off + n == total;
            if (off != 0) {
                if (sendReply(tid, {rc::OK, {static_cast<std::uint32_t>(n)}, std::move(piece)}) &&
                    last) {
                    ++stats.downloads;
                }
                return;
            }
        }
        if (!partial) {
            piece = o->file.contents();
        }
        const Bytes& file = piece;
        const int n = ++downloads;
        if (faultHits(SimulatorFault::Unplug, n)) {
            sendCmd(encodeStartData(tid, file.size()));
            sendCmd(encodeDataPacket(PacketType::Data, tid,
                                     std::span(file).subspan(0, file.size() / 2)));
            endSession(true);
            return;
        }
        if (faultHits(SimulatorFault::Garbage, n)) {
            Writer junk;
            junk.u32(20).u32(0x5A5AA5A5).u32(0xDEADBEEF).u32(tid).u32(0x01234567);
            sendCmd(junk.take());
            return;
        }
        if (faultHits(SimulatorFault::DropReply, n)) {
            return;
        }
        Reply rep{rc::OK, {}, file};
        if (partial) {
            rep.params = {static_cast<std::uint32_t>(file.size())};
        }
        if (faultHits(SimulatorFault::Slow, n)) {
            timers.push_back({Clock::now() + kSlowReplyDelay, [this, tid, rep, last] {
                                  if (sendReply(tid, rep) && last) {
                                      ++stats.downloads;
                                  }
                              }});
            return;
        }
        if (sendReply(tid, rep) && last) {
            ++stats.downloads;
        }
    }

    void initiateCapture(std::uint32_t tid) {
        const int n = ++captures;
        const std::uint32_t conn = connection_number;
        // libgphoto2 2.5.30's generic capture ignores a non-OK InitiateCapture response (its
        // CR() only stops on negative codes) and waits for events without limit; a camera that
        // refuses therefore also has to tell it through the event channel, or the host hangs.
        if (faultHits(SimulatorFault::Busy, n)) {
            sendReply(tid, {rc::DeviceBusy, {}, std::nullopt});
            sendEvent(ev::CaptureComplete, {tid});
            return;
        }
        if (freeImages() == 0) {
            sendReply(tid, {rc::StoreFull, {}, std::nullopt});
            sendEvent(ev::StoreFull, {kStorageId});
            return;
        }
        const CaptureSettings s = settings();
        ++stats.captures;
        stats.last_settings = s;
        const auto delay = std::chrono::duration_cast<Clock::duration>(
            std::chrono::duration<double>((s.exposure_s + options.readout_s) * options.time_scale));
        if (!sendReply(tid, {rc::OK, {}, std::nullopt})) {
            return;
        }
        if (faultHits(SimulatorFault::CardFull, n)) {
            timers.push_back({Clock::now() + delay, [this, conn] {
                                  options.card_free_images = 0;
                                  if (conn == connection_number) {
                                      sendEvent(ev::StoreFull, {kStorageId});
                                  }
                              }});
            return;
        }
        CapturedFile file = options.source(s);
        stats.produced.push_back(file);
        if (stats.produced.size() > options.keep_produced) {
            stats.produced.erase(
                stats.produced.begin(),
                stats.produced.end() - static_cast<std::ptrdiff_t>(options.keep_produced));
        }
        const std::uint32_t handle = next_handle++;
        Object o;
        o.info.storage_id = kStorageId;
        o.info.format = objectFormat(file.format);
        o.info.compressed_size = static_cast<std::uint32_t>(file.size());
        o.info.image_width = file.width;
        o.info.image_height = file.height;
        o.info.image_bit_depth = file.bit_depth;
        o.info.parent = kFolderHandle;
        o.info.filename = file.name;
        o.info.capture_date = ptpDateNow();
        o.file = std::move(file);
        objects[handle] = std::move(o);
        timers.push_back({Clock::now() + delay, [this, handle, conn, tid] {
                              objects[handle].visible = true;
                              if (options.card_free_images > 0) {
                                  --options.card_free_images;
                              }
                              refreshCard();
                              if (conn == connection_number) {
                                  sendEvent(ev::ObjectAdded, {handle});
                                  sendEvent(ev::CaptureComplete, {tid});
                              }
                          }});
    }

    void onCommandPacket(const Packet& p) {
        switch (p.type) {
            case PacketType::OperationRequest: {
                const OperationRequest r = parseOperationRequest(p.payload);
                if (r.data_phase == 2) {
                    awaiting_data = r;
                    incoming.clear();
                } else {
                    handle(r, {});
                }
                break;
            }
            case PacketType::StartData:
                parseStartData(p.payload);
                incoming.clear();
                break;
            case PacketType::Data:
            case PacketType::EndData: {
                const DataChunk d = parseDataChunk(p.payload);
                incoming.insert(incoming.end(), d.bytes.begin(), d.bytes.end());
                if (p.type == PacketType::EndData && awaiting_data) {
                    const OperationRequest r = *awaiting_data;
                    awaiting_data.reset();
                    handle(r, incoming);
                }
                break;
            }
            case PacketType::Ping:
                sendCmd(encodePacket(PacketType::Pong, {}));
                break;
            default:
                break;  // Cancel and unknown types: nothing a simulator needs to do
        }
    }

    /// One poll round: waits at most `max_wait_ms`, then handles sockets and due timers.
    void pollOnce(int max_wait_ms) {
        std::vector<pollfd> fds;
        const bool acceptPaused = Clock::now() < accept_paused_until;
        fds.push_back({listen_fd, static_cast<short>(acceptPaused ? 0 : POLLIN), 0});
        for (const auto& c : pending) {
            fds.push_back({c.fd, POLLIN, 0});
        }
        const std::size_t cmdIndex = fds.size();
        fds.push_back({cmd.fd, POLLIN, 0});  // poll ignores negative fds
        const std::size_t evtIndex = fds.size();
        fds.push_back({evt.fd, POLLIN, 0});
        int wait = max_wait_ms;
        {
            std::lock_guard lock(mu);
            const auto now = Clock::now();
            for (const auto& t : timers) {
                const auto ms =
                    std::chrono::duration_cast<std::chrono::milliseconds>(t.at - now).count();
                wait = static_cast<int>(std::clamp<long long>(ms, 0, wait));
            }
        }
        ::poll(fds.data(), fds.size(), wait);
        std::lock_guard lock(mu);
        ++stats.poll_rounds;
        if (fds[0].revents & POLLIN) {
            acceptOne();
        }
        for (std::size_t i = 0; i < cmdIndex - 1; ++i) {
            if (fds[i + 1].revents == 0) {
                continue;
            }
            Conn& c = pending[i];
            if (!readSome(c)) {
                closeFd(c.fd);
            } else {
                identify(c);
            }
        }
        std::erase_if(pending, [](const Conn& c) { return c.fd < 0; });
        if (evt.fd >= 0 && fds[evtIndex].fd == evt.fd && fds[evtIndex].revents != 0) {
            if (!readSome(evt)) {
                endSession(false);
            } else {
                evt.since = Clock::now();
                try {
                    while (auto p = nextPacket(evt)) {
                        if (p->type == PacketType::Ping) {
                            sendAll(evt.fd, encodePacket(PacketType::Pong, {}));
                        }
                    }
                } catch (const std::invalid_argument&) {
                    endSession(false);
                }
            }
        }
        if (cmd.fd >= 0 && fds[cmdIndex].fd == cmd.fd && fds[cmdIndex].revents != 0) {
            const bool alive = readSome(cmd);
            cmd.since = Clock::now();
            try {
                while (cmd.fd >= 0) {
                    auto p = nextPacket(cmd);
                    if (!p) {
                        break;
                    }
                    onCommandPacket(*p);
                }
            } catch (const std::exception&) {
                endSession(false);  // an unframeable or malformed request: drop the host
            }
            if (!alive) {
                endSession(false);
            }
        }
        dropIdle();
        const auto now = Clock::now();
        std::vector<Timer> due;
        for (auto it = timers.begin(); it != timers.end();) {
            if (it->at <= now) {
                due.push_back(std::move(*it));
                it = timers.erase(it);
            } else {
                ++it;
            }
        }
        std::sort(due.begin(), due.end(),
                  [](const Timer& a, const Timer& b) { return a.at < b.at; });
        for (auto& t : due) {
            t.action();
        }
    }
};

PtpIpSimulator::PtpIpSimulator(PtpIpSimulatorOptions options)
    : impl_(std::make_unique<Impl>(std::move(options))) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        throw std::runtime_error(std::string("PTP/IP simulator: socket: ") + std::strerror(errno));
    }
    impl_->listen_fd = fd;
    int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(impl_->options.port);
    if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(fd, 8) != 0) {
        throw std::runtime_error("PTP/IP simulator: cannot listen on 127.0.0.1:" +
                                 std::to_string(impl_->options.port) + ": " + std::strerror(errno));
    }
    socklen_t len = sizeof addr;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
}

PtpIpSimulator::~PtpIpSimulator() {
    stop();
}

std::string PtpIpSimulator::portString() const {
    return "ptpip:127.0.0.1:" + std::to_string(port_) + ":" + std::to_string(port_);
}

void PtpIpSimulator::start() {
    if (thread_.joinable()) {
        return;
    }
    stop_ = false;
    thread_ = std::thread([this] { serve(stop_); });
}

void PtpIpSimulator::stop() {
    stop_ = true;
    if (thread_.joinable()) {
        thread_.join();
    }
}

void PtpIpSimulator::serve(const std::atomic<bool>& stop_flag) {
    // The poll bound only limits how late a stop request is seen; all I/O is event-driven.
    constexpr int kStopCheckMs = 50;
    while (!stop_flag && !stop_) {
        impl_->pollOnce(kStopCheckMs);
    }
}

SimulatorStats PtpIpSimulator::stats() const {
    std::lock_guard lock(impl_->mu);
    return impl_->stats;
}

}  // namespace cm::drivers::camera
