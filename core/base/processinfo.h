#pragma once

#include <cstdint>

namespace rs {

// The most memory this process has held resident so far (its peak RSS), in bytes.
std::int64_t peakResidentBytes();

} // namespace rs
