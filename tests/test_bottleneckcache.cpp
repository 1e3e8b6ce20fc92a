// The bottleneck cache: entries found again (float16, float32 beyond its range), kept apart
// by weights and layer, shared between writers, damaged ones detected and repaired, and
// extraction served from it.

#include "features/bottleneckcache.h"
#include "features/extraction.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

namespace {

QByteArray hashOf(const QByteArray &text)
{
    return QCryptographicHash::hash(text, QCryptographicHash::Sha256);
}

// Changes the bytes of `file` from `at` on: cut it there (keep < 0 keeps all) or flip one byte.
void damage(const QString &path, qint64 cutAt, qint64 flipAt)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QByteArray bytes = file.readAll();
    if (cutAt >= 0)
        bytes.truncate(cutAt);
    if (flipAt >= 0)
        bytes[flipAt] = char(bytes[flipAt] ^ 0x40);
    file.resize(0);
    file.seek(0);
    file.write(bytes);
}

} // namespace

class TestBottleneckCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void storesAndFindsAsFloat16()
    {
        QTemporaryDir root;
        const rs::BottleneckCache cache(root.path(), QStringLiteral("fingerprint-a"), QStringLiteral("bottleneck"));
        std::vector<float> exact{1.5f, -2.0f, 3.25f, 0.0f};
        const std::vector<float> given = exact;
        std::vector<float> read;
        QCOMPARE(cache.load(hashOf("image"), read), rs::BottleneckCache::Lookup::Miss);
        cache.store(hashOf("image"), exact.data(), 4);
        QCOMPARE(exact, given); // representable in float16: unchanged
        QCOMPARE(cache.load(hashOf("image"), read), rs::BottleneckCache::Lookup::Hit);
        QCOMPARE(read, given);
        QCOMPARE(cache.load(hashOf("another image"), read), rs::BottleneckCache::Lookup::Miss);

        // Other values are rounded in place to what a later load returns, within 2^-11.
        std::vector<float> rounded{0.1f, 1000.123f, -3.3333f, 1e-3f};
        const std::vector<float> original = rounded;
        cache.store(hashOf("rounded"), rounded.data(), 4);
        QCOMPARE(cache.load(hashOf("rounded"), read), rs::BottleneckCache::Lookup::Hit);
        QCOMPARE(read, rounded);
        for (std::size_t i = 0; i < original.size(); ++i) {
            QVERIFY(rounded[i] != original[i]);
            QVERIFY(std::abs(rounded[i] - original[i]) <= std::abs(original[i]) / 2048);
        }
        QCOMPARE(cache.size(), std::size_t(2));
        QCOMPARE(QFileInfo(cache.entriesFile()).size(), 2 * 48 + 8 * 2);
    }

    void keepsFloat32BeyondFloat16sRange()
    {
        QTemporaryDir root;
        const rs::BottleneckCache cache(root.path(), QStringLiteral("a"), QStringLiteral("logits"));
        std::vector<float> large{1e6f, 0.1f, -7e4f};
        const std::vector<float> given = large;
        cache.store(hashOf("large"), large.data(), 3);
        QCOMPARE(large, given);
        std::vector<float> read;
        QCOMPARE(cache.load(hashOf("large"), read), rs::BottleneckCache::Lookup::Hit);
        QCOMPARE(read, given);
    }

    void otherWeightsOrLayerMiss()
    {
        QTemporaryDir root;
        std::vector<float> features{1.0f};
        rs::BottleneckCache(root.path(), QStringLiteral("a"), QStringLiteral("bottleneck")).store(hashOf("x"), features.data(), 1);
        std::vector<float> read;
        QCOMPARE(rs::BottleneckCache(root.path(), QStringLiteral("b"), QStringLiteral("bottleneck")).load(hashOf("x"), read),
                 rs::BottleneckCache::Lookup::Miss);
        QCOMPARE(rs::BottleneckCache(root.path(), QStringLiteral("a"), QStringLiteral("Mixed_6e")).load(hashOf("x"), read),
                 rs::BottleneckCache::Lookup::Miss);
        QCOMPARE(rs::BottleneckCache(root.path(), QStringLiteral("a"), QStringLiteral("bottleneck")).load(hashOf("x"), read),
                 rs::BottleneckCache::Lookup::Hit);
    }

    // Two caches open on one folder stand for two processes (the GUI and retrain-cli): each
    // finds what the other stored after it opened, and their records interleave cleanly.
    void writersShareAFolder()
    {
        QTemporaryDir root;
        const rs::BottleneckCache first(root.path(), QStringLiteral("a"), QStringLiteral("bottleneck"));
        const rs::BottleneckCache second(root.path(), QStringLiteral("a"), QStringLiteral("bottleneck"));
        for (int i = 0; i < 200; ++i) {
            std::vector<float> row(32, float(i));
            (i % 2 ? first : second).store(hashOf(QByteArray::number(i)), row.data(), 32);
        }
        const rs::BottleneckCache reopened(root.path(), QStringLiteral("a"), QStringLiteral("bottleneck"));
        QCOMPARE(reopened.size(), std::size_t(200));
        for (const rs::BottleneckCache *cache : {&first, &second, &reopened})
            for (int i = 0; i < 200; ++i) {
                std::vector<float> read;
                QCOMPARE(cache->load(hashOf(QByteArray::number(i)), read), rs::BottleneckCache::Lookup::Hit);
                QCOMPARE(read, std::vector<float>(32, float(i)));
            }
    }

    void detectsDamagedEntries_data()
    {
        QTest::addColumn<qint64>("cutAt");  // the entries file cut there (a crash mid-write), or -1
        QTest::addColumn<qint64>("flipAt"); // a byte of the entries file changed, or -1
        // The second of two entries starts at 48 + 16 * 2 = 80: header 48 bytes, then values.
        QTest::newRow("cut in the header") << qint64(80 + 7) << qint64(-1);
        QTest::newRow("cut in the values") << qint64(80 + 50) << qint64(-1);
        QTest::newRow("cut at its start") << qint64(80) << qint64(-1);
        QTest::newRow("changed value") << qint64(-1) << qint64(80 + 60);
        QTest::newRow("changed magic") << qint64(-1) << qint64(80);
        QTest::newRow("changed count") << qint64(-1) << qint64(80 + 9);
        QTest::newRow("changed hash") << qint64(-1) << qint64(80 + 20);
    }

    void detectsDamagedEntries()
    {
        QFETCH(qint64, cutAt);
        QFETCH(qint64, flipAt);
        QTemporaryDir root;
        std::vector<float> features(16, 0.5f);
        {
            const rs::BottleneckCache cache(root.path(), QStringLiteral("a"), QStringLiteral("bottleneck"));
            cache.store(hashOf("first"), features.data(), 16);
            cache.store(hashOf("x"), features.data(), 16);
            damage(cache.entriesFile(), cutAt, flipAt);
        }
        const rs::BottleneckCache cache(root.path(), QStringLiteral("a"), QStringLiteral("bottleneck"));
        std::vector<float> read;
        QCOMPARE(cache.load(hashOf("x"), read), rs::BottleneckCache::Lookup::Damaged);
        QCOMPARE(cache.load(hashOf("first"), read), rs::BottleneckCache::Lookup::Hit);
        cache.store(hashOf("x"), features.data(), 16);
        QCOMPARE(cache.load(hashOf("x"), read), rs::BottleneckCache::Lookup::Hit);
        QCOMPARE(read, features);
        QCOMPARE(rs::BottleneckCache(root.path(), QStringLiteral("a"), QStringLiteral("bottleneck")).load(hashOf("x"), read),
                 rs::BottleneckCache::Lookup::Hit);
    }

    // A crash while an index record was written leaves a part of one; the next writer cuts it
    // off, so later records stay aligned.
    void survivesAHalfWrittenIndexRecord()
    {
        QTemporaryDir root;
        std::vector<float> features(8, 2.0f);
        QString index;
        {
            const rs::BottleneckCache cache(root.path(), QStringLiteral("a"), QStringLiteral("bottleneck"));
            cache.store(hashOf("before"), features.data(), 8);
            index = cache.indexFile();
        }
        QFile file(index);
        QVERIFY(file.open(QIODevice::Append));
        file.write("half a record");
        file.close();
        {
            const rs::BottleneckCache cache(root.path(), QStringLiteral("a"), QStringLiteral("bottleneck"));
            QCOMPARE(cache.size(), std::size_t(1));
            cache.store(hashOf("after"), features.data(), 8);
        }
        const rs::BottleneckCache cache(root.path(), QStringLiteral("a"), QStringLiteral("bottleneck"));
        std::vector<float> read;
        QCOMPARE(cache.load(hashOf("before"), read), rs::BottleneckCache::Lookup::Hit);
        QCOMPARE(cache.load(hashOf("after"), read), rs::BottleneckCache::Lookup::Hit);
        QCOMPARE(QFileInfo(index).size(), 2 * 40);
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

        damage(cache.entriesFile(), -1, 48 + 10); // the first entry's values
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
