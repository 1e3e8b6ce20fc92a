// A trained model's export: what it contains, and that each way of running it (the app's own
// loader, TorchScript from C++, TorchScript and torch.load from Python, ONNX in OpenCV) gives the
// app's answers.

#include "data/sampledata.h"
#include "evaluation/evaluation.h"
#include "export/modelexport.h"
#include "images/image.h"
#include "images/preprocess.h"
#include "model/backboneimpl.h"
#include "testsupport.h"
#include "training/classifierheadimpl.h"
#include "training/trainedmodel.h"

#include <ATen/Functions.h>
#include <torch/script.h>

#include <onnx/checker.h>
#include <opencv2/dnn.hpp>

#include <QDir>
#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

// Probabilities agree to float rounding: folded BatchNorm and another pooling op reorder sums.
constexpr double kTolerance = 1e-4;

} // namespace

class TestExport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::shared_ptr<const rs::Backbone> m_backbone;
    std::optional<rs::TrainedModel> m_model;
    const rs::TrainingRun *m_run = nullptr;
    QString m_export;
    QStringList m_images; // a few of the training images
    rs::FeatureMatrix m_features; // the app's bottleneck features of m_images
    rs::FeatureMatrix m_expected; // the app's probabilities for m_images

private Q_SLOTS:
    void initTestCase()
    {
        const QString data = m_dir.filePath(QStringLiteral("data"));
        rs::writeFashionMnistSamples(data, 4);
        // Seeded torchvision weights with calibrated BatchNorm statistics, well-conditioned like
        // ImageNet's: uncalibrated random weights amplify mere rounding differences between
        // runtimes (OpenCV's kernels differ from LibTorch's) into 1e-3 in the probabilities.
        m_backbone = std::make_shared<const rs::Backbone>(rs::Backbone::fromFile(rs::test::referenceFile(QStringLiteral("inception_zip.pth"))));
        rs::TrainingRunOptions options;
        options.sources = rs::findClasses({data});
        options.cacheRoot = m_dir.filePath(QStringLiteral("cache"));
        options.training.steps = 30;
        options.training.hiddenUnits = 8;
        options.precision = rs::Precision::Float32;
        m_model.emplace(m_backbone, rs::runTraining(*m_backbone, options));
        m_run = &m_model->run();
        m_export = m_dir.filePath(QStringLiteral("model"));
        QDir().mkpath(m_export);
        QFile stale(m_export + QStringLiteral("/stale.txt"));
        QVERIFY(stale.open(QIODevice::WriteOnly));
        stale.close();
        rs::exportModel(m_export, *m_model);

        for (int i = 0; i < 3; ++i)
            m_images << m_run->dataset.images[std::size_t(i * 13)].path;
        const std::vector<float> input = inputs();
        m_features = m_backbone->extract(input.data(), 3, rs::Backbone::kBottleneck, rs::Precision::Float32);
        m_expected = m_run->head->probabilities(m_features);
    }

    void holdsTheFilesAndTheirDescription()
    {
        QCOMPARE(QDir(m_export).entryList(QDir::Files, QDir::Name),
                 (QStringList{QStringLiteral("head.pth"), QStringLiteral("labels.txt"), QStringLiteral("manifest.json"),
                              QStringLiteral("model.onnx"), QStringLiteral("model.pt")}));
        QCOMPARE(QString::fromUtf8(rs::test::readAll(m_export + QStringLiteral("/labels.txt"))).split(QLatin1Char('\n'), Qt::SkipEmptyParts),
                 m_run->dataset.classes);
        const rs::ExportedModel model = rs::loadExportedModel(m_export);
        QCOMPARE(model.classes, m_run->dataset.classes);
        QCOMPARE(model.layer, rs::Backbone::kBottleneck);
        QCOMPARE(model.backbone.weights().fingerprint, m_backbone->weights().fingerprint);
        const QJsonObject m = model.manifest;
        QCOMPARE(m.value(QStringLiteral("training")).toObject().value(QStringLiteral("steps")).toInt(), 30);
        QCOMPARE(m.value(QStringLiteral("metrics")).toObject().value(QStringLiteral("test_accuracy")).toDouble(),
                 m_run->evaluation.accuracy);
        QCOMPARE(m.value(QStringLiteral("app_version")).toString(), QStringLiteral(RETRAIN_VERSION));
        // The defaults scale the features, folded into the head, so every comparison with
        // m_expected below covers the scaling. They fit a temperature too, folded the same way
        // where it is applied (test_training's over-confident head); on these 40 images it
        // gains no more than chance, and the manifest says so.
        QVERIFY(m.value(QStringLiteral("training")).toObject().value(QStringLiteral("standardize")).toBool());
        const QJsonObject calibration = m.value(QStringLiteral("calibration")).toObject();
        QVERIFY(calibration.value(QStringLiteral("images")).toInt() > 0);
        QCOMPARE(calibration.value(QStringLiteral("temperature")).toDouble(), m_run->head->calibration().temperature);
        QCOMPARE(calibration.value(QStringLiteral("fitted_temperature")).toDouble(), m_run->head->calibration().fitted);
        QVERIFY(std::abs(m_run->head->calibration().fitted - 1.0) > 0.01);
    }

    void appLoaderPredictsAsTrained()
    {
        const rs::ExportedModel model = rs::loadExportedModel(m_export);
        const std::vector<float> input = inputs();
        const rs::FeatureMatrix p = model.predict(model.backbone.extract(input.data(), 3, model.layer, rs::Precision::Float32));
        QCOMPARE(p.values, m_expected.values);
    }

    void torchScriptFromCpp()
    {
        const std::string folder = m_export.toStdString();
        std::vector<float> input = inputs();
        const at::Tensor images = at::from_blob(input.data(), {3, 3, 299, 299});
        // The user guide's C++ example, as written there (docExamplesAreTheTestedCode checks).
        torch::jit::Module model = torch::jit::load(folder + "/model.pt");
        at::Tensor probabilities = model.forward({images}).toTensor(); // images: N x 3 x 299 x 299 in [-1, 1]
        const at::Tensor p = probabilities.contiguous();
        const double error = rs::test::compare(p.data_ptr<float>(), m_expected.values.data(), m_expected.values.size()).maxAbs;
        qInfo("TorchScript (C++) vs the app: max abs difference %.2e", error);
        QVERIFY(error <= kTolerance);
    }

    // model.onnx passes ONNX's own checker and runs in OpenCV's DNN module as the app predicts.
    // The probabilities alone are a weak check of the network: an untrained head is near uniform
    // whatever the features, so the features OpenCV computes are compared too (an AveragePool
    // OpenCV read differently put them 20 % off while the probabilities still agreed to 1e-8),
    // and the head is checked on OpenCV's own features, apart from the network's rounding.
    void onnxFromOpenCv()
    {
        const std::string path = QString(m_export + QStringLiteral("/model.onnx")).toStdString();
        onnx::checker::check_model(path);
        cv::dnn::Net net = cv::dnn::readNetFromONNX(path);
        std::vector<float> input = inputs();
        const int shape[] = {3, 3, 299, 299};
        net.setInput(cv::Mat(4, shape, CV_32F, input.data()));
        std::string featureLayer;
        for (const std::string &name : net.getLayerNames()) // the one pooling to 1x1 gives the features
            if (name.find("GlobalAveragePool") != std::string::npos)
                featureLayer = name;
        QVERIFY(!featureLayer.empty());
        std::vector<cv::Mat> outputs;
        net.forward(outputs, std::vector<cv::String>{featureLayer, "probabilities"});
        const cv::Mat &features = outputs[0];
        const cv::Mat &p = outputs[1];
        QCOMPARE(p.rows, 3);
        QCOMPARE(p.cols, int(m_expected.cols));
        QCOMPARE(std::size_t(features.total()), m_features.values.size());

        const rs::test::Difference featureError = rs::test::compare(features.ptr<float>(), m_features.values.data(), m_features.values.size());
        qInfo("ONNX (OpenCV DNN) features vs the app's: max abs difference %.2e of max %.2e", featureError.maxAbs, featureError.scale);
        QVERIFY(featureError.relative() <= 1e-5);

        const rs::FeatureMatrix openCvFeatures{3, m_features.cols, std::vector<float>(features.ptr<float>(), features.ptr<float>() + features.total())};
        const rs::FeatureMatrix expected = m_run->head->probabilities(openCvFeatures);
        const double error = rs::test::compare(p.ptr<float>(), expected.values.data(), expected.values.size()).maxAbs;
        qInfo("ONNX (OpenCV DNN) head vs the app's on those features: max abs difference %.2e", error);
        QVERIFY(error <= 1e-6);
        const double overall = rs::test::compare(p.ptr<float>(), m_expected.values.data(), m_expected.values.size()).maxAbs;
        qInfo("ONNX (OpenCV DNN) vs the app: max abs difference %.2e", overall);
        QVERIFY(overall <= kTolerance);
    }

    void torchScriptAndStateDictFromPython()
    {
        QTemporaryDir out;
        const std::vector<float> input = inputs();
        rs::writeNpy(out.filePath(QStringLiteral("input.npy")), {{3, 3, 299, 299}, input});
        QProcess python;
        python.start(rs::test::systemPython(),
                     {QStringLiteral(RS_SOURCE_DIR "/python/check_export.py"), m_export,
                      out.filePath(QStringLiteral("input.npy")), out.path()});
        QVERIFY(python.waitForFinished(300000));
        QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());

        const rs::NpyArray p = rs::readNpy(out.filePath(QStringLiteral("torchscript.npy")));
        const double error = rs::test::compare(p.values.data(), m_expected.values.data(), m_expected.values.size()).maxAbs;
        qInfo("TorchScript (Python) vs the app: max abs difference %.2e", error);
        QVERIFY(error <= kTolerance);

        const rs::HeadModuleImpl &head = *m_run->head->impl().module;
        const std::vector<std::pair<QString, at::Tensor>> tensors{
            {QStringLiteral("hidden.weight"), head.hidden->weight}, {QStringLiteral("hidden.bias"), head.hidden->bias},
            {QStringLiteral("fc.weight"), head.fc->weight}, {QStringLiteral("fc.bias"), head.fc->bias}};
        for (const auto &[key, tensor] : tensors) {
            const rs::NpyArray loaded = rs::readNpy(out.filePath(key + QStringLiteral(".npy")));
            const at::Tensor expected = tensor.contiguous();
            QCOMPARE(loaded.shape, expected.sizes().vec());
            QVERIFY2(std::equal(loaded.values.begin(), loaded.values.end(), expected.data_ptr<float>()), qPrintable(key));
        }
    }

    // The examples in docs/user-guide.md: the Python one runs as written, the C++ one is the
    // code of torchScriptFromCpp.
    void docExamplesAreTheTestedCode()
    {
        const QString guide = QString::fromUtf8(rs::test::readAll(QStringLiteral(RS_SOURCE_DIR "/../docs/user-guide.md")));
        const auto example = [&](const QString &language) {
            const qsizetype marker = guide.indexOf(QStringLiteral("<!-- example: ") + language + QStringLiteral(" -->"));
            const qsizetype start = guide.indexOf(QLatin1Char('\n'), guide.indexOf(QStringLiteral("```") + language, marker)) + 1;
            return guide.mid(start, guide.indexOf(QStringLiteral("```"), start) - start);
        };
        const QString source = QString::fromUtf8(rs::test::readAll(QStringLiteral(RS_SOURCE_DIR "/test_export.cpp")));
        const QStringList cppLines = example(QStringLiteral("cpp")).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(cppLines.size(), 2);
        for (const QString &line : cppLines)
            QVERIFY2(source.contains(line), qPrintable(line));

        QString python = example(QStringLiteral("python"));
        QVERIFY(python.contains(QStringLiteral("\"model/")) && python.contains(QStringLiteral("\"photo.jpg\"")));
        python.replace(QStringLiteral("\"model/"), QStringLiteral("\"") + m_export + QLatin1Char('/'));
        python.replace(QStringLiteral("\"photo.jpg\""), QLatin1Char('"') + m_images.first() + QLatin1Char('"'));
        QProcess run;
        run.start(rs::test::systemPython(), {QStringLiteral("-c"), python});
        QVERIFY(run.waitForFinished(120000));
        QVERIFY2(run.exitCode() == 0, run.readAllStandardError().constData());
        const auto top = rs::topClasses(m_expected.row(0), int(m_expected.cols), 1);
        QCOMPARE(QString::fromUtf8(run.readAllStandardOutput()).trimmed(), m_run->dataset.classes[top[0].first]);
    }

    void replacesTheWholeFolder()
    {
        QVERIFY(!QFile::exists(m_export + QStringLiteral("/stale.txt")));
        QVERIFY(QDir(m_dir.path()).entryList({QStringLiteral("model.*")}, QDir::AllEntries | QDir::NoDotAndDotDot).isEmpty());
    }

private:
    std::vector<float> inputs() const
    {
        std::vector<float> all;
        for (const QString &path : m_images) {
            const std::vector<float> one = rs::networkInput(rs::loadImage(path).image, rs::Backbone::kInputSize);
            all.insert(all.end(), one.begin(), one.end());
        }
        return all;
    }
};

QTEST_GUILESS_MAIN(TestExport)
#include "test_export.moc"
