#include "images/imageheader.h"

#include <cstdlib>

namespace rs {
namespace {

class Bytes
{
public:
    explicit Bytes(const QByteArray &bytes) : m_p(reinterpret_cast<const std::uint8_t *>(bytes.constData())), m_n(bytes.size()) {}

    bool has(qsizetype offset, qsizetype count) const { return offset >= 0 && count >= 0 && offset + count <= m_n; }
    std::uint32_t be16(qsizetype at) const { return std::uint32_t(m_p[at]) << 8 | m_p[at + 1]; }
    std::uint32_t be32(qsizetype at) const { return be16(at) << 16 | be16(at + 2); }
    std::uint32_t le16(qsizetype at) const { return std::uint32_t(m_p[at + 1]) << 8 | m_p[at]; }
    std::uint32_t le24(qsizetype at) const { return le16(at) | std::uint32_t(m_p[at + 2]) << 16; }
    std::uint32_t le32(qsizetype at) const { return le16(at) | le16(at + 2) << 16; }
    bool startsWith(const char *magic, qsizetype at = 0) const
    {
        for (qsizetype i = 0; magic[i]; ++i)
            if (!has(at + i, 1) || m_p[at + i] != std::uint8_t(magic[i]))
                return false;
        return true;
    }
    std::uint8_t at(qsizetype i) const { return m_p[i]; }
    qsizetype size() const { return m_n; }

private:
    const std::uint8_t *m_p;
    qsizetype m_n;
};

// The markers before a JPEG's first scan: each is FF, its code, then its length (which counts
// itself). Notes the first start-of-frame's size on the way.
struct JpegMarkers
{
    std::optional<DeclaredSize> size;
    qsizetype scanStart = 0; // the file's size when the markers are damaged or end first
};

JpegMarkers walkJpegMarkers(const Bytes &b)
{
    JpegMarkers out;
    qsizetype i = 2; // past SOI
    while (b.has(i, 4)) {
        if (b.at(i) != 0xff)
            break; // not a marker where one must be: damaged
        const std::uint8_t marker = b.at(i + 1);
        if (marker == 0xff) { // fill byte
            ++i;
            continue;
        }
        if (marker == 0xda) { // SOS: entropy-coded data follows
            out.scanStart = i;
            return out;
        }
        // Start-of-frame markers C0-CF, except DHT (C4), JPG (C8) and DAC (CC).
        const bool frame = marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
        if (frame && !out.size && b.has(i, 9))
            out.size = DeclaredSize{b.be16(i + 7), b.be16(i + 5)};
        i += 2 + b.be16(i + 2);
    }
    out.scanStart = b.size();
    return out;
}

// TIFF: the first image file directory's ImageWidth (256) and ImageLength (257) tags.
std::optional<DeclaredSize> tiffSize(const Bytes &b, bool little)
{
    auto u16 = [&](qsizetype at) { return little ? b.le16(at) : b.be16(at); };
    auto u32 = [&](qsizetype at) { return little ? b.le32(at) : b.be32(at); };
    if (!b.has(4, 4))
        return std::nullopt;
    const qsizetype ifd = qsizetype(u32(4));
    if (!b.has(ifd, 2))
        return std::nullopt;
    DeclaredSize size;
    const std::uint32_t entries = u16(ifd);
    for (std::uint32_t e = 0; e < entries; ++e) {
        const qsizetype at = ifd + 2 + qsizetype(e) * 12;
        if (!b.has(at, 12))
            break;
        const std::uint32_t tag = u16(at), type = u16(at + 2);
        const std::int64_t value = type == 3 ? u16(at + 8) : u32(at + 8); // SHORT or LONG
        if (tag == 256)
            size.width = value;
        else if (tag == 257)
            size.height = value;
    }
    return size.width > 0 && size.height > 0 ? std::optional<DeclaredSize>(size) : std::nullopt;
}

std::optional<DeclaredSize> webpSize(const Bytes &b)
{
    if (!b.has(12, 18))
        return std::nullopt;
    if (b.startsWith("VP8X", 12))
        return DeclaredSize{std::int64_t(b.le24(24)) + 1, std::int64_t(b.le24(27)) + 1};
    if (b.startsWith("VP8L", 12) && b.has(21, 4)) {
        const std::uint32_t bits = b.le32(21);
        return DeclaredSize{std::int64_t(bits & 0x3fff) + 1, std::int64_t((bits >> 14) & 0x3fff) + 1};
    }
    if (b.startsWith("VP8 ", 12) && b.has(26, 4))
        return DeclaredSize{b.le16(26) & 0x3fff, b.le16(28) & 0x3fff};
    return std::nullopt;
}

} // namespace

std::optional<DeclaredSize> declaredImageSize(const QByteArray &bytes)
{
    const Bytes b(bytes);
    if (isJpeg(bytes))
        return walkJpegMarkers(b).size;
    if (b.startsWith("\x89PNG\r\n\x1a\n") && b.has(16, 8))
        return DeclaredSize{b.be32(16), b.be32(20)};
    if ((b.startsWith("GIF87a") || b.startsWith("GIF89a")) && b.has(6, 4))
        return DeclaredSize{b.le16(6), b.le16(8)};
    if (b.startsWith("BM") && b.has(14, 4) && b.le32(14) == 12 && b.has(18, 4)) // OS/2 1.x: 16-bit sides
        return DeclaredSize{b.le16(18), b.le16(20)};
    if (b.startsWith("BM") && b.has(18, 8)) // height is negative for top-down rows
        return DeclaredSize{std::abs(std::int64_t(std::int32_t(b.le32(18)))), std::abs(std::int64_t(std::int32_t(b.le32(22))))};
    if (b.startsWith("RIFF") && b.startsWith("WEBP", 8))
        return webpSize(b);
    if (b.startsWith("II*"))
        return tiffSize(b, true);
    if (b.startsWith("MM") && b.has(2, 2) && b.be16(2) == 42)
        return tiffSize(b, false);
    return std::nullopt;
}

bool startsAsImage(const QByteArray &firstBytes)
{
    const Bytes b(firstBytes);
    return isJpeg(firstBytes) || b.startsWith("\x89PNG\r\n\x1a\n") || b.startsWith("GIF87a") || b.startsWith("GIF89a")
           || b.startsWith("BM") || (b.startsWith("RIFF") && b.startsWith("WEBP", 8)) || b.startsWith("II*")
           || (b.startsWith("MM") && b.has(2, 2) && b.be16(2) == 42);
}

bool isJpeg(const QByteArray &bytes)
{
    return bytes.startsWith("\xff\xd8\xff");
}

qsizetype jpegScanStart(const QByteArray &bytes)
{
    return walkJpegMarkers(Bytes(bytes)).scanStart;
}

} // namespace rs
