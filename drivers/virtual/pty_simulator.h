// SPDX-License-Identifier: Apache-2.0
// Shared machinery of the instrument simulators: a pseudo-terminal served from a thread, simulated
// time, seeded readings from the virtual theatre, and the fault catalogue.
#pragma once

#include "drivers/transport/pty_pair.h"
#include "drivers/virtual/spectral_model.h"
#include "drivers/virtual/virtual_theatre.h"
#include "libmeasure/colorimetry/observer.h"

#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <thread>

namespace cm::drivers::virt {

enum class Fault {
    None,
    Unplug,     ///< the pty closes in the middle of a measurement
    Garbage,    ///< noise bytes instead of / before the reply
    DropReply,  ///< one measurement is never answered
    Slow,       ///< one reply arrives after the driver's timeout
    OverRange,  ///< the instrument's "too bright" answer
    TooDark,    ///< the instrument's "too dark" answer
    ErrorCode,  ///< another instrument error code
};

/// "none", "unplug", "garbage", "drop", "slow", "over-range", "too-dark", "error-code".
Fault parseFault(const std::string& name);

struct SimulatorCommon {
    double time_scale = 0.0;  ///< real seconds per simulated second (0: answer at once)
    std::uint64_t seed = 1;
    Fault fault = Fault::None;
    int fault_at_measurement = 1;  ///< 1-based measurement the fault hits
    /// Colour-matching functions a simulated spectroradiometer integrates its spectrum with
    /// (the app hands it the CIE 1931 table from calibration/cie); null: the instrument's "own"
    /// CMFs, the Wyman–Sloan–Shirley fit (spectral_model.h), a few tenths of a percent away.
    std::shared_ptr<const colorimetry::Observer> observer;
};

/// Derived simulators must call stop() in their own destructor: the serving thread calls onByte(),
/// which must not run while the derived part is being destroyed.
class PtySimulator {
public:
    PtySimulator(std::shared_ptr<const VirtualTheatre> theatre, SimulatorCommon common);
    virtual ~PtySimulator();
    PtySimulator(const PtySimulator&) = delete;
    PtySimulator& operator=(const PtySimulator&) = delete;

    const std::string& devicePath() const { return pty_.slavePath(); }
    void start();
    void stop();
    /// Serves on the calling thread until `stop_flag` (or stop()).
    void serve(const std::atomic<bool>& stop_flag);
    int measurementsServed() const { return measurements_; }
    /// Instrument seconds simulated so far (what the real instrument would have taken).
    double simulatedSeconds() const { return static_cast<double>(simulated_us_.load()) * 1e-6; }

protected:
    /// Called with every byte the driver sends.
    virtual void onByte(char c) = 0;
    /// Called on the serving thread about every 20 ms whether or not bytes arrived: lets a
    /// simulator stream unsolicited data (e.g. the K10's flicker packets).
    virtual void onIdle() {}

    void send(const std::string& bytes);
    /// Assembles command lines for CR/LF-terminated protocols: a complete, non-empty line when
    /// `c` ends one, else nullopt.
    std::optional<std::string> takeLine(char c);
    void sleepSimulated(double seconds);
    void unplug() { pty_.closeMaster(); }
    /// Starts a measurement: returns its 1-based number and whether the configured fault hits it.
    std::pair<int, bool> nextMeasurement();
    /// True light at the aim over the acceptance angle, and the seeded noisy reading of it: the
    /// noise is keyed on (seed, the theatre's task, the k-th measurement within that task).
    colorimetry::XYZ truth(double acceptance_angle_deg) const;
    /// With `averages` exposures averaged into the reading its random noise is σ / √averages.
    colorimetry::XYZ noisy(const colorimetry::XYZ& truth, int measurement, int averages = 1);
    /// The simulators' low-light model (our reading, not a maker's figure): a read-noise-limited
    /// detector whose signal-to-noise ratio grows with the integration time and with the square
    /// root of the exposures averaged; the instrument refuses a reading ("too dark") below a fixed
    /// ratio. So the lowest readable level is `floor_ref_cdm2` (at `ref_s`, one exposure) scaled
    /// by ref_s / integration_s and by 1 / √averages.
    static double readableFloor_cdm2(double floor_ref_cdm2, double ref_s, double integration_s,
                                     int averages);
    /// The spectral radiance behind a reading: the theatre's primaries mixed to `xyz` on the
    /// instrument's grid, seen through its bandwidth (FWHM, nm).
    colorimetry::Spectrum spectrumOf(const colorimetry::XYZ& xyz, const SpectralGrid& grid,
                                     double bandwidth_nm) const;

    std::shared_ptr<const VirtualTheatre> theatre_;
    std::atomic<std::uint64_t> simulated_us_{0};
    SimulatorCommon common_;

private:
    PtyPair pty_;
    std::thread thread_;
    std::atomic<bool> stop_{false};
    std::atomic<int> measurements_{0};
    bool faulted_ = false;
    std::uint64_t noiseTask_ = ~0ull;
    std::uint64_t withinTask_ = 0;
    std::string line_;
};

}  // namespace cm::drivers::virt
