#pragma once

#include <QString>
#include <QStringList>

namespace rs {

// The built-in sample dataset: Fashion-MNIST images from Debian's dataset-fashion-mnist
// package, written as one folder of PNG files per class.
struct SampleDataResult
{
    QStringList classes;
    int imagesWritten = 0;
    int imagesKept = 0; // already present from an earlier run, left as they were
};

QString defaultFashionMnistDir();

// Writes the first `perClass` test-set images of each of the ten classes under `outDir`.
// Existing files are kept, so a second run is cheap. Throws std::runtime_error naming the
// missing or damaged source file.
SampleDataResult writeFashionMnistSamples(const QString &outDir, int perClass,
                                          const QString &sourceDir = defaultFashionMnistDir());

} // namespace rs
