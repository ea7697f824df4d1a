// SPDX-License-Identifier: Apache-2.0
#include "libmeasure/imaging/huge_pages.h"

#include <cstdint>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace cm::imaging {

void adviseHugePages(const void* p, std::size_t bytes) noexcept {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    constexpr std::uintptr_t kHuge = std::uintptr_t{2} << 20;
    if (p == nullptr || bytes < 2 * kHuge) {
        return;
    }
    // Only the whole huge pages inside the buffer: the advice applies to page ranges, and the
    // bytes before and after belong to the allocator or to other blocks.
    const auto begin = reinterpret_cast<std::uintptr_t>(p);
    const std::uintptr_t lo = (begin + kHuge - 1) & ~(kHuge - 1);
    const std::uintptr_t hi = (begin + bytes) & ~(kHuge - 1);
    if (hi > lo) {
        // A refusal (EINVAL on a kernel without THP) leaves ordinary pages: nothing to report.
        (void)::madvise(reinterpret_cast<void*>(lo), hi - lo, MADV_HUGEPAGE);
    }
#else
    (void)p;
    (void)bytes;
#endif
}

void createLarge(cv::Mat& m, cv::Size size, int type) {
    const bool fresh = m.size() != size || m.type() != type || m.empty();
    m.create(size, type);
    if (fresh && m.isContinuous()) {
        adviseHugePages(m.data, m.total() * m.elemSize());
    }
}

}  // namespace cm::imaging
