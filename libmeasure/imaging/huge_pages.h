// SPDX-License-Identifier: Apache-2.0
// Large buffers (frames, per-LED grids of a wall) backed by transparent huge pages where the
// kernel offers them. A fresh 4 KiB page costs one page fault on first touch; under a hypervisor
// that fault is slow (about 10 µs on the project's 2-core CI class of virtual machine: 176 MB
// touched in 0.48 s, against 0.02 s in 2 MiB pages), so the cell grids of a 45 MP wall cost more
// to fault in than to compute. With the advice one fault maps 2 MiB. Only a hint: no result
// depends on it.
#pragma once

#include <opencv2/core.hpp>

#include <cstddef>

namespace cm::imaging {

/// Asks the kernel to back the whole 2 MiB pages inside [p, p + bytes) with transparent huge pages
/// when they are first touched. Does nothing below 4 MiB, off Linux, or when the kernel refuses.
void adviseHugePages(const void* p, std::size_t bytes) noexcept;

/// m.create(size, type), then the advice for the new buffer. A matrix already of that size and
/// type keeps its buffer (and its pages), as with cv::Mat::create.
void createLarge(cv::Mat& m, cv::Size size, int type);

}  // namespace cm::imaging
