// Fine-tuning the top Inception blocks from cached cut-point activations: frozen blocks stay
// as they were, trainable ones learn, BatchNorm statistics follow the setting, the cut path
// equals the whole network, and an export predicts what the app does.

#include "backbonesupport.h"
#include "testsupport.h"

#include "data/sampledata.h"
#include "export/modelexport.h"
#include "images/image.h"
#include "images/preprocess.h"
#include "model/backboneimpl.h"
#include "training/finetuning.h"
#include "training/trainedmodel.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <ATen/Functions.h>
#include <torch/script.h>

class TestFineTuning : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_data;
    std::shared_ptr<const rs::Backbone> m_base;

    rs::TrainingRunOptions options(bool updateStatistics) const
    {
        rs::TrainingRunOptions o;
        o.sources = rs::findClasses({m_data});
        o.split = {20, 20};
        o.cacheRoot = m_dir.filePath(QStringLiteral("cache"));
        o.training.steps = 3;
        o.training.batchSize = 6;
        o.training.schedule.base = 0.05;
        o.fineTuning.fromBlock = QStringLiteral("Mixed_7b");
        o.fineTuning.updateBatchNormStatistics = updateStatistics;
        // Parity below is float32's; bfloat16's tolerance is test_inference's subject.
        o.precision = rs::Precision::Float32;
        return o;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_data = m_dir.filePath(QStringLiteral("data"));
        rs::writeFashionMnistSamples(m_data, 3);
        m_base = std::make_shared<const rs::Backbone>(rs::Backbone::untrained(8));
    }

    void trainsTheTopBlocksOnly_data()
    {
        QTest::addColumn<bool>("updateStatistics");
        QTest::newRow("BatchNorm statistics frozen") << false;
        QTest::newRow("BatchNorm statistics updated") << true;
    }

    void trainsTheTopBlocksOnly()
    {
        QFETCH(bool, updateStatistics);
        const rs::TrainingRun run = rs::runTraining(*m_base, options(updateStatistics));
        QVERIFY(run.tunedBackbone);
        const rs::Backbone &tuned = *run.tunedBackbone;
        for (const char *frozen : {"Conv2d_1a_3x3", "Mixed_5b", "Mixed_6e", "Mixed_7a"})
            QVERIFY2(rs::test::sameTensors(*m_base, tuned, frozen) && rs::test::sameTensors(*m_base, tuned, frozen, true), frozen);
        for (const char *trained : {"Mixed_7b.", "Mixed_7c."})
            QVERIFY2(!rs::test::sameTensors(*m_base, tuned, trained), trained);
        QCOMPARE(rs::test::sameTensors(*m_base, tuned, "Mixed_7b.branch1x1.bn.running_mean", true), !updateStatistics);
        QVERIFY(tuned.weights().fingerprint != m_base->weights().fingerprint);
        QCOMPARE(run.featureSize, 2048);
        QCOMPARE(int(run.curve.size()), 1); // a point at the last step
    }

    void cutPathEqualsTheWholeNetworkAndExportsPredictTheSame()
    {
        const rs::TrainedModel trained(m_base, rs::runTraining(*m_base, options(false)));
        const rs::TrainingRun &run = trained.run();
        const rs::Backbone &tuned = *run.tunedBackbone;
        QStringList images;
        std::vector<float> input;
        for (int i : {0, 7, 19}) {
            images << run.dataset.images[std::size_t(i)].path;
            const std::vector<float> one = rs::networkInput(rs::loadImage(images.last()).image, rs::Backbone::kInputSize);
            input.insert(input.end(), one.begin(), one.end());
        }
        const rs::FeatureMatrix whole = tuned.extract(input.data(), 3, rs::Backbone::kBottleneck, rs::Precision::Float32);
        const rs::FeatureMatrix cut = tuned.extract(input.data(), 3, QStringLiteral("Mixed_7a"), rs::Precision::Float32, /*pooled=*/false);
        QVERIFY(rs::test::compare(rs::bottlenecksFrom(tuned, QStringLiteral("Mixed_7a"), cut), whole).maxAbs < 1e-4);

        const QString folder = m_dir.filePath(QStringLiteral("model"));
        rs::exportModel(folder, trained);
        QVERIFY(QFile::exists(folder + QStringLiteral("/blocks.pth")));
        rs::ExportedModel model = rs::loadExportedModel(folder);
        QCOMPARE(model.backbone.weights().fingerprint, tuned.weights().fingerprint);
        const rs::FeatureMatrix exported = model.predict(model.backbone.extract(input.data(), 3, model.layer, rs::Precision::Float32));
        const rs::FeatureMatrix app = run.head->probabilities(whole);
        const double d = rs::test::compare(exported, app).maxAbs;
        // The TorchScript model carries the trained blocks too.
        torch::jit::Module script = torch::jit::load(QString(folder + QStringLiteral("/model.pt")).toStdString());
        const at::Tensor p = script.forward({at::from_blob(input.data(), {3, 3, 299, 299})}).toTensor().contiguous();
        const rs::FeatureMatrix scripted{3, p.size(1), std::vector<float>(p.data_ptr<float>(), p.data_ptr<float>() + p.numel())};
        const double ds = rs::test::compare(scripted, app).maxAbs;
        qInfo("max abs difference to the app's probabilities: loaded export %.2e, TorchScript %.2e", d, ds);
        QVERIFY(d < 1e-5);
        QVERIFY(ds < 1e-5);
    }

    void resumesBitIdentically()
    {
        rs::TrainingRunOptions o = options(false);
        o.training.steps = 4;
        o.training.evalInterval = 1;
        const rs::TrainingRun whole = rs::runTraining(*m_base, o);
        o.training.checkpointFile = m_dir.filePath(QStringLiteral("tune.ckpt"));
        o.training.resume = true;
        rs::CancelFlag cancel{false};
        rs::TrainingRunCallbacks callbacks;
        callbacks.training = [&](const rs::TrainingPoint &p) {
            if (p.step == 2)
                cancel = true;
        };
        QVERIFY_THROWS_EXCEPTION(rs::Cancelled, rs::runTraining(*m_base, o, callbacks, &cancel));
        const rs::TrainingRun resumed = rs::runTraining(*m_base, o);
        QCOMPARE(resumed.tunedBackbone->weights().fingerprint, whole.tunedBackbone->weights().fingerprint);
        QCOMPARE(resumed.curve.back().trainLoss, whole.curve.back().trainLoss);
    }

    // With a rate decay d the block under the top one moves d times as far in the first step
    // as without, the next d² times (that step's gradients do not depend on the rates).
    void lowerBlocksLearnAtTheDecayedRate()
    {
        rs::TrainingRunOptions o = options(false);
        o.fineTuning.fromBlock = QStringLiteral("Mixed_7a");
        o.training.steps = 1;
        o.training.keepBest = false;
        const rs::TrainingRun plain = rs::runTraining(*m_base, o);
        o.fineTuning.backboneRateDecay = 0.5;
        const rs::TrainingRun decayed = rs::runTraining(*m_base, o);
        const auto parameter = [](const rs::Backbone &b, const char *name) {
            return b.impl().model->named_parameters()[name].detach();
        };
        for (const auto &[name, factor] : std::vector<std::pair<const char *, double>>{
                 {"Mixed_7c.branch1x1.conv.weight", 1}, {"Mixed_7b.branch1x1.conv.weight", 0.5}, {"Mixed_7a.branch3x3_1.conv.weight", 0.25}}) {
            const at::Tensor before = parameter(*m_base, name);
            const at::Tensor full = parameter(*plain.tunedBackbone, name) - before;
            const at::Tensor part = parameter(*decayed.tunedBackbone, name) - before;
            const double moved = full.abs().max().item<double>();
            const double off = (part - factor * full).abs().max().item<double>();
            qInfo("%s moved by up to %.2e; decayed minus %.2f times that: %.2e", name, moved, factor, off);
            QVERIFY2(moved > 0, name);
            QVERIFY2(off < 1e-2 * moved, name);
        }
    }

    void refusesWhatCannotWork()
    {
        rs::TrainingRunOptions o = options(false);
        o.fineTuning.fromBlock = QStringLiteral("Mixed_5b");
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, rs::runTraining(*m_base, o));
        o = options(false);
        o.layer = QStringLiteral("Mixed_6e");
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, rs::runTraining(*m_base, o));
    }
};

QTEST_GUILESS_MAIN(TestFineTuning)
#include "test_finetuning.moc"
