#pragma once

#include <atomic>
#include <stdexcept>

namespace rs {

// Long jobs poll a CancelFlag between units of work and stop by throwing Cancelled, which
// the job's owner catches; files already written stay whole.
using CancelFlag = std::atomic_bool;

class Cancelled : public std::runtime_error
{
public:
    Cancelled() : std::runtime_error("cancelled") {}
};

inline void throwIfCancelled(const CancelFlag *cancel)
{
    if (cancel && cancel->load(std::memory_order_relaxed))
        throw Cancelled();
}

} // namespace rs
