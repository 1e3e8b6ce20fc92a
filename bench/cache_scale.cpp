// What a run over a folder of many images costs before any network work: scanning the
// folder, reading and hashing every file, opening the bottleneck cache and finding every
// image in it. Compared with the layout the cache had before (one file per entry), which
// costs a file open per image on every run.
//
// Usage: bench_cache_scale DIR fill [IMAGES=100000]   makes IMAGES tiny files (a PNG
//                                                    signature, then random bytes) in 100
//                                                    class folders and caches a feature row
//                                                    for each, in both layouts
//        bench_cache_scale DIR lookup                 measures a later run (run it in a new process)

#include "data/dataset.h"
#include "features/bottleneckcache.h"
#include "images/image.h"
#include "io/sha256.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>

#include <cstdio>

namespace {

constexpr int kFeatures = 2048;

QString perFilePath(const QString &dir, const QByteArray &hash)
{
    const QString hex = QString::fromLatin1(hash.toHex());
    return dir + QStringLiteral("/per-file/") + hex.left(2) + QLatin1Char('/') + hex + QStringLiteral(".f32");
}

double seconds(QElapsedTimer &clock)
{
    const double s = clock.nsecsElapsed() / 1e9;
    clock.restart();
    return s;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3 || (args[2] != QLatin1String("fill") && args[2] != QLatin1String("lookup"))) {
        std::fprintf(stderr, "usage: bench_cache_scale DIR fill [IMAGES] | bench_cache_scale DIR lookup\n");
        return 2;
    }
    const QString dir = args[1];
    const QString images = dir + QStringLiteral("/images");
    const bool fill = args[2] == QLatin1String("fill");
    QElapsedTimer clock;
    clock.start();

    if (fill) {
        const int count = args.value(3, QStringLiteral("100000")).toInt();
        QRandomGenerator random(7);
        for (int i = 0; i < count; ++i) {
            const QString folder = images + QStringLiteral("/class%1").arg(i % 100, 3, 10, QLatin1Char('0'));
            if (i < 100)
                QDir().mkpath(folder);
            QFile file(folder + QStringLiteral("/img%1.png").arg(i, 6, 10, QLatin1Char('0')));
            file.open(QIODevice::WriteOnly);
            QByteArray bytes(64, Qt::Uninitialized);
            random.fillRange(reinterpret_cast<quint32 *>(bytes.data()), 16);
            // The scan passes over files that do not start as an image does; the random rest
            // keeps every file's hash its own.
            bytes.replace(0, 8, QByteArrayLiteral("\x89PNG\r\n\x1a\n"));
            file.write(bytes);
        }
        std::printf("made %d files of 64 bytes in %.1f s\n", count, seconds(clock));
    }

    const rs::Dataset dataset = rs::scanDataset({images});
    const double scan = seconds(clock);
    std::vector<QByteArray> hashes;
    for (const rs::ImageEntry &image : dataset.images) {
        QString error;
        hashes.push_back(rs::Sha256::hash(rs::readImageFile(image.path, error)));
    }
    const double hashing = seconds(clock);
    const rs::BottleneckCache cache(dir + QStringLiteral("/cache"), QStringLiteral("bench"), QStringLiteral("bottleneck"));
    const double open = seconds(clock);

    std::vector<float> row(kFeatures);
    if (fill) {
        QRandomGenerator random(8);
        for (const QByteArray &hash : hashes) {
            for (float &v : row)
                v = float(random.generateDouble());
            cache.store(hash, row.data(), kFeatures);
        }
        const double store = seconds(clock);
        for (const QByteArray &hash : hashes) {
            const QString path = perFilePath(dir, hash);
            QDir().mkpath(path.left(path.lastIndexOf(QLatin1Char('/'))));
            QFile file(path);
            file.open(QIODevice::WriteOnly);
            file.write(QByteArray(12, '\0'));
            file.write(reinterpret_cast<const char *>(row.data()), kFeatures * 4);
        }
        std::printf("stored %zu entries in %.1f s (per-file layout: %.1f s)\n", hashes.size(), store, seconds(clock));
        return 0;
    }

    int hits = 0;
    for (const QByteArray &hash : hashes)
        hits += cache.load(hash, row) == rs::BottleneckCache::Lookup::Hit;
    const double lookup = seconds(clock);
    int perFileHits = 0;
    for (const QByteArray &hash : hashes) {
        QFile file(perFilePath(dir, hash));
        perFileHits += file.open(QIODevice::ReadOnly) && file.readAll().size() == 12 + kFeatures * 4;
    }
    const double perFile = seconds(clock);
    std::printf("%zu images: scan %.2f s, read + SHA-256 %.2f s, cache open %.3f s, %d entries found and read %.2f s "
                "(per-file layout: %d in %.2f s)\n",
                hashes.size(), scan, hashing, open, hits, lookup, perFileHits, perFile);
    return 0;
}
