#include "base/processinfo.h"

#include <sys/resource.h>

namespace rs {

std::int64_t peakResidentBytes()
{
    rusage usage{};
    if (getrusage(RUSAGE_SELF, &usage) != 0)
        return 0;
    return std::int64_t(usage.ru_maxrss) * 1024; // Linux reports KiB
}

} // namespace rs
