#include "testsupport.h"

#include <QFile>
#include <QTest>

#include <cmath>

namespace rs::test {

QString referenceFile(const QString &name)
{
    return QStringLiteral(RS_REFERENCE_DIR "/") + name;
}

QString imageFile(const QString &name)
{
    return QStringLiteral(RS_IMAGES_DIR "/") + name;
}

QString systemPython()
{
    return QStringLiteral(RS_SYSTEM_PYTHON);
}

QString cliPath()
{
    return QStringLiteral(RS_CLI_PATH);
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read test input %s: %s", qPrintable(path), qPrintable(file.errorString()));
    return file.readAll();
}

NpyArray npy(const QString &path)
{
    return readNpy(path);
}

Difference compare(const float *actual, const float *expected, std::size_t count)
{
    Difference d;
    for (std::size_t i = 0; i < count; ++i) {
        d.maxAbs = std::max(d.maxAbs, std::abs(double(actual[i]) - double(expected[i])));
        d.scale = std::max(d.scale, std::abs(double(expected[i])));
    }
    return d;
}

} // namespace rs::test
