// Training at a million images, from the cache on disk: writes a synthetic pack of ROWS x 2048
// float16 features (10 classes; noise plus a class direction, no images needed), trains the
// default head for STEPS steps on 80 % of it read from disk a batch at a time, with 10 % as
// validation and 10 % as test in memory (as train does past its memory limit), then merges the
// pack into an empty cache folder as `retrain-cli cache merge` does. Prints each phase's wall
// time and the peak RSS after it.
//
// Usage: bench_scale_training DIR [ROWS=1000000] [STEPS=10000]   (DIR must not hold a cache yet)

#include "base/processinfo.h"
#include "features/bottleneckcache.h"
#include "features/cachepacks.h"
#include "features/packrows.h"
#include "training/classifierhead.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace {

constexpr int kCols = 2048;
constexpr int kClasses = 10;

QByteArray keyOf(int row)
{
    return QCryptographicHash::hash(QByteArray::number(row), QCryptographicHash::Sha256);
}

// A cheap, seeded generator: two billion draws must not dominate the bench.
struct XorShift
{
    std::uint64_t state;
    float next() // uniform in [0, 1)
    {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return float(state >> 40) / float(1 << 24);
    }
};

void report(const char *phase, QElapsedTimer &clock)
{
    std::printf("%-44s %8.1f s   peak RSS %6.0f MiB\n", phase, clock.nsecsElapsed() / 1e9,
                double(rs::peakResidentBytes()) / (1 << 20));
    std::fflush(stdout);
    clock.restart();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: bench_scale_training DIR [ROWS] [STEPS]\n");
        return 2;
    }
    const QString dir = args[1];
    const int rows = args.value(2, QStringLiteral("1000000")).toInt();
    const int steps = args.value(3, QStringLiteral("10000")).toInt();
    QElapsedTimer clock;
    clock.start();

    const rs::BottleneckCache cache(dir + QStringLiteral("/cache"), QStringLiteral("synthetic"), QStringLiteral("bottleneck"));
    if (cache.size() != 0) {
        std::fprintf(stderr, "%s already holds a cache\n", qPrintable(dir));
        return 2;
    }
    std::vector<float> row(kCols);
    XorShift random{0x9E3779B97F4A7C15ull};
    for (int r = 0; r < rows; ++r) {
        const int c = r % kClasses;
        for (int i = 0; i < kCols; ++i)
            row[std::size_t(i)] = random.next() + (i % kClasses == c ? 0.02f : 0.0f);
        cache.store(keyOf(r), row.data(), kCols);
    }
    std::printf("pack: %d x %d float16, %.2f GB\n", rows, kCols,
                double(QFileInfo(cache.entriesFile()).size() + QFileInfo(cache.indexFile()).size()) / 1e9);
    report("write the pack", clock);

    // Rows 0..9 of every 10 are train x8, validation, test: every class in every set.
    rs::LabelledFeatures train, validation, test;
    auto onDisk = std::make_shared<rs::PackRows>();
    std::vector<float> values;
    for (int r = 0; r < rows; ++r) {
        const int set = (r / kClasses) % 10;
        if (set < 8) {
            onDisk->append(cache, keyOf(r));
            train.labels.push_back(r % kClasses);
            continue;
        }
        rs::LabelledFeatures &held = set == 8 ? validation : test;
        cache.load(keyOf(r), values);
        held.features.values.insert(held.features.values.end(), values.begin(), values.end());
        held.features.cols = kCols;
        ++held.features.rows;
        held.labels.push_back(r % kClasses);
    }
    train.packed = onDisk;
    std::printf("train %lld rows on disk, validation %lld and test %lld in memory\n", (long long)train.rows(),
                (long long)validation.features.rows, (long long)test.features.rows);
    report("index the training rows, read the held-out", clock);

    rs::TrainingOptions options;
    options.steps = steps;
    options.evalInterval = steps / 10;
    const rs::ClassifierHead head = rs::ClassifierHead::train(train, validation, kClasses, options);
    report("train the default head", clock);
    const rs::FeatureMatrix probabilities = head.probabilities(test.features);
    int correct = 0;
    for (std::int64_t r = 0; r < probabilities.rows; ++r) {
        const float *p = probabilities.row(r);
        correct += int(std::max_element(p, p + kClasses) - p) == test.labels[std::size_t(r)];
    }
    std::printf("test accuracy %.1f %% on %lld rows\n", 100.0 * correct / double(probabilities.rows),
                (long long)probabilities.rows);
    report("evaluate the test rows", clock);

    const rs::CacheMerge merge = rs::mergeCaches(dir + QStringLiteral("/merged"), {dir + QStringLiteral("/cache")});
    std::printf("merge: %zu entries checked, %zu copied\n", merge.checked, merge.copied);
    report("merge the pack into an empty cache folder", clock);
    return 0;
}
