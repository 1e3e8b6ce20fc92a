// Grad-CAM against a Python reference: torchvision's InceptionV3 with the same weights, hooks on
// Mixed_7c and pytorch-grad-cam's formula (tests/python/gradcam_reference.py), for a head with
// and without a hidden layer and for the network's own ImageNet logits; and what any map must
// be: on Mixed_7c's 8 x 8 grid, in [0, 1] with its peak at 1, the same every time.

#include "health/gradcam.h"
#include "io/npy.h"
#include "testsupport.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <random>

namespace {

constexpr double kTolerance = 1e-4; // on maps scaled to a peak of 1
constexpr std::int64_t kInputValues = 3 * 299 * 299;

// A head trained on random features, as good as any for following gradients.
rs::ClassifierHead randomHead(int hiddenUnits)
{
    std::mt19937 random(7);
    std::normal_distribution<float> normal;
    rs::LabelledFeatures features;
    features.features.rows = 30;
    features.features.cols = 2048;
    for (int i = 0; i < 30 * 2048; ++i)
        features.features.values.push_back(std::abs(normal(random)));
    for (int i = 0; i < 30; ++i)
        features.labels.push_back(i % 3);
    rs::TrainingOptions options;
    options.steps = 20;
    options.hiddenUnits = hiddenUnits;
    options.evalInterval = 10;
    return rs::ClassifierHead::train(features, features, 3, options);
}

} // namespace

class TestGradCam : public QObject
{
    Q_OBJECT

private:
    std::optional<rs::Backbone> m_backbone;
    rs::NpyArray m_inputs; // two network inputs
    QTemporaryDir m_dir;

    // The reference's maps for both inputs; `head` empty for the ImageNet logits.
    rs::NpyArray reference(const QString &head, int label)
    {
        const QString out = m_dir.filePath(QStringLiteral("reference.npy"));
        QProcess python;
        python.start(rs::test::systemPython(),
                     {QStringLiteral(RS_SOURCE_DIR "/python/gradcam_reference.py"),
                      rs::test::referenceFile(QStringLiteral("inception_zip.pth")), head.isEmpty() ? QStringLiteral("-") : head,
                      rs::test::referenceFile(QStringLiteral("input.npy")), QStringLiteral("Mixed_7c"),
                      QString::number(label), out});
        if (!python.waitForFinished(300000) || python.exitCode() != 0)
            qFatal("gradcam_reference.py failed: %s", python.readAllStandardError().constData());
        return rs::readNpy(out);
    }

    void compareWithReference(const rs::CamTarget &target, const QString &headFile)
    {
        const rs::NpyArray expected = reference(headFile, target.label);
        QCOMPARE(expected.shape, (std::vector<std::int64_t>{2, 8, 8}));
        for (int image = 0; image < 2; ++image) {
            const rs::GradCam cam = rs::gradCam(*m_backbone, m_inputs.values.data() + image * kInputValues, target);
            QCOMPARE(cam.stage, QStringLiteral("Mixed_7c"));
            QCOMPARE(cam.side, 8);
            const double error = rs::test::compare(cam.values.data(), expected.values.data() + image * 64, 64).maxAbs;
            const auto lit = std::count_if(cam.values.begin(), cam.values.end(), [](float v) { return v > 0; });
            qInfo("label %d, image %d: %d of 64 cells above 0, max abs difference from torchvision %.2e", target.label,
                  image, int(lit), error);
            QVERIFY(error <= kTolerance);
            // A map of zeros would match anything: these inputs light some cells and not others.
            QCOMPARE(*std::max_element(cam.values.begin(), cam.values.end()), 1.0f);
            QVERIFY(lit < 64);
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_backbone.emplace(rs::Backbone::fromFile(rs::test::referenceFile(QStringLiteral("inception_zip.pth"))));
        m_inputs = rs::readNpy(rs::test::referenceFile(QStringLiteral("input.npy")));
        QCOMPARE(m_inputs.shape.front(), std::int64_t(2));
    }

    void matchesTorchvisionForAHead_data()
    {
        QTest::addColumn<int>("hiddenUnits");
        QTest::addColumn<int>("label");
        QTest::newRow("linear, class 0") << 0 << 0;
        QTest::newRow("linear, class 2") << 0 << 2;
        QTest::newRow("hidden layer, class 1") << 16 << 1;
    }

    void matchesTorchvisionForAHead()
    {
        QFETCH(int, hiddenUnits);
        QFETCH(int, label);
        const rs::ClassifierHead head = randomHead(hiddenUnits);
        const QString file = m_dir.filePath(QStringLiteral("head.pth"));
        head.save(file);
        compareWithReference({&head, rs::Backbone::kBottleneck, label}, file);
    }

    void matchesTorchvisionForImageNetLogits()
    {
        compareWithReference({nullptr, rs::Backbone::kBottleneck, 207}, {});
    }

    void mapsAreScaledAndRepeatable()
    {
        const rs::ClassifierHead head = randomHead(0);
        const float *input = m_inputs.values.data();
        std::vector<std::vector<float>> maps;
        for (int label : {0, 1, 2}) {
            const rs::GradCam cam = rs::gradCam(*m_backbone, input, {&head, rs::Backbone::kBottleneck, label});
            QCOMPARE(cam.values.size(), std::size_t(64));
            QVERIFY(std::all_of(cam.values.begin(), cam.values.end(), [](float v) { return v >= 0 && v <= 1; }));
            const float peak = *std::max_element(cam.values.begin(), cam.values.end());
            QVERIFY(peak == 1.0f || peak == 0.0f);
            QCOMPARE(rs::gradCam(*m_backbone, input, {&head, rs::Backbone::kBottleneck, label}).values, cam.values);
            maps.push_back(cam.values);
        }
        QVERIFY(maps[0] != maps[1] || maps[1] != maps[2]); // each class is explained by its own weights
    }

    void refusesWhatItCannotExplain()
    {
        const rs::ClassifierHead head = randomHead(0);
        const float *input = m_inputs.values.data();
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, rs::gradCam(*m_backbone, input, {&head, rs::Backbone::kBottleneck, 3}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, rs::gradCam(*m_backbone, input, {nullptr, rs::Backbone::kBottleneck, 1000}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, rs::gradCam(*m_backbone, input, {nullptr, QStringLiteral("Mixed_6e"), 1}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, rs::gradCam(*m_backbone, input, {&head, rs::Backbone::kLogits, 1}));
    }
};

QTEST_GUILESS_MAIN(TestGradCam)
#include "test_gradcam.moc"
