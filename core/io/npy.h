#pragma once

#include <QString>

#include <cstdint>
#include <stdexcept>
#include <vector>

namespace rs {

// A float32 array in NumPy's .npy format (version 1.0, little-endian, C order), the format
// `numpy.load` reads. Other dtypes are not needed by this application.
struct NpyArray
{
    std::vector<std::int64_t> shape;
    std::vector<float> values;
};

class NpyError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

// Writes atomically (a temporary file renamed into place). Throws NpyError.
void writeNpy(const QString &path, const NpyArray &array);
// Reads '<f4' arrays; float64 ('<f8') is converted. Throws NpyError naming the file.
NpyArray readNpy(const QString &path);

} // namespace rs
