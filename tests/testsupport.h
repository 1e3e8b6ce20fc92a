#pragma once

#include "features/labelledfeatures.h"
#include "io/npy.h"

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace rs::test {

// Written by tests/python/make_reference.py (models) and make_images.py (images).
QString referenceFile(const QString &name);
QString imageFile(const QString &name);

QString systemPython();
QString cliPath();

QByteArray readAll(const QString &path);

// A run of retrain-cli to its end (qFatal after 5 minutes); exitCode is -1 when it crashed.
struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
};
CliRun runCli(const QStringList &arguments,
              const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());

// A few hundred bytes of PNG whose header declares `side` x `side` pixels: a decompression
// bomb's shape (its data and checksums do not hold up past the header).
QByteArray pngDeclaring(std::uint32_t side);
NpyArray npy(const QString &path);

// Largest |a - b| over two arrays of the same size, and the largest |b|: the scale the
// parity tolerance is relative to. A NaN or infinity in either makes the difference infinite.
struct Difference
{
    double maxAbs = 0.0;
    double scale = 0.0;
    double relative() const { return scale > 0 ? maxAbs / scale : maxAbs; }
};
Difference compare(const float *actual, const float *expected, std::size_t count);
// The same over two matrices; infinite when their shapes differ.
Difference compare(const FeatureMatrix &actual, const FeatureMatrix &expected);

// perClass[c] rows of class c, `featureCount` wide: uniform noise in [0, 1) with features c,
// c + classes, c + 2 * classes, ... raised by `signal`, all times `scale`. The same arguments
// give the same rows.
LabelledFeatures separableFeatures(const std::vector<int> &perClass, int featureCount, quint32 seed, float signal = 1.0f,
                                   float scale = 1.0f);

} // namespace rs::test
