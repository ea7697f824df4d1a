// SPDX-License-Identifier: Apache-2.0
// libFuzzer entry point for the profile parser (built with -DCINEMEASURE_BUILD_FUZZERS=ON and
// clang).
#include "tests/fuzz/fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    cm::fuzz::profile(data, size);
    return 0;
}
