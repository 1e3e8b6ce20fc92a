// The fast inference copy against the model it was made from, on real images (Fashion-MNIST
// and the test photos) and seeded torchvision weights with calibrated BatchNorm statistics:
// folding BatchNorm and channels-last change only rounding; bfloat16 stays within the
// documented tolerance (cosine >= 0.9999 per image), int8 within its own (median cosine
// >= 0.9995, 1st percentile >= 0.999), and both train a head as accurate as float32, as do
// float32 features stored as float16 by the cache.

#include "data/sampledata.h"
#include "evaluation/evaluation.h"
#include "features/bottleneckcache.h"
#include "features/extraction.h"
#include "features/int8calibration.h"
#include "images/preprocess.h"
#include "model/backbone.h"
#include "model/backboneimpl.h"
#include "model/inferencemodel.h"
#include "testsupport.h"
#include "training/classifierhead.h"

#include <ATen/Functions.h>
#include <ATen/Parallel.h>
#include <c10/core/InferenceMode.h>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QDirIterator>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <optional>

using rs::test::referenceFile;

namespace {

// Every Fashion-MNIST sample image under `dir`, labelled by its folder's position.
struct Images
{
    QStringList paths;
    std::vector<int> labels;
};

Images sampleImages(const QString &dir, int perClass)
{
    const rs::SampleDataResult written = rs::writeFashionMnistSamples(dir, perClass);
    Images images;
    for (int c = 0; c < written.classes.size(); ++c) {
        QDirIterator it(QDir(dir).filePath(written.classes[c]), {QStringLiteral("*.png")}, QDir::Files);
        QStringList files;
        while (it.hasNext())
            files << it.next();
        files.sort();
        for (const QString &f : files) {
            images.paths << f;
            images.labels.push_back(c);
        }
    }
    return images;
}

double cosine(const float *a, const float *b, std::int64_t n)
{
    double ab = 0, aa = 0, bb = 0;
    for (std::int64_t i = 0; i < n; ++i) {
        ab += double(a[i]) * b[i];
        aa += double(a[i]) * a[i];
        bb += double(b[i]) * b[i];
    }
    return ab / std::sqrt(aa * bb);
}

rs::LabelledFeatures rowsOf(const rs::FeatureMatrix &all, const std::vector<int> &labels, int part, int parts)
{
    rs::LabelledFeatures set;
    set.features.cols = all.cols;
    for (std::int64_t r = 0; r < all.rows; ++r)
        if (r % parts == part) {
            set.features.values.insert(set.features.values.end(), all.row(r), all.row(r) + all.cols);
            set.labels.push_back(labels[std::size_t(r)]);
            ++set.features.rows;
        }
    return set;
}

} // namespace

class TestInference : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        at::set_num_threads(2);
        QVERIFY(m_dir.isValid());
        m_backbone.emplace(rs::Backbone::fromFile(referenceFile(QStringLiteral("inception_zip.pth"))));
        m_images = sampleImages(m_dir.path(), 16);
        for (const char *photo : {"photo.jpg", "wide_photo.png", "cmyk.jpg", "rotated.jpg"}) {
            static_assert(kPhotos == 4);
            m_images.paths << rs::test::imageFile(QLatin1String(photo));
            m_images.labels.push_back(0);
        }
    }

    void autoChoosesBFloat16OnlyWhereTheCpuHasIt()
    {
        const rs::Precision expected = rs::cpuHasNativeBFloat16() ? rs::Precision::BFloat16 : rs::Precision::Float32;
        QCOMPARE(rs::resolvePrecision(rs::Precision::Auto), expected);
        QCOMPARE(rs::resolvePrecision(rs::Precision::Float32), rs::Precision::Float32);
        for (rs::Precision p : {rs::Precision::Auto, rs::Precision::Float32, rs::Precision::BFloat16})
            QCOMPARE(rs::precisionFromName(rs::precisionName(p)), p);
        QVERIFY(!rs::precisionFromName(QStringLiteral("fp16")));

        const rs::Backbone backbone = rs::Backbone::untrained(3);
        QCOMPARE(backbone.featureKey(rs::Precision::Float32), backbone.weights().fingerprint);
        QVERIFY(backbone.featureKey(rs::Precision::BFloat16) != backbone.weights().fingerprint);
        QCOMPARE(backbone.featureKey(rs::Precision::Auto), backbone.featureKey(expected));
    }

    // Folding rounds once where the unfolded model rounds after the convolution and again in
    // the BatchNorm; channels-last sums in another order. Both are rounding, nothing more.
    void foldedChannelsLastFloat32MatchesTheModel_data()
    {
        QTest::addColumn<QString>("activation");
        for (const char *name : {"Conv2d_1a_3x3", "Mixed_6e", "avgpool", "fc"})
            QTest::newRow(name) << QString::fromLatin1(name);
    }

    void foldedChannelsLastFloat32MatchesTheModel()
    {
        QFETCH(QString, activation);
        const at::Tensor input = networkInputs(8);
        const rs::InferenceModel fast(*m_backbone->impl().model, rs::Precision::Float32);
        c10::InferenceMode inference;
        const std::string name = activation.toStdString();
        const at::Tensor expected = m_backbone->impl().model.ptr()->activations(input, {name}).at(name).contiguous();
        const at::Tensor actual = fast.activation(input, name, nullptr).contiguous();
        QCOMPARE(actual.sizes(), expected.sizes());
        const double relative = rs::test::compare(actual.data_ptr<float>(), expected.data_ptr<float>(),
                                                  std::size_t(actual.numel())).relative();
        qInfo("%s: relative max abs difference %.2e", qPrintable(activation), relative);
        QVERIFY(relative < 1e-5);
    }

    void theModelItselfIsNotTouched()
    {
        const auto &model = *m_backbone->impl().model;
        const rs::InferenceModel fast(model, rs::Precision::BFloat16);
        QVERIFY(!model.Conv2d_1a_3x3->folded);
        QVERIFY(!model.Conv2d_1a_3x3->conv->bias.defined());
        QCOMPARE(model.Conv2d_1a_3x3->conv->weight.scalar_type(), at::kFloat);
        QVERIFY(model.Conv2d_1a_3x3->conv->weight.is_contiguous());
        QCOMPARE(m_backbone->weights().fingerprint,
                 rs::Backbone::fromFile(referenceFile(QStringLiteral("inception_zip.pth"))).weights().fingerprint);
    }

    void bfloat16FeaturesStayWithinCosine0_9999()
    {
        const rs::FeatureMatrix fp32 = features(rs::Precision::Float32);
        const rs::FeatureMatrix bf16 = features(rs::Precision::BFloat16);
        QCOMPARE(bf16.rows, std::int64_t(m_images.paths.size()));
        double worst = 1;
        for (std::int64_t r = 0; r < fp32.rows; ++r)
            worst = std::min(worst, cosine(fp32.row(r), bf16.row(r), fp32.cols));
        qInfo("bottlenecks of %lld real images: lowest cosine bf16 vs fp32 %.7f", qlonglong(fp32.rows), worst);
        QVERIFY(worst >= 0.9999);
    }

    // Int8 is post-training quantization with ranges measured on 16 of these images: per-image
    // cosine of its bottlenecks to float32's (measured: median 0.99977, 1st percentile 0.99969).
    void int8FeaturesFollowFloat32()
    {
        QVERIFY(rs::int8Available());
        const rs::FeatureMatrix fp32 = features(rs::Precision::Float32);
        const rs::FeatureMatrix int8 = features(rs::Precision::Int8);
        QCOMPARE(int8.rows, fp32.rows);
        std::vector<double> cosines;
        for (std::int64_t r = 0; r < fp32.rows; ++r)
            cosines.push_back(cosine(fp32.row(r), int8.row(r), fp32.cols));
        std::sort(cosines.begin(), cosines.end());
        const double median = cosines[cosines.size() / 2], first = cosines[cosines.size() / 100];
        qInfo("bottlenecks of %lld real images, int8 vs fp32: cosine median %.5f, 1st percentile %.5f, lowest %.5f",
              qlonglong(fp32.rows), median, first, cosines.front());
        QVERIFY(median >= 0.9995);
        QVERIFY(first >= 0.999);
    }

    // The sample is chosen by name, whatever the order; its id keys the cache, so features of
    // two samples never mix; an unreadable image in it is passed over.
    void int8CalibrationsAreNamedByTheirSample()
    {
        const QStringList some = m_images.paths.mid(0, 40), others = m_images.paths.mid(40, 40);
        QStringList reversed = some;
        std::reverse(reversed.begin(), reversed.end());
        const QString id = rs::calibrateInt8(*m_backbone, some);
        QCOMPARE(rs::calibrateInt8(*m_backbone, reversed), id);
        QVERIFY(id.contains(QStringLiteral("x16-")));
        const QString otherId = rs::calibrateInt8(*m_backbone, others);
        QVERIFY(otherId != id);
        QVERIFY(m_backbone->featureKey(rs::Precision::Int8, id) != m_backbone->featureKey(rs::Precision::Int8, otherId));
        QVERIFY(m_backbone->featureKey(rs::Precision::Int8, id) != m_backbone->featureKey(rs::Precision::BFloat16));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, m_backbone->featureKey(rs::Precision::Int8));
        const std::vector<float> input(3 * rs::Backbone::kInputSize * rs::Backbone::kInputSize, 0.5f);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, m_backbone->extract(input.data(), 1, rs::Backbone::kBottleneck,
                                                                            rs::Precision::Int8, true, nullptr,
                                                                            QStringLiteral("never-given")));

        QTemporaryDir dir;
        const QString broken = dir.filePath(QStringLiteral("broken.png"));
        QFile file(broken);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a png");
        file.close();
        const QStringList two = {broken, m_images.paths[0]};
        const QString oneImage = rs::calibrateInt8(*m_backbone, two);
        QVERIFY(oneImage.contains(QStringLiteral("x1-")));
        QCOMPARE(rs::calibrateInt8(*m_backbone, {m_images.paths[0]}), oneImage);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, rs::calibrateInt8(*m_backbone, {broken}));
    }

    // An image alone gets the features it gets in a batch. LibTorch 1.13's oneDNN refused a
    // batch of one outright on an AMD EPYC with AVX512-VNNI and BF16 ("could not create a
    // primitive descriptor for a reorder primitive"): extraction then failed on the last image
    // of a set of 8n + 1.
    void int8ExtractsAnImageAloneAsInABatch()
    {
        const rs::Backbone backbone = rs::Backbone::untrained(5);
        const std::int64_t size = 3 * rs::Backbone::kInputSize * rs::Backbone::kInputSize;
        std::vector<float> input(std::size_t(2 * size));
        for (std::size_t i = 0; i < input.size(); ++i)
            input[i] = float(std::sin(double(i) * 0.001));
        backbone.calibrateInt8(QStringLiteral("pair"), input.data(), 2);
        const auto bottlenecks = [&](const float *images, std::int64_t count) {
            return backbone.extract(images, count, rs::Backbone::kBottleneck, rs::Precision::Int8, true, nullptr,
                                    QStringLiteral("pair"));
        };
        const rs::FeatureMatrix batch = bottlenecks(input.data(), 2);
        const rs::FeatureMatrix alone = bottlenecks(input.data() + size, 1);
        QCOMPARE(alone.rows, std::int64_t(1));
        double largest = 0, off = 0;
        for (std::int64_t c = 0; c < batch.cols; ++c) {
            largest = std::max(largest, double(std::abs(batch.row(1)[c])));
            off = std::max(off, double(std::abs(batch.row(1)[c] - alone.row(0)[c])));
        }
        qInfo("int8 bottleneck of an image alone vs in a batch of two: max abs difference %.2e (largest value %.2e)", off, largest);
        QVERIFY(largest > 0);
        QVERIFY(off <= 1e-6 * largest);
    }

    // A NaN has no int8 value: quantizing refuses it rather than round it (undefined).
    void int8RefusesWeightsThatAreNotFinite()
    {
        const rs::Backbone backbone = rs::Backbone::untrained(5);
        {
            torch::NoGradGuard noGrad;
            backbone.impl().model.ptr()->Mixed_7c->branch1x1->conv->weight.view(-1)[7].fill_(std::nan(""));
        }
        const std::vector<float> input(3 * rs::Backbone::kInputSize * rs::Backbone::kInputSize, 0.25f);
        backbone.calibrateInt8(QStringLiteral("nan"), input.data(), 1);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 backbone.extract(input.data(), 1, rs::Backbone::kBottleneck, rs::Precision::Int8, true,
                                                  nullptr, QStringLiteral("nan")));
    }

    // Seeds are the yardstick of noise: a head's test accuracy on these 40 images moves by
    // ~0.05 from one training seed to the next (measured: fp32 0.550-0.625). The third
    // variant is what the cache hands back: fp32 features stored as float16.
    void reducedPrecisionTrainsAHeadAsAccurateAsFloat32()
    {
        const int fashion = int(m_images.paths.size()) - kPhotos; // photos have no class
        const rs::FeatureMatrix fp32 = features(rs::Precision::Float32, fashion);
        rs::FeatureMatrix stored = fp32;
        QTemporaryDir cacheRoot;
        const rs::BottleneckCache cache(cacheRoot.path(), QStringLiteral("test"), rs::Backbone::kBottleneck);
        for (std::int64_t r = 0; r < stored.rows; ++r)
            cache.store(QCryptographicHash::hash(QByteArray::number(r), QCryptographicHash::Sha256),
                        stored.values.data() + r * stored.cols, int(stored.cols));
        const rs::FeatureMatrix variants[4] = {fp32, features(rs::Precision::BFloat16, fashion), stored,
                                               features(rs::Precision::Int8, fashion)};
        double meanAccuracy[4] = {0, 0, 0, 0};
        for (int i = 0; i < 4; ++i) {
            // Half trains, a quarter validates, a quarter tests; the same rows for every variant.
            const rs::LabelledFeatures train = rowsOf(variants[i], m_images.labels, 0, 2);
            const rs::LabelledFeatures validation = rowsOf(variants[i], m_images.labels, 1, 4);
            const rs::LabelledFeatures test = rowsOf(variants[i], m_images.labels, 3, 4);
            for (std::uint64_t seed : {0, 1, 2}) {
                rs::TrainingOptions options;
                options.seed = seed;
                options.steps = 2000;
                options.batchSize = 32;
                options.optimizer = rs::TrainingOptions::Optimizer::Adam;
                options.schedule.base = 0.001;
                options.schedule.minimum = 0.0001;
                const rs::ClassifierHead head = rs::ClassifierHead::train(train, validation, 10, options, {});
                const rs::Evaluation result = rs::evaluate(head.probabilities(test.features), test.labels, {});
                meanAccuracy[i] += result.accuracy / 3;
            }
        }
        qInfo("mean test accuracy over 3 seeds: fp32 %.3f, bf16 %.3f, fp32 stored as float16 %.3f, int8 %.3f (chance 0.1)",
              meanAccuracy[0], meanAccuracy[1], meanAccuracy[2], meanAccuracy[3]);
        QVERIFY(meanAccuracy[0] > 0.4); // the comparison means something only if the head learnt
        // Int8 gets the whole seed-to-seed range: its mean moved from 0.625 (run alone) to 0.600
        // (under ctest -j2) with the same code, one test image in one seed's head.
        for (int i = 1; i < 4; ++i)
            QVERIFY2(std::abs(meanAccuracy[0] - meanAccuracy[i]) <= (i == 3 ? 0.075 : 0.05), qPrintable(QString::number(i)));
    }

private:
    at::Tensor networkInputs(int count)
    {
        QStringList paths;
        for (int i = 0; i < count; ++i)
            paths << m_images.paths[(i * 7) % m_images.paths.size()];
        std::vector<float> values;
        for (const QString &path : paths) {
            const rs::DecodedImage decoded = rs::loadImage(path);
            const std::vector<float> input = rs::networkInput(decoded.image, rs::Backbone::kInputSize);
            values.insert(values.end(), input.begin(), input.end());
        }
        return at::tensor(values).reshape({count, 3, rs::Backbone::kInputSize, rs::Backbone::kInputSize});
    }

    rs::FeatureMatrix features(rs::Precision precision, int count = -1)
    {
        rs::ExtractionOptions options;
        options.precision = precision;
        return rs::extractFeatures(*m_backbone, m_images.paths.mid(0, count), options).features;
    }

    static constexpr int kPhotos = 4;
    QTemporaryDir m_dir;
    std::optional<rs::Backbone> m_backbone;
    Images m_images;
};

QTEST_GUILESS_MAIN(TestInference)
#include "test_inference.moc"
