#pragma once

#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>

namespace rs {

// Thrown for any malformed input file; the message says what is wrong and where.
class FormatError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

// A cursor over untrusted bytes. Every read is bounds-checked, so a truncated or hostile
// file ends in a FormatError, never in a read past the buffer.
class ByteReader
{
public:
    ByteReader(const std::uint8_t *data, std::size_t size) : m_data(data), m_size(size) {}

    std::size_t position() const { return m_pos; }
    std::size_t remaining() const { return m_size - m_pos; }
    bool atEnd() const { return m_pos == m_size; }
    const std::uint8_t *data() const { return m_data; }
    std::size_t size() const { return m_size; }

    void seek(std::size_t pos)
    {
        if (pos > m_size)
            fail("offset " + std::to_string(pos) + " is past the end of the data");
        m_pos = pos;
    }

    const std::uint8_t *take(std::size_t n)
    {
        if (n > remaining())
            fail("unexpected end of data (needed " + std::to_string(n) + " bytes, "
                 + std::to_string(remaining()) + " left)");
        const std::uint8_t *p = m_data + m_pos;
        m_pos += n;
        return p;
    }

    std::uint8_t u8() { return *take(1); }

    template<typename T>
    T littleEndian()
    {
        static_assert(sizeof(T) <= 8);
        const std::uint8_t *p = take(sizeof(T));
        std::uint64_t v = 0;
        for (std::size_t i = 0; i < sizeof(T); ++i)
            v |= std::uint64_t(p[i]) << (8 * i);
        T out;
        std::memcpy(&out, &v, sizeof(T)); // host is little-endian (x86_64, aarch64)
        return out;
    }

    std::string string(std::size_t n)
    {
        const std::uint8_t *p = take(n);
        return std::string(reinterpret_cast<const char *>(p), n);
    }

    [[noreturn]] void fail(const std::string &what) const
    {
        throw FormatError(what + " at byte " + std::to_string(m_pos));
    }

private:
    const std::uint8_t *m_data;
    std::size_t m_size;
    std::size_t m_pos = 0;
};

} // namespace rs
