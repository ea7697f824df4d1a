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
    int wran_beg_nm = 350;      ///< the predefined range (*para:wavbeg?, *para:wavend?)
    int wran_end_nm = 1000;
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
    /// An injected too-dark fault stays while the run tries a longer ceiling or averaging (so the
    /// operator is still asked); it ends at the next *init with the defaults.
    bool darkFault_ = false;
};

}  // namespace cm::drivers::specbos
