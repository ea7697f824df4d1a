// PR-6xx simulator on a pseudo-terminal: answers the remote-mode protocol byte for byte, reads the
// virtual theatre at the current aim, takes as long as the instrument would, and injects faults.
#pragma once

#include "drivers/transport/pty_pair.h"
#include "drivers/virtual/virtual_theatre.h"

#include <atomic>
#include <memory>
#include <string>
#include <thread>

namespace cm::drivers::pr6xx {

enum class Fault {
    None,
    Unplug,     ///< the pty closes in the middle of a measurement
    Garbage,    ///< noise bytes before the reply
    DropReply,  ///< one measurement is never answered
    Slow,       ///< the reply comes after the driver's timeout would expire (one measurement)
    OverRange,  ///< -2 overload
    TooDark,    ///< -8 weak light
    ErrorCode,  ///< -12 adaptive time-out
};

/// Parses "unplug", "garbage", "drop", "slow", "over-range", "too-dark", "error-code", "none".
Fault parseFault(const std::string& name);

struct SimulatorOptions {
    std::string model = "PR-670";
    std::string serial = "67012345";
    std::string firmware = "1.3.2";
    double time_scale = 0.0;    ///< real seconds per simulated second
    std::uint64_t seed = 1;
    std::uint64_t first_index = 0;  ///< measurements already taken (resume)
    Fault fault = Fault::None;
    int fault_at_measurement = 1;   ///< 1-based measurement the fault hits
};

class Pr6xxSimulator {
public:
    Pr6xxSimulator(std::shared_ptr<const virt::VirtualTheatre> theatre, SimulatorOptions options);
    ~Pr6xxSimulator();

    /// Device path the driver opens (the pty's slave side).
    const std::string& devicePath() const { return pty_.slavePath(); }
    /// Serves in a background thread until stop() or destruction.
    void start();
    void stop();
    /// Serves on the calling thread until `stop_flag` becomes true (for `cinemeasure sim`).
    void serve(const std::atomic<bool>& stop_flag);
    int measurementsServed() const { return measurements_; }

private:
    std::string handle(const std::string& command);
    std::string measureReply();
    void send(const std::string& line);
    void sleepSimulated(double seconds);

    std::shared_ptr<const virt::VirtualTheatre> theatre_;
    SimulatorOptions options_;
    PtyPair pty_;
    std::thread thread_;
    std::atomic<bool> stop_{false};
    std::atomic<int> measurements_{0};
    bool remote_ = false;
    bool faulted_ = false;
    double last_exposure_ms_ = 0.0;
    std::string collected_;
};

}  // namespace cm::drivers::pr6xx
