// The bottleneck cache: entries found again, kept apart by weights and layer, damaged ones
// detected and repaired, and extraction served from it.

#include "bottleneckcache.h"
#include "extraction.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace {

QByteArray hashOf(const char *text)
{
    return QCryptographicHash::hash(QByteArray(text), QCryptographicHash::Sha256);
}

QStringList entryFiles(const QString &folder)
{
    QStringList files;
    QDirIterator it(folder, {QStringLiteral("*.f32")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    return files;
}

} // namespace

class TestBottleneckCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void storesAndFinds()
    {
        QTemporaryDir root;
        const rs::BottleneckCache cache(root.path(), QStringLiteral("fingerprint-a"), QStringLiteral("bottleneck"));
        const std::vector<float> features{1.5f, -2.0f, 3.25f};
        std::vector<float> read;
        QCOMPARE(cache.load(hashOf("image"), read), rs::BottleneckCache::Lookup::Miss);
        cache.store(hashOf("image"), features.data(), 3);
        QCOMPARE(cache.load(hashOf("image"), read), rs::BottleneckCache::Lookup::Hit);
        QCOMPARE(read, features);
        QCOMPARE(cache.load(hashOf("another image"), read), rs::BottleneckCache::Lookup::Miss);
    }

    void otherWeightsOrLayerMiss()
    {
        QTemporaryDir root;
        const std::vector<float> features{1.0f};
        rs::BottleneckCache(root.path(), QStringLiteral("a"), QStringLiteral("bottleneck")).store(hashOf("x"), features.data(), 1);
        std::vector<float> read;
        QCOMPARE(rs::BottleneckCache(root.path(), QStringLiteral("b"), QStringLiteral("bottleneck")).load(hashOf("x"), read),
                 rs::BottleneckCache::Lookup::Miss);
        QCOMPARE(rs::BottleneckCache(root.path(), QStringLiteral("a"), QStringLiteral("Mixed_6e")).load(hashOf("x"), read),
                 rs::BottleneckCache::Lookup::Miss);
        QCOMPARE(rs::BottleneckCache(root.path(), QStringLiteral("a"), QStringLiteral("bottleneck")).load(hashOf("x"), read),
                 rs::BottleneckCache::Lookup::Hit);
    }

    void detectsDamagedEntries_data()
    {
        QTest::addColumn<int>("keep");    // bytes kept (a crash mid-write without atomic rename)
        QTest::addColumn<int>("flipAt");  // a byte changed on disk, or -1
        QTest::newRow("cut in the header") << 7 << -1;
        QTest::newRow("cut in the data") << 20 << -1;
        QTest::newRow("empty") << 0 << -1;
        QTest::newRow("changed value") << -1 << 14;
        QTest::newRow("changed magic") << -1 << 0;
    }

    void detectsDamagedEntries()
    {
        QFETCH(int, keep);
        QFETCH(int, flipAt);
        QTemporaryDir root;
        const rs::BottleneckCache cache(root.path(), QStringLiteral("a"), QStringLiteral("bottleneck"));
        const std::vector<float> features(16, 0.5f);
        cache.store(hashOf("x"), features.data(), 16);
        const QString path = entryFiles(cache.folder()).constFirst();
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QByteArray bytes = file.readAll();
        if (keep >= 0)
            bytes.truncate(keep);
        if (flipAt >= 0)
            bytes[flipAt] = char(bytes[flipAt] ^ 0x40);
        file.resize(0);
        file.seek(0);
        file.write(bytes);
        file.close();

        std::vector<float> read;
        QCOMPARE(cache.load(hashOf("x"), read), rs::BottleneckCache::Lookup::Damaged);
        cache.store(hashOf("x"), features.data(), 16);
        QCOMPARE(cache.load(hashOf("x"), read), rs::BottleneckCache::Lookup::Hit);
        QCOMPARE(read, features);
    }

    void extractionIsServedFromTheCache()
    {
        QTemporaryDir root;
        const rs::Backbone backbone = rs::Backbone::untrained(5);
        const rs::BottleneckCache cache(root.path(), backbone.weights().fingerprint, rs::Backbone::kBottleneck);
        const QStringList images{rs::test::imageFile(QStringLiteral("small.bmp")), rs::test::imageFile(QStringLiteral("notes.png")),
                                 rs::test::imageFile(QStringLiteral("gray.png"))};
        rs::ExtractionOptions options;
        options.cache = &cache;
        const rs::ExtractionResult first = rs::extractFeatures(backbone, images, options);
        QCOMPARE(first.computed, 2);
        QCOMPARE(first.fromCache, 0);
        QCOMPARE(first.errors.size(), 1);
        QCOMPARE(first.sourceIndex, (std::vector<int>{0, 2}));

        const rs::ExtractionResult second = rs::extractFeatures(backbone, images, options);
        QCOMPARE(second.computed, 0);
        QCOMPARE(second.fromCache, 2);
        QCOMPARE(second.features.values, first.features.values);

        QFile damaged(entryFiles(cache.folder()).constFirst());
        QVERIFY(damaged.resize(100));
        const rs::ExtractionResult third = rs::extractFeatures(backbone, images, options);
        QCOMPARE(third.repaired, 1);
        QCOMPARE(third.computed, 1);
        QCOMPARE(third.features.values, first.features.values);
        QCOMPARE(rs::extractFeatures(backbone, images, options).fromCache, 2);
    }

    void extractionStopsWhenCancelled()
    {
        rs::CancelFlag cancel{true};
        rs::ExtractionOptions options;
        options.cancel = &cancel;
        QVERIFY_THROWS_EXCEPTION(rs::Cancelled, rs::extractFeatures(rs::Backbone::untrained(1),
                                                                    {rs::test::imageFile(QStringLiteral("small.bmp"))}, options));
    }
};

QTEST_GUILESS_MAIN(TestBottleneckCache)
#include "test_bottleneckcache.moc"
