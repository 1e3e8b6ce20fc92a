// Extraction split over a scheduler's tasks: which images a shard takes, where it learns its
// number, and that shards merged give exactly the cache one unsharded run gives.

#include "data/shard.h"
#include "features/bottleneckcache.h"
#include "features/cachepacks.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>

namespace {

using rs::test::runCli;

QStringList extract(const QString &data, const QString &cache)
{
    return {QStringLiteral("extract"), QStringLiteral("--random-weights"), QStringLiteral("0"),
            QStringLiteral("--image_dir"), data, QStringLiteral("--bottleneck_dir"), cache};
}

// "shard 1/3: 19 images; ..." -> 19
int imagesOf(const QString &output)
{
    const QRegularExpressionMatch match = QRegularExpression(QStringLiteral(": (\\d+) images; features")).match(output);
    return match.hasMatch() ? match.captured(1).toInt() : -1;
}

// Every entry of every pack of cache folder `a` is in `b` with the same bits, and nothing more.
void compareCaches(const QString &a, const QString &b, std::size_t packs)
{
    const std::vector<rs::CachePack> packsA = rs::findCachePacks(a), packsB = rs::findCachePacks(b);
    QCOMPARE(packsA.size(), packsB.size());
    QCOMPARE(packsA.size(), packs);
    for (std::size_t p = 0; p < packsA.size(); ++p) {
        QCOMPARE(packsA[p].relative, packsB[p].relative);
        QCOMPARE(packsA[p].entries, packsB[p].entries);
        const auto cacheA = rs::BottleneckCache::openFolder(packsA[p].folder, true);
        const auto cacheB = rs::BottleneckCache::openFolder(packsB[p].folder, true);
        std::vector<float> valuesA, valuesB;
        for (const QByteArray &key : cacheA->keys()) {
            QCOMPARE(cacheA->load(key, valuesA), rs::BottleneckCache::Lookup::Hit);
            QCOMPARE(cacheB->load(key, valuesB), rs::BottleneckCache::Lookup::Hit);
            QCOMPARE(valuesA.size(), valuesB.size());
            QVERIFY(std::memcmp(valuesA.data(), valuesB.data(), valuesA.size() * sizeof(float)) == 0);
        }
    }
}

// A run's report without what the clock decides.
QJsonObject timeless(const QString &path)
{
    QJsonObject report = QJsonDocument::fromJson(rs::test::readAll(path)).object();
    QJsonObject extraction = report.value(QStringLiteral("extraction")).toObject();
    extraction.remove(QStringLiteral("seconds"));
    extraction.remove(QStringLiteral("peak_rss_mib"));
    report.insert(QStringLiteral("extraction"), extraction);
    QJsonObject training = report.value(QStringLiteral("training")).toObject();
    training.remove(QStringLiteral("seconds"));
    report.insert(QStringLiteral("training"), training);
    return report;
}

} // namespace

class TestScaleOut : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesShards()
    {
        QString error;
        const std::optional<rs::Shard> shard = rs::parseShard(QStringLiteral("2/3"), error);
        QVERIFY(shard);
        QCOMPARE(shard->index, 2);
        QCOMPARE(shard->count, 3);
        for (const char *bad : {"3/3", "-1/3", "1/0", "1", "a/b", "1/2/3"}) {
            QVERIFY2(!rs::parseShard(QLatin1String(bad), error), bad);
            QVERIFY(error.contains(QStringLiteral("0 <= K < N")));
        }
    }

    void shardsAreBalancedAndStable()
    {
        std::vector<int> counts(3);
        for (int i = 0; i < 30000; ++i)
            ++counts[std::size_t(rs::shardOf(QStringLiteral("class%1/img%2.jpg").arg(i % 10).arg(i), 3))];
        for (int count : counts)
            QVERIFY2(std::abs(count - 10000) < 300, qPrintable(QString::number(count))); // within 3 %
        // A path's shard depends on nothing else: a different listing cannot move it.
        QCOMPARE(rs::shardOf(QStringLiteral("cats/a.jpg"), 7), rs::shardOf(QStringLiteral("cats/a.jpg"), 7));
    }

    void shardPathsIgnoreWhereTheDataIsMounted()
    {
        rs::DatasetSources here, there;
        here.classes.push_back({QStringLiteral("cats"), {QStringLiteral("/data/pets/cats")}, true, {}});
        there.classes.push_back({QStringLiteral("cats"), {QStringLiteral("/mnt/nfs/pets/cats")}, true, {}});
        QCOMPARE(rs::shardPath(QStringLiteral("/data/pets/cats/2021/a.jpg"), here), QStringLiteral("cats/2021/a.jpg"));
        QCOMPARE(rs::shardPath(QStringLiteral("/mnt/nfs/pets/cats/2021/a.jpg"), there), QStringLiteral("cats/2021/a.jpg"));
    }

    void readsTheSchedulersVariables()
    {
        QProcessEnvironment slurm;
        slurm.insert(QStringLiteral("SLURM_ARRAY_TASK_ID"), QStringLiteral("5"));
        slurm.insert(QStringLiteral("SLURM_ARRAY_TASK_MIN"), QStringLiteral("4"));
        slurm.insert(QStringLiteral("SLURM_ARRAY_TASK_MAX"), QStringLiteral("6"));
        slurm.insert(QStringLiteral("SLURM_ARRAY_TASK_COUNT"), QStringLiteral("3"));
        rs::ScheduledShard found = rs::shardFromEnvironment(slurm);
        QVERIFY(found.shard);
        QCOMPARE(found.shard->text(), QStringLiteral("1/3"));
        QVERIFY(found.source.contains(QStringLiteral("SLURM_ARRAY_TASK_ID")));

        slurm.insert(QStringLiteral("SLURM_ARRAY_TASK_MAX"), QStringLiteral("8")); // --array=4-8:2
        found = rs::shardFromEnvironment(slurm);
        QVERIFY(!found.shard);
        QVERIFY2(found.problem.contains(QStringLiteral("--array=0-2")), qPrintable(found.problem));

        QProcessEnvironment kubernetes;
        kubernetes.insert(QStringLiteral("JOB_COMPLETION_INDEX"), QStringLiteral("2"));
        QVERIFY(rs::shardFromEnvironment(kubernetes).problem.contains(QStringLiteral("--shards")));
        found = rs::shardFromEnvironment(kubernetes, 4);
        QVERIFY(found.shard);
        QCOMPARE(found.shard->text(), QStringLiteral("2/4"));
        QVERIFY(rs::shardFromEnvironment(kubernetes, 2).problem.contains(QStringLiteral("not below --shards 2")));
        QVERIFY(!rs::shardFromEnvironment(QProcessEnvironment()).shard);
    }

    void shardsMergeIntoTheUnshardedCache_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<int>("packs");
        QTest::addColumn<int>("entries"); // in all packs
        QTest::newRow("features") << QStringList() << 2 << 120; // features and image signatures
        // Each shard calibrates on the same sample of the whole training set, so the packs share
        // one key, and train finds them all.
        QTest::newRow("int8") << QStringList{QStringLiteral("--precision"), QStringLiteral("int8")} << 2 << 120;
        // A distorted copy of each training image, in a pack of its own: the shards make the
        // copies of their own training images only.
        QTest::newRow("augmented") << QStringList{QStringLiteral("--flip_left_right"), QStringLiteral("--augmented_copies"),
                                                  QStringLiteral("1")}
                                   << 3 << -1;
    }

    // Issue 19's equality: 3 shards, merged, are the unsharded run's cache bit for bit, and
    // training on either gives the same report.
    void shardsMergeIntoTheUnshardedCache()
    {
        QFETCH(QStringList, options);
        QFETCH(int, packs);
        QFETCH(int, entries);
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("data"));
        QCOMPARE(runCli({QStringLiteral("sample-data"), QStringLiteral("--per-class"), QStringLiteral("6"), data}).exitCode, 0);
        int taken = 0;
        QStringList shards;
        for (int k = 0; k < 3; ++k) {
            shards << dir.filePath(QStringLiteral("shard%1").arg(k));
            const rs::test::CliRun run = runCli(extract(data, shards.back()) + options
                                                << QStringLiteral("--shard") << QStringLiteral("%1/3").arg(k));
            QVERIFY2(run.exitCode == 0, qPrintable(run.err));
            QVERIFY2(run.out.contains(QStringLiteral("shard %1/3 (from --shard)").arg(k)), qPrintable(run.out));
            const int images = imagesOf(run.out);
            QVERIFY2(images > 10 && images < 30, qPrintable(run.out));
            QVERIFY(run.out.contains(QStringLiteral("0 from the cache, ")));
            taken += images;
        }
        QCOMPARE(taken, 60); // disjoint and complete: each image in exactly one shard's cache
        const QString whole = dir.filePath(QStringLiteral("whole")), merged = dir.filePath(QStringLiteral("merged"));
        const rs::test::CliRun unsharded = runCli(extract(data, whole) + options);
        QVERIFY2(unsharded.out.contains(QStringLiteral("all: 60 images")), qPrintable(unsharded.out));

        const rs::test::CliRun merge = runCli(QStringList{QStringLiteral("cache"), QStringLiteral("merge"), merged} + shards);
        QVERIFY2(merge.exitCode == 0, qPrintable(merge.err));
        if (entries > 0)
            QVERIFY2(merge.out.contains(QStringLiteral("%1 entries checked, %1 copied, 0 already there").arg(entries)),
                     qPrintable(merge.out));
        compareCaches(merged, whole, std::size_t(packs));
        compareCaches(whole, merged, std::size_t(packs));

        const rs::test::CliRun info = runCli({QStringLiteral("cache"), QStringLiteral("info"), merged});
        QVERIFY2(info.out.contains(QStringLiteral(": 60 images")) && info.out.contains(QStringLiteral("layer bottleneck")),
                 qPrintable(info.out));

        QStringList reports;
        for (const QString &cache : {merged, whole}) {
            reports << cache + QStringLiteral(".json");
            const rs::test::CliRun train = runCli(QStringList{QStringLiteral("train"), QStringLiteral("--random-weights"),
                                                               QStringLiteral("0"), QStringLiteral("--image_dir"), data,
                                                               QStringLiteral("--steps"), QStringLiteral("60"),
                                                               QStringLiteral("--bottleneck_dir"), cache,
                                                               QStringLiteral("--report"), reports.back()}
                                                   + options);
            QVERIFY2(train.exitCode == 0, qPrintable(train.err));
            // The 60 images, and with augmentation their training images' copies too.
            const QRegularExpressionMatch counts =
                QRegularExpression(QStringLiteral("features: (\\d+) from the cache, 0 computed")).match(train.out);
            QVERIFY2(counts.hasMatch(), qPrintable(train.out));
            QVERIFY(entries > 0 ? counts.captured(1).toInt() == 60 : counts.captured(1).toInt() > 100);
        }
        QCOMPARE(timeless(reports[0]), timeless(reports[1]));
    }

    void aSchedulersTaskTakesItsShard()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("data"));
        QCOMPARE(runCli({QStringLiteral("sample-data"), QStringLiteral("--per-class"), QStringLiteral("3"), data}).exitCode, 0);
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("SLURM_ARRAY_TASK_ID"), QStringLiteral("1"));
        environment.insert(QStringLiteral("SLURM_ARRAY_TASK_MIN"), QStringLiteral("0"));
        environment.insert(QStringLiteral("SLURM_ARRAY_TASK_MAX"), QStringLiteral("1"));
        environment.insert(QStringLiteral("SLURM_ARRAY_TASK_COUNT"), QStringLiteral("2"));
        const rs::test::CliRun scheduled = runCli(extract(data, dir.filePath(QStringLiteral("a"))), environment);
        QVERIFY2(scheduled.exitCode == 0, qPrintable(scheduled.err));
        QVERIFY2(scheduled.out.contains(QStringLiteral("shard 1/2 (from SLURM_ARRAY_TASK_ID")), qPrintable(scheduled.out));
        const rs::test::CliRun given =
            runCli(extract(data, dir.filePath(QStringLiteral("b"))) << QStringLiteral("--shard") << QStringLiteral("1/2"));
        QCOMPARE(imagesOf(scheduled.out), imagesOf(given.out));

        QProcessEnvironment kubernetes = QProcessEnvironment::systemEnvironment();
        kubernetes.insert(QStringLiteral("JOB_COMPLETION_INDEX"), QStringLiteral("0"));
        const rs::test::CliRun noCount = runCli(extract(data, dir.filePath(QStringLiteral("c"))), kubernetes);
        QCOMPARE(noCount.exitCode, 2);
        QVERIFY2(noCount.err.contains(QStringLiteral("give --shards N")), qPrintable(noCount.err));
    }

    // A task that died is run again and computes only what it had not stored.
    void aRerunComputesOnlyWhatIsMissing()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("data")), cache = dir.filePath(QStringLiteral("cache"));
        QCOMPARE(runCli({QStringLiteral("sample-data"), QStringLiteral("--per-class"), QStringLiteral("2"), data}).exitCode, 0);
        QCOMPARE(runCli(extract(data, cache)).exitCode, 0);
        const std::vector<rs::CachePack> packs = rs::findCachePacks(cache);
        for (const rs::CachePack &pack : packs) {
            QFile index(pack.folder + QStringLiteral("/index.bin"));
            QVERIFY(index.resize(5 * 40 + 17)); // 5 whole records, then a torn one
        }
        const rs::test::CliRun rerun = runCli(extract(data, cache));
        QVERIFY2(rerun.out.contains(QStringLiteral("5 from the cache, 15 computed")), qPrintable(rerun.out));
    }

    // Issue 19's training at scale: a training set over the memory limit is read from the cache
    // a batch at a time, and trains exactly the head the same set in memory does.
    void trainsFromDiskAsFromMemory()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("data")), cache = dir.filePath(QStringLiteral("cache"));
        // 200 images of 2048 float32 values: 1.6 MB, over a 1 MiB limit.
        QCOMPARE(runCli({QStringLiteral("sample-data"), QStringLiteral("--per-class"), QStringLiteral("20"), data}).exitCode, 0);
        const QStringList train{QStringLiteral("train"), QStringLiteral("--random-weights"), QStringLiteral("0"),
                                QStringLiteral("--image_dir"), data, QStringLiteral("--steps"), QStringLiteral("300"),
                                QStringLiteral("--bottleneck_dir"), cache};
        const QString inMemory = dir.filePath(QStringLiteral("memory.json")), onDisk = dir.filePath(QStringLiteral("disk.json"));
        const rs::test::CliRun memory = runCli(train + QStringList{QStringLiteral("--report"), inMemory});
        QVERIFY2(memory.exitCode == 0, qPrintable(memory.err));
        QVERIFY(!memory.out.contains(QStringLiteral("on disk")));
        const QStringList limited = train + QStringList{QStringLiteral("--in-memory-limit"), QStringLiteral("1")};
        const rs::test::CliRun disk = runCli(limited + QStringList{QStringLiteral("--report"), onDisk});
        QVERIFY2(disk.exitCode == 0, qPrintable(disk.err));
        QVERIFY2(disk.out.contains(QStringLiteral("the training set is read from the cache on disk")), qPrintable(disk.out));
        QJsonObject a = timeless(inMemory), b = timeless(onDisk);
        for (QJsonObject *report : {&a, &b}) {
            QJsonObject training = report->value(QStringLiteral("training")).toObject();
            QCOMPARE(training.take(QStringLiteral("training_set_on_disk")).toBool(), report == &b);
            report->insert(QStringLiteral("training"), training);
            QJsonObject extraction = report->value(QStringLiteral("extraction")).toObject();
            extraction.remove(QStringLiteral("from_cache")); // the first run computed them
            extraction.remove(QStringLiteral("computed"));
            report->insert(QStringLiteral("extraction"), extraction);
        }
        QCOMPARE(a, b); // the same curve, kept step, calibration and test results

        const rs::test::CliRun tune = runCli(limited + QStringList{QStringLiteral("--tune")});
        QCOMPARE(tune.exitCode, 1);
        QVERIFY2(tune.err.contains(QStringLiteral("needs the training features in memory")), qPrintable(tune.err));
    }

    void refusesADamagedPackBeforeWriting()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("data")), cache = dir.filePath(QStringLiteral("cache"));
        QCOMPARE(runCli({QStringLiteral("sample-data"), QStringLiteral("--per-class"), QStringLiteral("1"), data}).exitCode, 0);
        QCOMPARE(runCli(extract(data, cache)).exitCode, 0);
        const std::vector<rs::CachePack> packs = rs::findCachePacks(cache);
        const rs::CachePack &features = packs.front().weights == QLatin1String("image-signature") ? packs.back() : packs.front();
        QFile entries(features.folder + QStringLiteral("/entries.bin"));
        QVERIFY(entries.open(QIODevice::ReadWrite));
        QVERIFY(entries.seek(48 + 100)); // a value of the first entry
        QVERIFY(entries.write("\x7f") == 1);
        entries.close();
        const QString merged = dir.filePath(QStringLiteral("merged"));
        const rs::test::CliRun merge = runCli({QStringLiteral("cache"), QStringLiteral("merge"), merged, cache});
        QCOMPARE(merge.exitCode, 1);
        QVERIFY2(merge.err.contains(features.folder) && merge.err.contains(QStringLiteral("damaged pack: 1 of 10 entries")),
                 qPrintable(merge.err));
        QVERIFY(!QFileInfo::exists(merged));
    }
};

QTEST_GUILESS_MAIN(TestScaleOut)
#include "test_scaleout.moc"
