// SPDX-License-Identifier: Apache-2.0
// A PTP/IP camera on 127.0.0.1: the packets, operations, datasets and events the stock libgphoto2
// 2.5.30 ptp2/ptpip drivers expect (see README.md), with exposure timing and injected faults.
#pragma once

#include "drivers/camera/camera_types.h"

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace cm::drivers::camera {

/// Faults, in the vocabulary of the pty simulators plus the two only a camera has.
enum class SimulatorFault {
    None,
    Unplug,     ///< the n-th download: half the data, then both sockets reset (camera gone)
    Garbage,    ///< the n-th download: a junk packet instead of the data phase
    DropReply,  ///< the n-th download is never answered (the host times out)
    Slow,       ///< the n-th download is answered after the host's 2.5 s PTP/IP timeout
    Busy,       ///< the n-th capture is refused with DeviceBusy (0x2019)
    CardFull,   ///< the card runs full during the n-th capture (StoreFull event, 0 free after)
};

/// "none", "unplug", "garbage", "drop", "slow", "busy", "card-full"; throws otherwise.
SimulatorFault parseSimulatorFault(const std::string& name);
const char* toString(SimulatorFault f);

struct PtpIpSimulatorOptions {
    std::uint16_t port = 0;  ///< TCP port for both channels; 0 = kernel-chosen
    std::string manufacturer = "CinemaSim";
    std::string model = "PTPIP Simulator";
    std::string device_version = "1.0";
    std::string serial = "SIM0001";
    /// Real seconds per camera second for exposure + readout (0: events as soon as possible).
    double time_scale = 0.0;
    double readout_s = 0.25;  ///< sensor readout and card write after the exposure
    SimulatorFault fault = SimulatorFault::None;
    int fault_at = 1;  ///< 1-based capture (busy, card-full) or download (others) it hits
    std::uint32_t card_free_images = 1000;
    std::uint64_t card_capacity_bytes = 32ull << 30;
    FrameSource source;  ///< empty: testPatternTiff
    /// How many of the last frames made stay in SimulatorStats::produced (for tests to compare
    /// against); older ones are released, and their spool files removed once off the card.
    std::size_t keep_produced = 16;
    /// Connection hygiene: a connection that has not identified itself (its first packet) within
    /// `pending_timeout_s` is closed; at most `max_pending` such connections are held (more are
    /// closed on accept); an established host silent on both channels for `idle_timeout_s` is
    /// disconnected. When the process runs out of descriptors (EMFILE) accepting pauses briefly
    /// instead of spinning.
    double pending_timeout_s = 5.0;
    int max_pending = 8;
    double idle_timeout_s = 600.0;
};

/// Counters and the card as the test sees them (thread-safe snapshot).
struct SimulatorStats {
    int connections = 0;  ///< PTP/IP connections completed (command + event channel)
    int captures = 0;     ///< exposures started
    int downloads = 0;    ///< complete GetObject data phases sent
    int deletes = 0;
    int dropped = 0;       ///< connections closed unidentified, over the cap, or idle
    long poll_rounds = 0;  ///< iterations of the serving loop (a spin shows as thousands a second)
    std::vector<CapturedFile> card;      ///< files now on the card
    std::vector<CapturedFile> produced;  ///< the last keep_produced frames made, in order
    CaptureSettings last_settings;       ///< the settings of the last capture
};

class PtpIpSimulator {
public:
    /// Binds and listens at once, so port() is valid and clients may connect before start().
    /// Throws std::runtime_error when the port cannot be bound.
    explicit PtpIpSimulator(PtpIpSimulatorOptions options);
    ~PtpIpSimulator();
    PtpIpSimulator(const PtpIpSimulator&) = delete;
    PtpIpSimulator& operator=(const PtpIpSimulator&) = delete;

    std::uint16_t port() const { return port_; }
    /// libgphoto2 port path, "ptpip:127.0.0.1:P:P" (the event port must be given explicitly:
    /// libgphoto2 otherwise connects the event channel to 15740).
    std::string portString() const;

    /// Serves on a background thread until stop() or destruction.
    void start();
    void stop();
    /// Serves on the calling thread until `stop_flag` is set (or stop()).
    void serve(const std::atomic<bool>& stop_flag);

    SimulatorStats stats() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
    std::uint16_t port_ = 0;
    std::thread thread_;
    std::atomic<bool> stop_{false};
};

}  // namespace cm::drivers::camera
