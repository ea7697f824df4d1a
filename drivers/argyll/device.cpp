// SPDX-License-Identifier: Apache-2.0
// ArgyllCMS spotread subprocess device.
#include "drivers/argyll/device.h"

#include "drivers/transport/child_process.h"

#include <cstdio>

namespace cm::drivers::argyll {

namespace {
constexpr auto kUsageTimeout = std::chrono::milliseconds(60000);

std::string usageText(const ArgyllOptions& o) {
    const ChildResult r = runChild({o.program, "-?"}, kUsageTimeout, o.env);
    if (r.timed_out || r.output.find("usage: spotread") == std::string::npos) {
        throw InstrumentError(ErrorKind::Disconnected,
                              "ArgyllCMS '" + o.program + " -?' gave no usage text");
    }
    return r.output;
}
}  // namespace

std::vector<PortEntry> listMeters(const ArgyllOptions& options) {
    return parsePortList(usageText(options));
}

ArgyllDevice::ArgyllDevice(ArgyllOptions options) : options_(std::move(options)) {
    const std::string usage = usageText(options_);
    const auto ports = parsePortList(usage);
    const PortEntry* p = nullptr;
    if (options_.port.empty()) {
        for (const auto& e : ports) {
            if (!e.instrument.empty()) {
                p = &e;
                break;
            }
        }
    } else {
        p = findPort(ports, options_.port);
    }
    if (p == nullptr) {
        throw InstrumentError(ErrorKind::Disconnected,
                              "ArgyllCMS spotread does not list port '" + options_.port + "'");
    }
    port_ = *p;
    info_.family = "argyll";
    info_.model = port_.instrument.empty() ? "unidentified meter (ArgyllCMS)" : port_.instrument;
    info_.serial = "";  // spotread does not print it outside its debug output
    info_.firmware = "via ArgyllCMS spotread " + parseVersion(usage);
    info_.acceptance_angle_deg = 0.0;  // unknown: depends on the meter behind spotread
}

procedure::InstrumentInfo ArgyllDevice::identify() {
    return info_;
}

Capabilities ArgyllDevice::capabilities() const {
    // The meter is not known to us: the conservative colorimeter-class figures (no screen-specific
    // correction); the operator states better ones in the run if the meter has them.
    Capabilities c;
    c.acceptance_angle_deg = 0.0;
    c.spectral = options_.spectrum;
    c.luminance_uncertainty_rel = 0.03;
    c.chromaticity_uncertainty_xy = 0.004;
    return c;
}

ArgyllDevice::~ArgyllDevice() {
    endSession();
}

namespace {
/// "-s" on a meter without spectra (a colorimeter) ends spotread with "Need spectral information
/// for custom illuminant or observer and instrument doesn't support it" (2.3.1) or "Instrument
/// didn't return spectral data".
bool noSpectrum(const std::string& out) {
    return out.find("Need spectral information") != std::string::npos ||
           out.find("didn't return spectral data") != std::string::npos;
}
}  // namespace

void ArgyllDevice::startSession() {
    for (int attempt = 0; attempt < 2; ++attempt) {
        std::vector<std::string> argv = {options_.program};
        for (auto& a : sessionArguments(port_.number, options_.spectrum)) {
            argv.push_back(std::move(a));
        }
        session_ = std::make_unique<ChildProcess>(argv, options_.env);
        ++sessions_started_;
        const auto start = std::chrono::steady_clock::now();
        for (;;) {
            const bool exited = session_->poll(std::chrono::milliseconds(20));
            const std::string& out = session_->output();
            if (out.find(kReadPrompt) != std::string::npos) {
                return;
            }
            if (exited || out.find(kRetryPrompt) != std::string::npos) {
                const std::string o = out;
                endSession();
                if (options_.spectrum && noSpectrum(o)) {
                    options_.spectrum = false;  // a colorimeter: read without it from now on
                    break;
                }
                throw classifyFailure(o);
            }
            if (std::chrono::steady_clock::now() - start > options_.run_timeout) {
                endSession();
                throw InstrumentError(ErrorKind::Timeout,
                                      "ArgyllCMS spotread did not get ready within " +
                                          std::to_string(options_.run_timeout.count() / 1000) +
                                          " s");
            }
        }
    }
    throw InstrumentError(ErrorKind::Protocol, "ArgyllCMS spotread did not start a session");
}

void ArgyllDevice::endSession() {
    if (!session_) {
        return;
    }
    // Q leaves spotread's reading loop; it may then ask "give up or retry": Q again.
    session_->write("q");
    std::size_t answered = session_->output().size();
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
    while (!session_->poll(std::chrono::milliseconds(20)) &&
           std::chrono::steady_clock::now() < deadline) {
        const auto at = session_->output().find(kRetryPrompt, answered);
        if (at != std::string::npos) {
            session_->write("q");
            answered = at + 1;
        }
    }
    session_.reset();  // kills what did not exit
}

procedure::Reading ArgyllDevice::measure() {
    // A session that died between readings (killed, crashed; found out only when the key press
    // gets no answer) is started again once and the reading taken there.
    for (int attempt = 1;; ++attempt) {
        if (session_ && session_->poll(std::chrono::milliseconds(0))) {
            session_.reset();  // spotread ended since the last reading: start it again
        }
        if (!session_) {
            startSession();
        }
        const std::size_t from = session_->output().size();
        const auto start = std::chrono::steady_clock::now();
        session_->write(kReadKey);
        for (;;) {
            const bool exited = session_->poll(std::chrono::milliseconds(20));
            const std::string& out = session_->output();
            const auto retry = out.find(kRetryPrompt, from);
            const auto prompt = out.find(kReadPrompt, from);
            if (prompt != std::string::npos && retry == std::string::npos) {
                // The reading (or a misread, which spotread reports and then prompts again: the
                // session goes on, the error goes to the caller).
                lastReading_ = std::chrono::steady_clock::now() - start;
                return toReading(out.substr(from, prompt - from));
            }
            if (retry != std::string::npos || exited) {
                // A communication failure (spotread asks whether to retry) or spotread ended:
                // report it; the next reading starts a new session.
                const std::string segment = out.substr(from);
                endSession();
                const bool silentDeath = exited && retry == std::string::npos &&
                                         segment.find_first_not_of(" \n") == std::string::npos;
                if (silentDeath && attempt == 1) {
                    break;
                }
                throw classifyFailure(segment);
            }
            if (std::chrono::steady_clock::now() - start > options_.run_timeout) {
                endSession();
                throw InstrumentError(ErrorKind::Timeout,
                                      "ArgyllCMS spotread gave no reading within " +
                                          std::to_string(options_.run_timeout.count() / 1000) +
                                          " s");
            }
        }
    }
}

procedure::Reading ArgyllDevice::toReading(const std::string& output) const {
    const SpotreadReading s = parseReading(output);
    procedure::Reading out;
    out.xyz_cdm2 = s.xyz_cdm2;
    // spotread does not report the integration time; the reading's duration goes into the status.
    char took[64];
    std::snprintf(took, sizeof took, "ok (spotread reading %.1f s)",
                  std::chrono::duration<double>(lastReading_).count());
    out.status = took;
    out.timestamp_utc = utcNowIso8601();
    out.instrument = info_;
    out.spectrum_start_nm = s.spectrum_start_nm;
    out.spectrum_step_nm = s.spectrum_step_nm;
    out.spectral_radiance = s.spectral_radiance;
    const auto line = output.rfind("Result is XYZ:");
    out.raw_reply = output.substr(line, output.find('\n', line) - line);
    const Capabilities c = capabilities();
    out.u_luminance_rel = c.luminance_uncertainty_rel;
    out.u_chromaticity_xy = c.chromaticity_uncertainty_xy;
    return out;
}

}  // namespace cm::drivers::argyll
