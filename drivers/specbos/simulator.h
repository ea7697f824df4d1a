// SPDX-License-Identifier: Apache-2.0
// specbos simulator on a pseudo-terminal, faults injectable.
#pragma once

#include "drivers/virtual/pty_simulator.h"

#include <string>
#include <vector>

namespace cm::drivers::specbos {

struct SimulatorOptions {
    std::string idn = "JETI_SB1211";
    std::string serial = "61234";
    std::string firmware = "4.2.1";
    /// The instrument's predefined (calibrated) wavelength range, *para:wavbeg? / *para:wavend?.
    int wavbeg_nm = 350;
    int wavend_nm = 1000;
    virt::SimulatorCommon common;
};

/// Settings that *conf:default restores (the *conf group is volatile, *para persistent).
struct SpecbosConf {
    double maxtin_ms = 3000.0;  ///< auto-exposure ceiling
    int func = 6;               ///< measurement function (6 = radiometric spectrum)
    int form = 4;               ///< output format (4 = ASCII)
    int wran_beg_nm = 380;
    int wran_end_nm = 780;
    int wran_step_nm = 1;
    int aver = 1;
    int expo = 1;  ///< 1 = automatic exposure
    int cycmod = 0;
    double cyctim_us = 0.0;
};

class SpecbosSimulator final : public virt::PtySimulator {
public:
    SpecbosSimulator(std::shared_ptr<const virt::VirtualTheatre> theatre, SimulatorOptions options);
    ~SpecbosSimulator() override { stop(); }

private:
    void onByte(char c) override;
    void handle(const std::string& command);
    void init();
    /// *para:wavbeg?, *para:wavend?, *fetch:sprad; false for any other command.
    bool handleSpectral(const std::string& command);
    /// Simulated wavelength range (the 1211's 380–780 nm), 1 nm steps.
    static constexpr double kWavBeg_nm = 380.0;
    static constexpr double kWavEnd_nm = 780.0;
    void line(const std::string& text);
    void ack();
    void nak(int code);

    SimulatorOptions options_;
    std::string collected_;
    int lastError_ = 0;
    bool haveData_ = false;
    colorimetry::XYZ last_;
    SpecbosConf conf_;
    int calibn_ = 0;
    int laser_ = 0;
};

/// A smooth three-band radiance spectrum (W/(sr m² nm), one value per `step_nm` from `begin_nm`
/// to `end_nm`) whose CIE 1931 XYZ equals `xyz` (cd/m² scale) for colours inside the band
/// triangle; outside it the negative weights are clipped. The simulator's stand-in for a projector
/// spectrum; XYZ is computed with the Wyman–Sloan–Shirley (2013) multi-lobe fit of the CIE 1931
/// 2° functions (JCGT 2(2)), which matches the tables to about 1 %.
std::vector<double> bandSpectrum(const colorimetry::XYZ& xyz, int begin_nm, int end_nm,
                                 int step_nm);

}  // namespace cm::drivers::specbos
