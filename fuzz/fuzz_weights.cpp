// libFuzzer target: PyTorch weight files (zip and legacy serialisations) from arbitrary bytes.
// Every input must end in a state dict or a FormatError; anything else (a crash, a sanitizer
// report, another exception, a huge allocation) is a finding.
#include "io/bytereader.h"
#include "io/statedict.h"

#include <c10/core/ScalarType.h>

#include <cstddef>
#include <cstdint>

namespace {

volatile std::uint8_t g_sink; // keeps the reads below from being optimised away

// LibTorch is not instrumented, so its reads of a tensor are not checked; these reads of the
// first and last element of every accepted tensor are, and show the view stays in its storage.
void touchEnds(const at::Tensor &tensor)
{
    if (tensor.numel() == 0)
        return;
    const auto *base = static_cast<const volatile std::uint8_t *>(tensor.data_ptr());
    const std::size_t element = c10::elementSize(tensor.scalar_type());
    std::int64_t last = 0;
    for (std::int64_t d = 0; d < tensor.dim(); ++d)
        last += (tensor.size(d) - 1) * tensor.stride(d);
    std::uint8_t sum = 0;
    for (std::size_t b = 0; b < element; ++b)
        sum += base[b] + base[std::size_t(last) * element + b];
    g_sink = sum;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    try {
        const rs::StateDict dict = rs::readStateDict(data, size);
        for (const auto &[name, tensor] : dict.tensors)
            touchEnds(tensor);
    } catch (const rs::FormatError &) {
        // The expected refusal of a malformed file.
    }
    return 0;
}
