// SPDX-License-Identifier: Apache-2.0
// Registers the argyll family: any ArgyllCMS meter through spotread (no simulator, own link).
#include "drivers/argyll/device.h"
#include "drivers/families.h"

namespace cm::drivers::argyll {

namespace {

Family argyllFamily() {
    Family f;
    f.id = "argyll";
    f.description =
        "Any meter ArgyllCMS supports (i1Display, i1Pro, ColorMunki, Spyder, "
        "Colorimetry Research, K10, specbos ...), through its spotread program";
    f.description_zh =
        "ArgyllCMS 支持的任意测量仪（i1Display、i1Pro、ColorMunki、Spyder、"
        "Colorimetry Research、K10、specbos 等），经由其 spotread 程序";
    f.link = "ArgyllCMS spotread subprocess; --port = spotread -? list number or path";
    f.spectral = true;  // when the meter behind spotread gives a spectrum (spotread -s)
    f.line = {9600, 8, 'N', 1, false};  // unused: spotread opens the port itself
    // No USB table: spotread finds its own meters (its udev rules ship with Debian's argyll).
    f.openPort = [](const std::string& port, double) -> std::unique_ptr<SpotInstrument> {
        ArgyllOptions o;
        o.port = port;
        return std::make_unique<ArgyllDevice>(o);
    };
    return f;
}

const FamilyRegistration kRegistration{argyllFamily()};

}  // namespace

}  // namespace cm::drivers::argyll
