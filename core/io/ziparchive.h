#pragma once

#include "io/bytereader.h"

#include <cstdint>
#include <string>
#include <vector>

namespace rs {

// Reads the stored (uncompressed) entries of a zip archive held in memory, as torch.save's
// zip format writes them. Compressed entries, multi-disk archives and entries reaching
// outside the buffer are refused with a FormatError.
class ZipArchive
{
public:
    struct Entry
    {
        std::string name;
        std::size_t offset = 0; // of the entry's data within the archive
        std::size_t size = 0;
        std::uint32_t crc32 = 0;
    };

    ZipArchive(const std::uint8_t *data, std::size_t size);

    const std::vector<Entry> &entries() const { return m_entries; }
    const Entry *find(const std::string &name) const;

    // The entry's bytes, after checking its CRC-32 so a damaged file is caught here.
    ByteReader read(const Entry &entry) const;

private:
    void readCentralDirectory(std::size_t offset, std::uint64_t count);

    const std::uint8_t *m_data;
    std::size_t m_size;
    std::vector<Entry> m_entries;
};

} // namespace rs
