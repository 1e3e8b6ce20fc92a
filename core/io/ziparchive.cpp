#include "io/ziparchive.h"

#include <zlib.h>

#include <algorithm>

namespace rs {
namespace {

constexpr std::uint32_t kEndOfCentralDirectory = 0x06054b50;
constexpr std::uint32_t kZip64Locator = 0x07064b50;
constexpr std::uint32_t kZip64EndOfCentralDirectory = 0x06064b50;
constexpr std::uint32_t kCentralHeader = 0x02014b50;
constexpr std::uint32_t kLocalHeader = 0x04034b50;
constexpr std::uint32_t kNeedsZip64 = 0xffffffff;
constexpr std::size_t kEocdSize = 22;

} // namespace

ZipArchive::ZipArchive(const std::uint8_t *data, std::size_t size) : m_data(data), m_size(size)
{
    if (size < kEocdSize)
        throw FormatError("too short to be a zip archive");
    // The end record sits in the last 22 bytes plus a comment of at most 64 KiB.
    ByteReader in(data, size);
    std::size_t eocd = size - kEocdSize;
    const std::size_t lowest = size > kEocdSize + 0xffff ? size - kEocdSize - 0xffff : 0;
    for (;; --eocd) {
        in.seek(eocd);
        if (in.littleEndian<std::uint32_t>() == kEndOfCentralDirectory)
            break;
        if (eocd == lowest)
            throw FormatError("no zip end-of-central-directory record");
    }
    const auto disk = in.littleEndian<std::uint16_t>();
    const auto directoryDisk = in.littleEndian<std::uint16_t>();
    in.littleEndian<std::uint16_t>();
    std::uint64_t count = in.littleEndian<std::uint16_t>();
    in.littleEndian<std::uint32_t>();
    std::uint64_t directoryOffset = in.littleEndian<std::uint32_t>();
    if (disk != 0 || directoryDisk != 0)
        throw FormatError("multi-disk zip archives are not supported");

    if (eocd >= 20) {
        in.seek(eocd - 20);
        if (in.littleEndian<std::uint32_t>() == kZip64Locator) {
            in.littleEndian<std::uint32_t>();
            in.seek(in.littleEndian<std::uint64_t>());
            if (in.littleEndian<std::uint32_t>() != kZip64EndOfCentralDirectory)
                throw FormatError("broken zip64 end-of-central-directory record");
            in.take(8 + 2 + 2 + 4 + 4 + 8);
            count = in.littleEndian<std::uint64_t>();
            in.littleEndian<std::uint64_t>();
            directoryOffset = in.littleEndian<std::uint64_t>();
        }
    }
    readCentralDirectory(directoryOffset, count);
}

void ZipArchive::readCentralDirectory(std::size_t offset, std::uint64_t count)
{
    ByteReader in(m_data, m_size);
    in.seek(offset);
    // Each header takes at least 46 bytes: a larger count than fits is a lie, not an allocation.
    if (count > m_size / 46)
        throw FormatError("zip directory claims more entries than the file can hold");
    m_entries.reserve(count);
    for (std::uint64_t i = 0; i < count; ++i) {
        if (in.littleEndian<std::uint32_t>() != kCentralHeader)
            in.fail("broken zip central directory");
        in.take(2 + 2);
        const auto flags = in.littleEndian<std::uint16_t>();
        const auto method = in.littleEndian<std::uint16_t>();
        in.take(2 + 2);
        Entry e;
        e.crc32 = in.littleEndian<std::uint32_t>();
        std::uint64_t compressed = in.littleEndian<std::uint32_t>();
        std::uint64_t uncompressed = in.littleEndian<std::uint32_t>();
        const auto nameLength = in.littleEndian<std::uint16_t>();
        const auto extraLength = in.littleEndian<std::uint16_t>();
        const auto commentLength = in.littleEndian<std::uint16_t>();
        in.take(2 + 2 + 4);
        std::uint64_t localOffset = in.littleEndian<std::uint32_t>();
        e.name = in.string(nameLength);

        ByteReader extra(in.take(extraLength), extraLength);
        while (extra.remaining() >= 4) {
            const auto id = extra.littleEndian<std::uint16_t>();
            const auto length = extra.littleEndian<std::uint16_t>();
            ByteReader field(extra.take(length), length);
            if (id != 0x0001)
                continue;
            if (uncompressed == kNeedsZip64)
                uncompressed = field.littleEndian<std::uint64_t>();
            if (compressed == kNeedsZip64)
                compressed = field.littleEndian<std::uint64_t>();
            if (localOffset == kNeedsZip64)
                localOffset = field.littleEndian<std::uint64_t>();
        }
        in.take(commentLength);

        if (method != 0 || compressed != uncompressed)
            throw FormatError("zip entry '" + e.name
                              + "' is compressed; torch.save writes stored entries only");
        if (flags & 0x1)
            throw FormatError("zip entry '" + e.name + "' is encrypted");

        ByteReader local(m_data, m_size);
        local.seek(localOffset);
        if (local.littleEndian<std::uint32_t>() != kLocalHeader)
            throw FormatError("zip entry '" + e.name + "' has no local header");
        local.take(22);
        const auto localName = local.littleEndian<std::uint16_t>();
        const auto localExtra = local.littleEndian<std::uint16_t>();
        local.take(std::size_t(localName) + localExtra);
        e.offset = local.position();
        if (uncompressed > local.remaining())
            throw FormatError("zip entry '" + e.name + "' reaches past the end of the file");
        e.size = uncompressed;
        m_entries.push_back(std::move(e));
    }
}

const ZipArchive::Entry *ZipArchive::find(const std::string &name) const
{
    auto it = std::find_if(m_entries.begin(), m_entries.end(),
                           [&](const Entry &e) { return e.name == name; });
    return it == m_entries.end() ? nullptr : &*it;
}

ByteReader ZipArchive::read(const Entry &entry) const
{
    const std::uint8_t *p = m_data + entry.offset;
    // zlib's crc32 takes a uInt length: feed it in chunks.
    uLong crc = crc32(0L, Z_NULL, 0);
    for (std::size_t done = 0; done < entry.size;) {
        const std::size_t n = std::min<std::size_t>(entry.size - done, 1u << 30);
        crc = crc32(crc, p + done, static_cast<uInt>(n));
        done += n;
    }
    if (crc != entry.crc32)
        throw FormatError("zip entry '" + entry.name + "' is damaged (CRC mismatch)");
    return ByteReader(p, entry.size);
}

} // namespace rs
