#pragma once

#include <ATen/core/Tensor.h>

#include <QString>

#include <string>
#include <utility>
#include <vector>

namespace rs {

// A flat mapping from parameter names to tensors, as torch.save(model.state_dict()) writes.
struct StateDict
{
    enum class Format { Zip, Legacy };
    Format format = Format::Zip;
    std::vector<std::pair<std::string, at::Tensor>> tensors; // in file order
};

const char *formatName(StateDict::Format format);

// Reads a .pth file in either of PyTorch's serialisations without running any of its code.
// Throws FormatError naming the reason; the caller adds the file name.
StateDict readStateDict(const QString &path);

// The same from bytes already in memory (tests and fuzzing use this directly).
StateDict readStateDict(const std::uint8_t *data, std::size_t size);

} // namespace rs
