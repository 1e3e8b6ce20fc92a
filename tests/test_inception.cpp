// The C++ InceptionV3 against torchvision: the same state-dict keys, the same outputs from
// the same weights in both file formats, strict loading, and the Backbone built on it.

#include "io/bytereader.h"
#include "io/statedict.h"
#include "model/backbone.h"
#include "model/inception.h"
#include "model/weightsloader.h"
#include "testsupport.h"

#include <ATen/Functions.h>
#include <ATen/Parallel.h>
#include <c10/core/InferenceMode.h>

#include <QFile>
#include <QTest>

#include <functional>

using rs::test::referenceFile;
using Damage = std::function<void(rs::StateDict &)>;
Q_DECLARE_METATYPE(Damage)

namespace {

// Outputs are compared relative to their largest magnitude. At two threads float32 sums run
// in another order than Python's single thread; measured differences reach ~5e-5.
constexpr double kTolerance = 1e-4;
// Backbone::extract runs the fast copy (BatchNorm folded, channels-last): its sums run in yet
// another order; on this random input Mixed_6e differs by up to 1.0e-4.
constexpr double kFastPathTolerance = 2e-4;

at::Tensor fromNpy(const QString &name)
{
    rs::NpyArray a = rs::test::npy(referenceFile(name));
    return at::tensor(a.values).reshape(a.shape);
}

double relativeError(const at::Tensor &actual, const at::Tensor &expected)
{
    const at::Tensor a = actual.contiguous(), e = expected.contiguous();
    if (a.sizes() != e.sizes())
        qFatal("shape mismatch");
    return rs::test::compare(a.data_ptr<float>(), e.data_ptr<float>(), std::size_t(a.numel())).relative();
}

rs::InceptionV3 loadModel(const QString &file)
{
    rs::InceptionV3 model;
    rs::loadStrict(*model, rs::readStateDict(referenceFile(file)), "InceptionV3");
    model->eval();
    return model;
}

QString loadError(const Damage &damage)
{
    rs::StateDict dict = rs::readStateDict(referenceFile(QStringLiteral("inception_zip.pth")));
    damage(dict);
    rs::InceptionV3 model;
    try {
        rs::loadStrict(*model, dict, "InceptionV3");
    } catch (const rs::FormatError &e) {
        return QString::fromUtf8(e.what());
    }
    return QString();
}

} // namespace

class TestInception : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        at::set_num_threads(2);
    }

    void hasTorchvisionsStateDictKeys()
    {
        QFile keys(referenceFile(QStringLiteral("inception_keys.txt")));
        QVERIFY(keys.open(QIODevice::ReadOnly | QIODevice::Text));
        QStringList expected;
        while (!keys.atEnd())
            expected << QString::fromUtf8(keys.readLine()).trimmed();

        rs::InceptionV3 model;
        QStringList actual;
        auto describe = [](const std::string &name, const at::Tensor &t) -> QString {
            QStringList dims;
            for (auto n : t.sizes())
                dims << QString::number(n);
            return QString::fromStdString(name) + QLatin1Char(' ')
                + (dims.isEmpty() ? QStringLiteral("scalar") : dims.join(QLatin1Char('x')));
        };
        for (const auto &p : model->named_parameters())
            actual << describe(p.key(), p.value());
        for (const auto &b : model->named_buffers())
            actual << describe(b.key(), b.value());
        QCOMPARE(actual.size(), 580);
        expected.sort();
        actual.sort();
        QCOMPARE(actual, expected);
    }

    void matchesTorchvision_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("transformInput");
        QTest::addColumn<int>("threads");
        QTest::addColumn<double>("tolerance");
        // One thread does the arithmetic in Python's order: the outputs are bit-identical.
        for (const char *format : {"zip", "legacy"})
            for (bool transform : {false, true})
                for (int threads : {1, 2})
                    QTest::addRow("%s, transform_input=%d, %d threads", format, transform, threads)
                        << QStringLiteral("inception_%1.pth").arg(QLatin1String(format)) << transform << threads
                        << (threads == 1 ? 0.0 : kTolerance);
    }

    void matchesTorchvision()
    {
        QFETCH(QString, file);
        QFETCH(bool, transformInput);
        QFETCH(int, threads);
        QFETCH(double, tolerance);
        at::set_num_threads(threads);
        rs::InceptionV3 model = loadModel(file);
        model->transformInput = transformInput;
        const QString suffix = transformInput ? QStringLiteral("_transform.npy") : QStringLiteral(".npy");
        c10::InferenceMode inference;
        const auto out = model->activations(fromNpy(QStringLiteral("input.npy")), {"fc", "avgpool", "Mixed_6e"});
        const double logits = relativeError(out.at("fc"), fromNpy(QStringLiteral("logits") + suffix));
        const double pool = relativeError(out.at("avgpool"), fromNpy(QStringLiteral("pool") + suffix));
        const double mixed6e = relativeError(out.at("Mixed_6e"), fromNpy(QStringLiteral("mixed_6e") + suffix));
        qInfo("relative max abs difference: logits %.2e, pool %.2e, Mixed_6e %.2e", logits, pool, mixed6e);
        QVERIFY(logits <= tolerance);
        QVERIFY(pool <= tolerance);
        QVERIFY(mixed6e <= tolerance);
        QVERIFY(at::equal(model->forward(fromNpy(QStringLiteral("input.npy"))), out.at("fc")));
        at::set_num_threads(2);
    }

    void strictLoadingNamesTheKey_data()
    {
        QTest::addColumn<Damage>("damage");
        QTest::addColumn<QString>("reason");
        auto find = [](rs::StateDict &d, const std::string &key) -> at::Tensor & {
            for (auto &[name, tensor] : d.tensors)
                if (name == key)
                    return tensor;
            qFatal("no key %s", key.c_str());
        };
        QTest::newRow("missing") << Damage([](rs::StateDict &d) { d.tensors.pop_back(); })
                                 << "missing key 'fc.bias'";
        QTest::newRow("unexpected") << Damage([](rs::StateDict &d) { d.tensors.emplace_back("head.weight", at::zeros({1})); })
                                    << "unexpected key 'head.weight'";
        QTest::newRow("shape") << Damage([find](rs::StateDict &d) { find(d, "fc.weight") = at::zeros({10, 2048}); })
                               << "key 'fc.weight' has shape [10, 2048], the model needs [1000, 2048]";
        QTest::newRow("dtype") << Damage([find](rs::StateDict &d) { find(d, "Mixed_7c.branch1x1.bn.weight") = at::zeros({320}, at::kInt); })
                               << "key 'Mixed_7c.branch1x1.bn.weight' has dtype Int";
        QTest::newRow("duplicate") << Damage([](rs::StateDict &d) { d.tensors.push_back(d.tensors.front()); })
                                   << "appears twice";
    }

    void strictLoadingNamesTheKey()
    {
        QFETCH(Damage, damage);
        QFETCH(QString, reason);
        const QString error = loadError(damage);
        QVERIFY2(error.contains(reason), qPrintable(error));
    }

    void convertsOtherPrecisions()
    {
        const rs::Backbone exact = rs::Backbone::fromFile(referenceFile(QStringLiteral("inception_zip.pth")));
        const rs::Backbone mixed = rs::Backbone::fromFile(referenceFile(QStringLiteral("inception_mixed_dtypes.pth")));
        const rs::NpyArray input = rs::test::npy(referenceFile(QStringLiteral("input.npy")));
        // float32 -> float64 -> float32 is exact; only the float16 fc weights lose precision.
        const auto a = exact.extract(input.values.data(), 2, rs::Backbone::kBottleneck, rs::Precision::Float32);
        const auto b = mixed.extract(input.values.data(), 2, rs::Backbone::kBottleneck, rs::Precision::Float32);
        QCOMPARE(b.values, a.values);
        const auto la = exact.extract(input.values.data(), 2, rs::Backbone::kLogits, rs::Precision::Float32);
        const auto lb = mixed.extract(input.values.data(), 2, rs::Backbone::kLogits, rs::Precision::Float32);
        const double error = rs::test::compare(lb.values.data(), la.values.data(), la.values.size()).relative();
        QVERIFY2(error > 0 && error < 1e-2, qPrintable(QString::number(error)));
        QVERIFY(mixed.weights().fingerprint != exact.weights().fingerprint);
    }

    void fingerprintDependsOnValuesNotFormat()
    {
        const rs::Backbone zip = rs::Backbone::fromFile(referenceFile(QStringLiteral("inception_zip.pth")));
        const rs::Backbone legacy = rs::Backbone::fromFile(referenceFile(QStringLiteral("inception_legacy.pth")));
        QCOMPARE(zip.weights().format, QStringLiteral("zip"));
        QCOMPARE(legacy.weights().format, QStringLiteral("legacy"));
        QCOMPARE(zip.weights().fingerprint, legacy.weights().fingerprint);
        QCOMPARE(zip.weights().fingerprint.size(), 64);
        QCOMPARE(zip.weights().tensorCount, 580);
        QVERIFY(zip.weights().pretrained);
    }

    void backboneExtractsNamedLayers()
    {
        rs::Backbone backbone = rs::Backbone::fromFile(referenceFile(QStringLiteral("inception_legacy.pth")));
        const rs::NpyArray input = rs::test::npy(referenceFile(QStringLiteral("input.npy")));
        const at::Tensor mixed6e = fromNpy(QStringLiteral("mixed_6e.npy"));

        const rs::FeatureMatrix bottleneck = backbone.extract(input.values.data(), 2, rs::Backbone::kBottleneck, rs::Precision::Float32);
        QCOMPARE(bottleneck.cols, 2048);
        QVERIFY(relativeError(at::tensor(bottleneck.values).reshape({2, 2048}), fromNpy(QStringLiteral("pool.npy"))) <= kFastPathTolerance);

        const rs::FeatureMatrix pooled = backbone.extract(input.values.data(), 2, QStringLiteral("Mixed_6e"), rs::Precision::Float32);
        QCOMPARE(pooled.cols, 768);
        QVERIFY(relativeError(at::tensor(pooled.values).reshape({2, 768}), mixed6e.mean({2, 3})) <= kFastPathTolerance);

        const rs::FeatureMatrix full = backbone.extract(input.values.data(), 2, QStringLiteral("Mixed_6e"), rs::Precision::Float32, /*pooled=*/false);
        QCOMPARE(full.cols, 768 * 17 * 17);
        QVERIFY(relativeError(at::tensor(full.values).reshape(mixed6e.sizes()), mixed6e) <= kFastPathTolerance);

        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, backbone.extract(input.values.data(), 2, QStringLiteral("Mixed_9z"), rs::Precision::Float32));
        rs::CancelFlag stop{true};
        QVERIFY_THROWS_EXCEPTION(rs::Cancelled, backbone.extract(input.values.data(), 2, rs::Backbone::kBottleneck, rs::Precision::Float32, true, &stop));
        QCOMPARE(rs::Backbone::layerNames().size(), 20);
    }

    void refusesWrongFilesNamingThem()
    {
        const QString path = referenceFile(QStringLiteral("wrong_model.pth"));
        try {
            rs::Backbone::fromFile(path);
            QFAIL("a Linear layer's weights were accepted as InceptionV3");
        } catch (const rs::WeightsError &e) {
            const QString message = QString::fromUtf8(e.what());
            QVERIFY2(message.startsWith(path) && message.contains(QStringLiteral("this file is not InceptionV3 weights: it holds 2 tensors ('weight', 'bias'), 0 of them InceptionV3's")), e.what());
        }
    }

    void untrainedWeightsAreSeededAndFinite()
    {
        const rs::NpyArray input = rs::test::npy(referenceFile(QStringLiteral("input.npy")));
        const rs::Backbone first = rs::Backbone::untrained(7), second = rs::Backbone::untrained(7);
        // Every tensor comes from the seed, none from LibTorch's global generator.
        QCOMPARE(first.weights().fingerprint, second.weights().fingerprint);
        QCOMPARE(first.extract(input.values.data(), 2, rs::Backbone::kLogits, rs::Precision::Float32).values,
                 second.extract(input.values.data(), 2, rs::Backbone::kLogits, rs::Precision::Float32).values);
        const auto a = first.extract(input.values.data(), 2, rs::Backbone::kBottleneck, rs::Precision::Float32);
        const auto c = rs::Backbone::untrained(8).extract(input.values.data(), 2, rs::Backbone::kBottleneck, rs::Precision::Float32);
        QVERIFY(a.values != c.values);
        const at::Tensor t = at::tensor(a.values);
        QVERIFY(at::isfinite(t).all().item<bool>());
        QVERIFY(t.std().item<float>() > 1e-3f && t.abs().max().item<float>() < 1e3f);
        QVERIFY(!rs::Backbone::untrained(7).weights().pretrained);
    }
};

QTEST_GUILESS_MAIN(TestInception)
#include "test_inception.moc"
