// Augmented variants: retrain.py's distortions, reproducible per image and copy, and a run
// that trains on the copies with their features cached.

#include "data/sampledata.h"
#include "images/augmentation.h"
#include "images/liveaugmentation.h"
#include "images/preprocess.h"
#include "model/backbone.h"
#include "training/trainingrun.h"

#include <QCryptographicHash>
#include <QDir>
#include <QTemporaryDir>
#include <QTest>

namespace {

constexpr int kSize = 64;

rs::RgbImage gradient()
{
    rs::RgbImage image{90, 70, {}};
    for (int y = 0; y < image.height; ++y)
        for (int x = 0; x < image.width; ++x)
            image.pixels.insert(image.pixels.end(), {std::uint8_t(x * 2), std::uint8_t(y * 3), std::uint8_t((x + y) % 256)});
    return image;
}

const QByteArray kHash = QCryptographicHash::hash("image bytes", QCryptographicHash::Sha256);

double maxDifference(const std::vector<float> &a, const std::vector<float> &b)
{
    double d = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        d = std::max(d, double(std::abs(a[i] - b[i])));
    return d;
}

std::vector<float> mirrored(const std::vector<float> &chw)
{
    std::vector<float> out(chw.size());
    for (int c = 0; c < 3; ++c)
        for (int y = 0; y < kSize; ++y)
            for (int x = 0; x < kSize; ++x)
                out[std::size_t((c * kSize + y) * kSize + x)] = chw[std::size_t((c * kSize + y) * kSize + kSize - 1 - x)];
    return out;
}

} // namespace

class TestAugmentation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void withoutDistortionItIsThePlainInput()
    {
        rs::Augmentation none;
        none.copies = 3;
        QVERIFY(!none.enabled());
        QVERIFY(maxDifference(rs::augmentedInput(gradient(), kSize, none, kHash, 1), rs::networkInput(gradient(), kSize)) < 1e-6);
    }

    void flipMirrorsAboutHalfTheCopies()
    {
        rs::Augmentation flip;
        flip.flipLeftRight = true;
        flip.copies = 1;
        const std::vector<float> plain = rs::networkInput(gradient(), kSize);
        int flipped = 0;
        for (int v = 0; v < 40; ++v) {
            const std::vector<float> out = rs::augmentedInput(gradient(), kSize, flip, kHash, v);
            const bool isMirror = maxDifference(out, mirrored(plain)) < 1e-6;
            QVERIFY(isMirror || maxDifference(out, plain) < 1e-6);
            flipped += isMirror;
        }
        QVERIFY2(flipped > 10 && flipped < 30, qPrintable(QString::number(flipped)));
    }

    void brightnessScalesEveryPixelByOneFactor()
    {
        rs::Augmentation bright;
        bright.brightnessPercent = 20;
        bright.copies = 1;
        const std::vector<float> plain = rs::networkInput(gradient(), kSize);
        const std::vector<float> out = rs::augmentedInput(gradient(), kSize, bright, kHash, 7);
        // (v + 1) * 127.5 is the pixel value; its ratio is the brightness factor.
        const double factor = (out[100] + 1.0) / (plain[100] + 1.0);
        QVERIFY(factor >= 0.8 && factor <= 1.2 && std::abs(factor - 1.0) > 1e-3);
        for (std::size_t i = 0; i < out.size(); i += 97)
            QVERIFY(std::abs((out[i] + 1.0) - (plain[i] + 1.0) * factor) < 1e-5);
    }

    void cropAndScaleAreReproducibleAndVary()
    {
        rs::Augmentation a;
        a.cropPercent = 10;
        a.scalePercent = 20;
        a.copies = 2;
        const std::vector<float> first = rs::augmentedInput(gradient(), kSize, a, kHash, 0);
        QCOMPARE(first.size(), std::size_t(3 * kSize * kSize));
        QCOMPARE(rs::augmentedInput(gradient(), kSize, a, kHash, 0), first);
        QVERIFY(rs::augmentedInput(gradient(), kSize, a, kHash, 1) != first);
        QVERIFY(maxDifference(first, rs::networkInput(gradient(), kSize)) > 0.01);
        const QByteArray otherImage = QCryptographicHash::hash("other bytes", QCryptographicHash::Sha256);
        QVERIFY(rs::augmentedInput(gradient(), kSize, a, otherImage, 0) != first);
    }

    void refusesNonsense()
    {
        rs::Augmentation a;
        a.brightnessPercent = 100;
        QVERIFY(!a.validate().isEmpty());
        a.brightnessPercent = 10;
        a.copies = -1;
        QVERIFY(!a.validate().isEmpty());
        a.copies = 2;
        QVERIFY(a.validate().isEmpty());
    }

    void liveAugmentationOffIsTheNetworkInput()
    {
        rs::LiveAugmentation none;
        none.randomResizedCrop = none.flipLeftRight = false;
        QVERIFY(!none.enabled());
        QCOMPARE(rs::liveAugmentedInput(gradient(), kSize, none, 7), rs::networkInput(gradient(), kSize));
    }

    void liveFlipMirrorsAboutHalfTheTime()
    {
        rs::LiveAugmentation flip;
        flip.randomResizedCrop = false;
        const std::vector<float> plain = rs::networkInput(gradient(), kSize);
        int flipped = 0;
        for (std::uint64_t seed = 0; seed < 40; ++seed) {
            const std::vector<float> out = rs::liveAugmentedInput(gradient(), kSize, flip, seed);
            QVERIFY(out == plain || out == mirrored(plain));
            flipped += out != plain;
        }
        QVERIFY2(flipped > 8 && flipped < 32, qPrintable(QString::number(flipped)));
        QCOMPARE(rs::liveAugmentedInput(gradient(), kSize, flip, 3), rs::liveAugmentedInput(gradient(), kSize, flip, 3));
    }

    void randomResizedCropKeepsTorchvisionsRanges()
    {
        double smallest = 1, largest = 0;
        for (std::uint64_t seed = 0; seed < 500; ++seed) {
            const rs::CropBox box = rs::randomResizedCropBox(400, 300, seed);
            QVERIFY(box.left >= 0 && box.top >= 0 && box.left + box.width <= 400 && box.top + box.height <= 300);
            const double area = double(box.width) * box.height / (400.0 * 300.0), ratio = double(box.width) / box.height;
            QVERIFY2(area >= 0.079 && area <= 1.0, qPrintable(QString::number(area)));
            QVERIFY2(ratio >= 0.74 && ratio <= 1.34, qPrintable(QString::number(ratio)));
            smallest = std::min(smallest, area);
            largest = std::max(largest, area);
        }
        QVERIFY(smallest < 0.15 && largest > 0.9);
        // No try fits a 1000 x 10 strip: torchvision's fallback, the centred crop of ratio 4/3.
        const rs::CropBox strip = rs::randomResizedCropBox(1000, 10, 1);
        QCOMPARE(strip.left, 493);
        QCOMPARE(strip.top, 0);
        QCOMPARE(strip.width, 13);
        QCOMPARE(strip.height, 10);
    }

    void liveAugmentationReadsItsOwnText()
    {
        rs::LiveAugmentation a;
        a.brightnessPercent = 20;
        a.contrastPercent = 12.5;
        QCOMPARE(a.toText(), QStringLiteral("crop,flip,brightness=20,contrast=12.5"));
        const auto back = rs::LiveAugmentation::fromText(a.toText());
        QVERIFY(back);
        QCOMPARE(back->toText(), a.toText());
        QCOMPARE(rs::LiveAugmentation::fromText(QStringLiteral("none"))->toText(), QStringLiteral("none"));
        QString error;
        QVERIFY(!rs::LiveAugmentation::fromText(QStringLiteral("crop,rotate"), &error));
        QVERIFY2(error.startsWith(QStringLiteral("'rotate' is not a live augmentation")), qPrintable(error));
        QVERIFY(!rs::LiveAugmentation::fromText(QStringLiteral("brightness=120"), &error));
        QVERIFY2(error.contains(QStringLiteral("below 100")), qPrintable(error));
    }

    void aRunTrainsOnCachedCopiesOfTheTrainingImagesOnly()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("data"));
        rs::writeFashionMnistSamples(data, 3);
        const rs::Backbone backbone = rs::Backbone::untrained(4);
        rs::TrainingRunOptions options;
        options.sources = rs::findClasses({data});
        options.split = {20, 20};
        options.cacheRoot = dir.filePath(QStringLiteral("cache"));
        options.training.steps = 5;
        options.augmentation.flipLeftRight = true;
        options.augmentation.brightnessPercent = 10;
        options.augmentation.copies = 2;
        std::vector<rs::ExtractionProgress> progress;
        rs::TrainingRunCallbacks callbacks;
        callbacks.extracting = [&](const rs::ExtractionProgress &p) { progress.push_back(p); };
        const rs::TrainingRun run = rs::runTraining(backbone, options, callbacks);
        const int train = int(run.dataset.indicesOf(rs::Subset::Train).size());
        QCOMPARE(run.augmentedRows, 2 * train);
        QCOMPARE(run.computed, 30 + 2 * train);
        QCOMPARE(progress.back().done, 30 + 2 * train);
        QCOMPARE(progress.back().total, 30 + 2 * train);
        // One cache folder for the originals, one per copy and one for the images' signatures.
        QCOMPARE(QDir(options.cacheRoot).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size(), 4);
        QCOMPARE(run.report(backbone.weights()).value(QStringLiteral("augmentation")).toObject().value(QStringLiteral("rows_added")).toInt(),
                 2 * train);

        const rs::TrainingRun again = rs::runTraining(backbone, options);
        QCOMPARE(again.computed, 0);
        QCOMPARE(again.fromCache, 30 + 2 * train);
        // The copies change training, not evaluation: the test set is the same images.
        QCOMPARE(again.evaluation.count, run.evaluation.count);
    }
};

QTEST_GUILESS_MAIN(TestAugmentation)
#include "test_augmentation.moc"
