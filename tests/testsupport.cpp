#include "testsupport.h"

#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTest>
#include <QtEndian>

#include <cmath>
#include <limits>

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

CliRun runCli(const QStringList &arguments, const QProcessEnvironment &environment)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(cliPath(), arguments);
    if (!process.waitForFinished(300000))
        qFatal("retrain-cli did not finish: %s", qPrintable(arguments.join(QLatin1Char(' '))));
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

QByteArray pngDeclaring(std::uint32_t side)
{
    QByteArray png = readAll(imageFile(QStringLiteral("wide_photo.png"))).left(300);
    const std::uint32_t bigEndian = qToBigEndian(side);
    const QByteArray size(reinterpret_cast<const char *>(&bigEndian), 4);
    png.replace(16, 4, size); // IHDR width
    png.replace(20, 4, size); // IHDR height
    return png;
}

NpyArray npy(const QString &path)
{
    return readNpy(path);
}

Difference compare(const float *actual, const float *expected, std::size_t count)
{
    Difference d;
    for (std::size_t i = 0; i < count; ++i) {
        // std::max(x, NaN) keeps x: a NaN or infinity on either side must not pass unseen.
        if (!std::isfinite(actual[i]) || !std::isfinite(expected[i])) {
            d.maxAbs = std::numeric_limits<double>::infinity();
            continue;
        }
        d.maxAbs = std::max(d.maxAbs, std::abs(double(actual[i]) - double(expected[i])));
        d.scale = std::max(d.scale, std::abs(double(expected[i])));
    }
    return d;
}

Difference compare(const FeatureMatrix &actual, const FeatureMatrix &expected)
{
    if (actual.rows != expected.rows || actual.cols != expected.cols || actual.values.size() != expected.values.size()) {
        Difference d;
        d.maxAbs = std::numeric_limits<double>::infinity();
        return d;
    }
    return compare(actual.values.data(), expected.values.data(), expected.values.size());
}

LabelledFeatures separableFeatures(const std::vector<int> &perClass, int featureCount, quint32 seed, float signal,
                                   float scale)
{
    QRandomGenerator random(seed);
    LabelledFeatures set;
    for (std::size_t c = 0; c < perClass.size(); ++c)
        for (int i = 0; i < perClass[c]; ++i) {
            set.labels.push_back(int(c));
            for (int f = 0; f < featureCount; ++f)
                set.features.values.push_back(
                    scale * (float(random.generateDouble()) + (std::size_t(f) % perClass.size() == c ? signal : 0.0f)));
        }
    set.features.rows = std::int64_t(set.labels.size());
    set.features.cols = featureCount;
    return set;
}

} // namespace rs::test
