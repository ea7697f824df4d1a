// SPDX-License-Identifier: Apache-2.0
// createLarge: a large grid is backed by transparent huge pages when the kernel hands them out only
// on request (THP "madvise", as on the CI machines), and a plain matrix is not.
#include "libmeasure/imaging/huge_pages.h"

#include "tests/skip.h"

#include <catch2/catch.hpp>

#include <cstdint>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

namespace {

std::string thpMode() {
    std::ifstream in("/sys/kernel/mm/transparent_hugepage/enabled");
    std::string line;
    std::getline(in, line);
    return line;
}

/// AnonHugePages (kB) of the mapping that holds address p, from /proc/self/smaps.
long hugeKbAt(const void* p) {
    std::ifstream in("/proc/self/smaps");
    const auto a = reinterpret_cast<std::uintptr_t>(p);
    std::string line;
    bool inside = false;
    while (std::getline(in, line)) {
        unsigned long lo = 0, hi = 0;
        char dash = 0;
        std::istringstream head(line);
        if (head >> std::hex >> lo >> dash >> hi && dash == '-') {
            inside = a >= lo && a < hi;
            continue;
        }
        if (inside && line.rfind("AnonHugePages:", 0) == 0) {
            return std::stol(line.substr(14));
        }
    }
    return -1;
}

}  // namespace

TEST_CASE("huge_pages: a large grid made by createLarge is backed by huge pages, a plain one not") {
    const std::string mode = thpMode();
    if (mode.find("[madvise]") == std::string::npos) {
        // "always": every large buffer gets them, advised or not; "never" or no THP: none does.
        cm::test::skipTest(("transparent huge pages are not in madvise mode here: " +
                            (mode.empty() ? std::string("no THP") : mode))
                               .c_str());
    }
    const cv::Size size(4096, 4096);  // 64 MiB of floats, as a wall's per-LED grid
    cv::Mat advised;
    cm::imaging::createLarge(advised, size, CV_32FC1);
    cv::Mat plain(size, CV_32FC1);
    std::memset(advised.data, 1, advised.total() * advised.elemSize());
    std::memset(plain.data, 1, plain.total() * plain.elemSize());
    // The middle of each buffer: the advice splits the mapping, and its first bytes (before the
    // first 2 MiB boundary) stay in a part without it.
    const std::size_t half = advised.total() * advised.elemSize() / 2;
    const long advisedKb = hugeKbAt(advised.data + half), plainKb = hugeKbAt(plain.data + half);
    INFO("AnonHugePages: advised " << advisedKb << " kB, plain " << plainKb << " kB");
    REQUIRE(plainKb == 0);     // the control: without the advice, no huge page
    CHECK(advisedKb >= 2048);  // at least one 2 MiB page (compaction may not find them all)
    // Same size and type again: the buffer and its pages are kept, as cv::Mat::create does.
    const uchar* before = advised.data;
    cm::imaging::createLarge(advised, size, CV_32FC1);
    CHECK(advised.data == before);
    CHECK(advised.size() == size);
    CHECK(advised.type() == CV_32FC1);
}
