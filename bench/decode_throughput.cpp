// How fast one thread prepares images for the network, nothing else: read, decode (large JPEGs
// reduced while decoding, as extraction does) and preprocess to 299 x 299, for every file
// under DIR. Says whether a folder's extraction can be limited by decoding: compare with the
// network's rate from bench_model_throughput.
//
// Usage: bench_decode_throughput DIR

#include "images/image.h"
#include "images/preprocess.h"
#include "model/backbone.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QElapsedTimer>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (app.arguments().size() < 2) {
        std::fprintf(stderr, "usage: bench_decode_throughput DIR\n");
        return 2;
    }
    QStringList paths;
    QDirIterator it(app.arguments()[1], QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        paths << it.next();
    QElapsedTimer clock;
    clock.start();
    int prepared = 0;
    double checksum = 0;
    for (const QString &path : paths) {
        QString error;
        const QByteArray bytes = rs::readImageFile(path, error);
        const rs::DecodedImage decoded = rs::decodeImage(bytes, path, rs::Backbone::kInputSize);
        if (!error.isEmpty() || !decoded.ok())
            continue;
        checksum += rs::networkInput(decoded.image, rs::Backbone::kInputSize).front();
        ++prepared;
    }
    const double seconds = clock.nsecsElapsed() / 1e9;
    std::printf("%d images read, decoded and preprocessed on one thread in %.2f s: %.1f img/s (checksum %.3f)\n",
                prepared, seconds, prepared / seconds, checksum);
    return 0;
}
