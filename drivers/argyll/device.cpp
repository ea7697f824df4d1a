// SPDX-License-Identifier: Apache-2.0
// ArgyllCMS spotread subprocess device.
#include "drivers/argyll/device.h"

#include "drivers/transport/child_process.h"

#include <cstdio>

namespace cm::drivers::argyll {

namespace {
constexpr auto kUsageTimeout = std::chrono::milliseconds(60000);
// spotread asks before retrying after a misread or a communication failure; we answer "q" (give
// up) and report the error instead (one reading per request, recovery is the caller's).
constexpr const char* kRetryPrompt = "to give up, any other key to retry";

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

procedure::Reading ArgyllDevice::measure() {
    const std::string output = run();
    // "-s" on a meter without spectra (a colorimeter) ends spotread with "Need spectral
    // information for custom illuminant or observer and instrument doesn't support it" (2.3.1) or
    // "Instrument didn't return spectral data": read without it from now on.
    if (options_.spectrum && output.find("Result is XYZ:") == std::string::npos &&
        (output.find("Need spectral information") != std::string::npos ||
         output.find("didn't return spectral data") != std::string::npos)) {
        options_.spectrum = false;
        return measure();
    }
    return toReading(output);
}

std::string ArgyllDevice::run() {
    std::vector<std::string> argv = {options_.program};
    for (auto& a : readingArguments(port_.number, options_.spectrum)) {
        argv.push_back(std::move(a));
    }
    const auto start = std::chrono::steady_clock::now();
    ChildProcess child(argv, options_.env);
    std::size_t answered = 0;
    while (!child.poll(std::chrono::milliseconds(20))) {
        lastRun_ = std::chrono::steady_clock::now() - start;
        const auto at = child.output().find(kRetryPrompt, answered);
        if (at != std::string::npos) {
            child.write("q");
            answered = at + 1;
        }
        if (std::chrono::steady_clock::now() - start > options_.run_timeout) {
            child.kill();
            throw InstrumentError(ErrorKind::Timeout,
                                  "ArgyllCMS spotread gave no reading within " +
                                      std::to_string(options_.run_timeout.count() / 1000) + " s");
        }
    }
    return child.result().output;
}

procedure::Reading ArgyllDevice::toReading(const std::string& output) const {
    const SpotreadReading s = parseReading(output);
    procedure::Reading out;
    out.xyz_cdm2 = s.xyz_cdm2;
    // spotread does not report the integration time; the run's duration goes into the status.
    char took[64];
    std::snprintf(took, sizeof took, "ok (spotread run %.1f s)",
                  std::chrono::duration<double>(lastRun_).count());
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
