// Whole-network fine-tuning on images distorted as it trains: every layer learns, the
// auxiliary classifier trains but is left out, BatchNorm statistics stay frozen by default,
// an export predicts what the app does, a Stop resumes bit-identically, and what cannot
// work is refused in words.

#include "data/sampledata.h"
#include "export/modelexport.h"
#include "images/image.h"
#include "images/preprocess.h"
#include "model/backboneimpl.h"
#include "training/settingrules.h"
#include "training/trainedmodel.h"
#include "training/trainingrun.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <ATen/Functions.h>
#include <torch/script.h>

namespace {

bool sameTensors(const rs::Backbone &a, const rs::Backbone &b, const std::string &prefix, bool buffers = false)
{
    const auto left = buffers ? a.impl().model->named_buffers() : a.impl().model->named_parameters();
    const auto right = buffers ? b.impl().model->named_buffers() : b.impl().model->named_parameters();
    for (const auto &item : left)
        if (item.key().rfind(prefix, 0) == 0 && !at::equal(item.value(), right[item.key()]))
            return false;
    return true;
}

double maxDifference(const rs::FeatureMatrix &a, const rs::FeatureMatrix &b)
{
    double d = 0;
    for (std::size_t i = 0; i < a.values.size(); ++i)
        d = std::max(d, double(std::abs(a.values[i] - b.values[i])));
    return d;
}

} // namespace

class TestWholeNetwork : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_data;
    std::shared_ptr<const rs::Backbone> m_base;

    rs::TrainingRunOptions options() const
    {
        rs::TrainingRunOptions o;
        o.sources = rs::findClasses({m_data});
        o.split = {20, 20};
        o.cacheRoot = m_dir.filePath(QStringLiteral("cache"));
        o.training.steps = 3;
        o.training.batchSize = 6;
        o.training.schedule.base = 0.05;
        o.fineTuning.fromBlock = QLatin1String(rs::FineTuning::kWholeNetwork);
        o.fineTuning.backboneRateMultiplier = 1.0;
        o.fineTuning.liveAugmentation.brightnessPercent = 20;
        o.fineTuning.liveAugmentation.contrastPercent = 20;
        return o;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_data = m_dir.filePath(QStringLiteral("data"));
        rs::writeFashionMnistSamples(m_data, 3);
        m_base = std::make_shared<const rs::Backbone>(rs::Backbone::untrained(8));
    }

    void trainsEveryLayerAndLeavesTheAuxiliaryClassifierOut()
    {
        const rs::TrainingRun run = rs::runTraining(*m_base, options());
        QVERIFY(run.tunedBackbone);
        const rs::Backbone &tuned = *run.tunedBackbone;
        for (const char *trained : {"Conv2d_1a_3x3.", "Mixed_5b.", "Mixed_6e.", "Mixed_7c."})
            QVERIFY2(!sameTensors(*m_base, tuned, trained), trained);
        QVERIFY(sameTensors(*m_base, tuned, "AuxLogits") && sameTensors(*m_base, tuned, "AuxLogits", true));
        QVERIFY(sameTensors(*m_base, tuned, "Conv2d_1a_3x3.bn.running_mean", true)); // frozen statistics
        QVERIFY(tuned.weights().fingerprint != m_base->weights().fingerprint);
        QCOMPARE(run.featureSize, 2048);
        QCOMPARE(run.computed, 30); // every image read once
        QCOMPARE(run.evaluation.count, int(run.dataset.indicesOf(rs::Subset::Test).size()));
    }

    void anExportPredictsWhatTheAppDoes()
    {
        const rs::TrainedModel trained(m_base, rs::runTraining(*m_base, options()));
        const rs::TrainingRun &run = trained.run();
        const rs::Backbone &tuned = *run.tunedBackbone;
        std::vector<float> input;
        for (int i : {0, 7, 19}) {
            const std::vector<float> one = rs::networkInput(rs::loadImage(run.dataset.images[std::size_t(i)].path).image,
                                                            rs::Backbone::kInputSize);
            input.insert(input.end(), one.begin(), one.end());
        }
        const rs::FeatureMatrix app = run.head->probabilities(
            tuned.extract(input.data(), 3, rs::Backbone::kBottleneck, rs::Precision::Float32));

        const QString folder = m_dir.filePath(QStringLiteral("model"));
        rs::exportModel(folder, trained);
        rs::ExportedModel model = rs::loadExportedModel(folder);
        QCOMPARE(model.backbone.weights().fingerprint, tuned.weights().fingerprint);
        const double d = maxDifference(model.predict(model.backbone.extract(input.data(), 3, model.layer, rs::Precision::Float32)), app);
        torch::jit::Module script = torch::jit::load(QString(folder + QStringLiteral("/model.pt")).toStdString());
        const at::Tensor p = script.forward({at::from_blob(input.data(), {3, 3, 299, 299})}).toTensor().contiguous();
        const double ds = maxDifference({3, p.size(1), std::vector<float>(p.data_ptr<float>(), p.data_ptr<float>() + p.numel())}, app);
        qInfo("max abs difference to the app's probabilities: loaded export %.2e, TorchScript %.2e", d, ds);
        QVERIFY(d < 1e-5);
        QVERIFY(ds < 1e-5);
    }

    void aStoppedRunResumesBitIdentically()
    {
        rs::TrainingRunOptions o = options();
        o.training.steps = 4;
        o.training.evalInterval = 1;
        const rs::TrainingRun whole = rs::runTraining(*m_base, o);
        o.training.checkpointFile = m_dir.filePath(QStringLiteral("whole.ckpt"));
        o.training.resume = true;
        rs::CancelFlag cancel{false};
        rs::TrainingRunCallbacks callbacks;
        callbacks.training = [&](const rs::TrainingPoint &p) {
            if (p.step == 2)
                cancel = true;
        };
        QVERIFY_THROWS_EXCEPTION(rs::Cancelled, rs::runTraining(*m_base, o, callbacks, &cancel));
        const rs::TrainingRun resumed = rs::runTraining(*m_base, o);
        QCOMPARE(resumed.curve.front().resumedFrom, 2);
        QCOMPARE(resumed.tunedBackbone->weights().fingerprint, whole.tunedBackbone->weights().fingerprint);
        QCOMPARE(resumed.curve.back().trainLoss, whole.curve.back().trainLoss);
    }

    void refusesWhatCannotWork()
    {
        rs::TrainingRunOptions o = options();
        o.augmentation.flipLeftRight = true;
        o.augmentation.copies = 2;
        const std::vector<rs::SettingProblem> problems = rs::checkRunOptions(o);
        QVERIFY(!problems.empty());
        QVERIFY2(problems.front().message.contains(QStringLiteral("switch the cached distorted copies off")),
                 qPrintable(problems.front().message));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, rs::runTraining(*m_base, o));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, rs::fillRunCache(*m_base, options(), rs::Shard{}));
    }
};

QTEST_GUILESS_MAIN(TestWholeNetwork)
#include "test_wholenetwork.moc"
