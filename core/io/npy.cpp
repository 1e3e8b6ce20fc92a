#include "io/npy.h"

#include "io/atomicfile.h"
#include "io/bytereader.h"

#include <QFile>
#include <QRegularExpression>

#include <cstring>

namespace rs {
namespace {

const char kMagic[] = "\x93NUMPY";

[[noreturn]] void fail(const QString &path, const QString &reason)
{
    throw NpyError(QString(path + QStringLiteral(": ") + reason).toStdString());
}

} // namespace

void writeNpy(const QString &path, const NpyArray &array)
{
    std::int64_t count = 1;
    QString shape;
    for (std::int64_t n : array.shape) {
        count *= n;
        shape += QString::number(n) + QStringLiteral(", ");
    }
    if (array.shape.size() > 1)
        shape.chop(1); // NumPy writes (n,) for one dimension and (a, b) for more
    else if (array.shape.empty())
        shape.clear();
    if (count != std::int64_t(array.values.size()))
        fail(path, QStringLiteral("shape does not match the number of values"));

    QByteArray header = "{'descr': '<f4', 'fortran_order': False, 'shape': ("
        + shape.trimmed().toLatin1() + "), }";
    // Magic (6) + version (2) + length (2) + header + '\n' pads to a multiple of 64.
    const int unpadded = 10 + int(header.size()) + 1;
    header += QByteArray((64 - unpadded % 64) % 64, ' ') + '\n';

    const std::uint16_t headerLength = std::uint16_t(header.size());
    QByteArray bytes(kMagic, 6);
    bytes.append("\x01\x00", 2);
    bytes.append(reinterpret_cast<const char *>(&headerLength), 2);
    bytes.append(header);
    bytes.append(reinterpret_cast<const char *>(array.values.data()), qsizetype(array.values.size() * sizeof(float)));
    try {
        writeFileAtomically(path, bytes);
    } catch (const std::runtime_error &e) {
        throw NpyError(e.what());
    }
}

NpyArray readNpy(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        fail(path, file.errorString());
    const QByteArray bytes = file.readAll();
    try {
        if (bytes.size() < 10 || !bytes.startsWith(QByteArray(kMagic, 6)))
            fail(path, QStringLiteral("not a .npy file"));
        ByteReader in(reinterpret_cast<const std::uint8_t *>(bytes.constData()), std::size_t(bytes.size()));
        in.seek(6);
        const std::uint8_t major = in.u8();
        in.u8();
        const std::size_t headerLength = major == 1 ? in.littleEndian<std::uint16_t>()
                                                    : in.littleEndian<std::uint32_t>();
        const QString header = QString::fromLatin1(QByteArray::fromStdString(in.string(headerLength)));

        static const QRegularExpression descr(QStringLiteral("'descr':\\s*'([<|=]f[48])'"));
        static const QRegularExpression order(QStringLiteral("'fortran_order':\\s*False"));
        static const QRegularExpression shape(QStringLiteral("'shape':\\s*\\(([0-9,\\s]*)\\)"));
        const auto d = descr.match(header);
        const auto s = shape.match(header);
        if (!d.hasMatch() || !order.match(header).hasMatch() || !s.hasMatch())
            fail(path, QStringLiteral("only little-endian float32/float64 C-order arrays are supported"));

        NpyArray array;
        std::int64_t count = 1;
        for (const QString &part : s.captured(1).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            array.shape.push_back(part.trimmed().toLongLong());
            count *= array.shape.back();
        }
        const bool doubles = d.captured(1).endsWith(QLatin1Char('8'));
        const std::size_t element = doubles ? 8 : 4;
        if (count < 0 || std::size_t(count) > in.remaining() / element)
            fail(path, QStringLiteral("the file is shorter than its shape says"));
        const std::uint8_t *data = in.take(std::size_t(count) * element);
        array.values.resize(std::size_t(count));
        for (std::int64_t i = 0; i < count; ++i) {
            if (doubles) {
                double v;
                std::memcpy(&v, data + i * 8, 8);
                array.values[i] = float(v);
            } else {
                std::memcpy(&array.values[i], data + i * 4, 4);
            }
        }
        return array;
    } catch (const FormatError &e) {
        fail(path, QString::fromStdString(e.what()));
    }
}

} // namespace rs
