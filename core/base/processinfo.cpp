#include "base/processinfo.h"

#include <malloc.h>
#include <sys/resource.h>

#include <mutex>

#include <unistd.h>

namespace rs {

std::int64_t peakResidentBytes()
{
    rusage usage{};
    if (getrusage(RUSAGE_SELF, &usage) != 0)
        return 0;
    return std::int64_t(usage.ru_maxrss) * 1024; // Linux reports KiB
}

std::int64_t physicalMemoryBytes()
{
    return std::int64_t(sysconf(_SC_PHYS_PAGES)) * sysconf(_SC_PAGE_SIZE);
}

void keepFreedMemoryForReuse()
{
    static std::once_flag once;
    std::call_once(once, [] {
        mallopt(M_MMAP_THRESHOLD, 32 << 20);
        mallopt(M_TRIM_THRESHOLD, 128 << 20);
    });
}

} // namespace rs
