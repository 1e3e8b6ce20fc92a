#pragma once

#include <cstdint>

namespace rs {

// The most memory this process has held resident so far (its peak RSS), in bytes.
std::int64_t peakResidentBytes();

// The machine's physical memory, in bytes.
std::int64_t physicalMemoryBytes();

// Lets glibc keep freed blocks below 32 MiB on the heap, and up to 128 MiB of free heap, for
// the next training step to reuse. By default its threshold moves with the process's history:
// a hidden-layer head could get its 2 MiB temporaries as fresh pages from the kernel every
// step, 10 times slower (57 s instead of 6 for one trial of --tune on 40 images). Idempotent;
// the process keeps the setting.
void keepFreedMemoryForReuse();

} // namespace rs
