#pragma once

#include "npy.h"

#include <QByteArray>
#include <QString>

namespace rs::test {

// Written by tests/python/make_reference.py (models) and make_images.py (images).
QString referenceFile(const QString &name);
QString imageFile(const QString &name);

QString systemPython();
QString cliPath();

QByteArray readAll(const QString &path);
NpyArray npy(const QString &path);

// Largest |a - b| over two arrays of the same size, and the largest |b|: the scale the
// parity tolerance is relative to.
struct Difference
{
    double maxAbs = 0.0;
    double scale = 0.0;
    double relative() const { return scale > 0 ? maxAbs / scale : maxAbs; }
};
Difference compare(const float *actual, const float *expected, std::size_t count);

} // namespace rs::test
