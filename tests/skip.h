// SPDX-License-Identifier: Apache-2.0
// Visible test skips: a test that cannot run here says why and exits 77, which CTest reports as
// "Skipped" (SKIP_RETURN_CODE in tests/CMakeLists.txt) instead of counting it as passed.
#pragma once

#include <cstdio>
#include <cstdlib>

namespace cm::test {

/// Ends the current test process as skipped. Each Catch2 test case runs in its own process under
/// CTest, so no other test is affected.
[[noreturn]] inline void skipTest(const char* reason) {
    std::printf("SKIPPED: %s\n", reason);
    std::fflush(stdout);
    std::_Exit(77);
}

}  // namespace cm::test
