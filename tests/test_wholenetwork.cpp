// Whole-network fine-tuning on images distorted as it trains: every layer learns, the
// auxiliary classifier trains but is left out, BatchNorm statistics stay frozen by default,
// training starts from the head alone's classifier, every export predicts what the app does,
// the gradients are PyTorch's, micro-batches give the batch's gradient, a diverging run stops
// and says why, a Stop reaches the backward pass and resumes bit-identically, and what cannot
// work is refused in words.

#include "backbonesupport.h"
#include "testsupport.h"

#include "data/sampledata.h"
#include "export/modelexport.h"
#include "images/image.h"
#include "images/preprocess.h"
#include "model/backboneimpl.h"
#include "model/inception.h"
#include "training/settingrules.h"
#include "training/trainableblocks.h"
#include "training/trainloop.h"
#include "training/trainedmodel.h"
#include "training/trainingrun.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <ATen/Functions.h>
#include <onnx/checker.h>
#include <opencv2/dnn.hpp>
#include <torch/nn/functional/loss.h>
#include <torch/nn/modules/batchnorm.h>
#include <torch/nn/modules/linear.h>
#include <torch/script.h>

#include <cmath>

namespace {

// A head behind an identity layer: fine-tuning's loop where the body's output is its input.
struct IdentityBody
{
    explicit IdentityBody(int width) : body(width, width), head(rs::HeadShape{width, 3, 0})
    {
        torch::NoGradGuard noGrad;
        body->weight.copy_(at::eye(width));
        body->bias.zero_();
        all.register_module("body", body);
        all.register_module("head", head);
    }
    rs::TrainableModel model()
    {
        return {all, head, [this](const at::Tensor &rows) { return body->forward(rows); },
                {{body->parameters(), 1.0}}, [this](bool training) { all.train(training); }};
    }
    torch::nn::Linear body;
    rs::HeadModule head;
    torch::nn::Module all;
};

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
        o.training.schedule.base = 0.005;
        o.fineTuning.fromBlock = QLatin1String(rs::FineTuning::kWholeNetwork);
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
            QVERIFY2(!rs::test::sameTensors(*m_base, tuned, trained), trained);
        QVERIFY(rs::test::sameTensors(*m_base, tuned, "AuxLogits") && rs::test::sameTensors(*m_base, tuned, "AuxLogits", true));
        QVERIFY(rs::test::sameTensors(*m_base, tuned, "Conv2d_1a_3x3.bn.running_mean", true)); // frozen statistics
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
        const double d = rs::test::compare(model.predict(model.backbone.extract(input.data(), 3, model.layer, rs::Precision::Float32)), app).maxAbs;
        torch::jit::Module script = torch::jit::load(QString(folder + QStringLiteral("/model.pt")).toStdString());
        const at::Tensor p = script.forward({at::from_blob(input.data(), {3, 3, 299, 299})}).toTensor().contiguous();
        const double ds = rs::test::compare({3, p.size(1), std::vector<float>(p.data_ptr<float>(), p.data_ptr<float>() + p.numel())}, app).maxAbs;
        qInfo("max abs difference to the app's probabilities: loaded export %.2e, TorchScript %.2e", d, ds);
        QVERIFY(d < 1e-5);
        QVERIFY(ds < 1e-5);

        // ONNX in OpenCV's DNN module: the tuned network's features, which the base's are not
        // (near-uniform probabilities alone would agree whatever the network), and the probabilities.
        const std::string onnxPath = QString(folder + QStringLiteral("/model.onnx")).toStdString();
        onnx::checker::check_model(onnxPath);
        cv::dnn::Net net = cv::dnn::readNetFromONNX(onnxPath);
        const int shape[] = {3, 3, 299, 299};
        net.setInput(cv::Mat(4, shape, CV_32F, input.data()));
        std::string pooling;
        for (const std::string &name : net.getLayerNames())
            if (name.find("GlobalAveragePool") != std::string::npos)
                pooling = name;
        std::vector<cv::Mat> outputs;
        net.forward(outputs, std::vector<cv::String>{pooling, "probabilities"});
        const auto matrix = [](const cv::Mat &m) {
            return rs::FeatureMatrix{3, std::int64_t(m.total() / 3), std::vector<float>(m.ptr<float>(), m.ptr<float>() + m.total())};
        };
        const rs::FeatureMatrix tunedFeatures = tuned.extract(input.data(), 3, rs::Backbone::kBottleneck, rs::Precision::Float32);
        const rs::FeatureMatrix baseFeatures = m_base->extract(input.data(), 3, rs::Backbone::kBottleneck, rs::Precision::Float32);
        const double onnxFeatures = rs::test::compare(matrix(outputs[0]), tunedFeatures).relative();
        const double baseToTuned = rs::test::compare(baseFeatures, tunedFeatures).relative();
        const double onnxProbabilities = rs::test::compare(matrix(outputs[1]), app).maxAbs;
        qInfo("ONNX (OpenCV DNN): features %.2e relative (the base's: %.2e), probabilities %.2e", onnxFeatures,
              baseToTuned, onnxProbabilities);
        QVERIFY(onnxFeatures <= 1e-5);
        QVERIFY(baseToTuned > 1e-3);
        QVERIFY(onnxProbabilities < 1e-5);
    }

    // What training computes (frozen BatchNorm applied through the convolutions, channels-last
    // weights, the auxiliary loss at 0.4) has the exact gradients, computed by PyTorch in
    // float64 for the same weights and input (tests/python/make_reference.py), as closely as
    // PyTorch's own float32 has them (within 4 times its error; a wrong graph is off by tens of
    // percent): these weights amplify rounding about 250-fold on the way back, so float32 is
    // about 2 % off in the first layers whoever computes it.
    void gradientsAreAsExactAsPyTorchs()
    {
        namespace F = torch::nn::functional;
        const rs::Backbone reference = rs::Backbone::fromFile(rs::test::referenceFile(QStringLiteral("inception_zip.pth")));
        const std::unique_ptr<rs::Backbone::Impl> network = rs::trainableCopy(reference);
        rs::InceptionV3 &model = network->model;
        model->train();
        for (const auto &m : model->modules(false)) {
            if (auto *bn = m->as<torch::nn::BatchNorm2d>())
                bn->eval();
            if (auto *conv = m->as<rs::inception::BasicConv2d>())
                conv->batchNormThroughConvolution = true;
        }
        {
            torch::NoGradGuard noGrad;
            for (at::Tensor &p : model->parameters())
                if (p.dim() == 4)
                    p.set_data(p.contiguous(at::MemoryFormat::ChannelsLast));
        }
        rs::NpyArray input = rs::test::npy(rs::test::referenceFile(QStringLiteral("input.npy")));
        const at::Tensor x = at::from_blob(input.values.data(), {2, 3, 299, 299}).contiguous(at::MemoryFormat::ChannelsLast);
        const auto out = model->activations(x, {"Mixed_6e", "avgpool"});
        const at::Tensor labels = at::tensor(std::vector<std::int64_t>{3, 7});
        const at::Tensor loss = F::cross_entropy(model->fc->forward(out.at("avgpool")), labels)
            + 0.4 * F::cross_entropy(model->AuxLogits->forward(out.at("Mixed_6e")), labels);
        loss.backward();
        auto parameters = model->named_parameters();
        for (const char *name : {"Conv2d_1a_3x3.conv.weight", "Conv2d_1a_3x3.bn.weight", "Mixed_5b.branch5x5_2.conv.weight",
                                 "Mixed_6e.branch7x7_1.bn.bias", "Mixed_7c.branch_pool.conv.weight",
                                 "AuxLogits.conv0.conv.weight", "AuxLogits.fc.weight", "fc.weight"}) {
            const auto gradient = [&](const char *precision) {
                return rs::test::npy(rs::test::referenceFile(QStringLiteral("grad%1_%2.npy").arg(QLatin1String(precision), QLatin1String(name))));
            };
            const rs::NpyArray exact = gradient("64"), torch32 = gradient("32");
            const at::Tensor ours = parameters[name].grad().contiguous();
            QCOMPARE(std::size_t(ours.numel()), exact.values.size());
            const double error = rs::test::compare(ours.data_ptr<float>(), exact.values.data(), exact.values.size()).relative();
            const double torchError = rs::test::compare(torch32.values.data(), exact.values.data(), exact.values.size()).relative();
            qInfo("%-34s gradient's relative error: ours %.1e, PyTorch float32 %.1e", name, error, torchError);
            QVERIFY2(error <= std::max(4 * torchError, 1e-4), name);
        }
    }

    // A batch trained in parts of 3 rows takes the step the whole batch would, class weights
    // included: each part's loss is divided by the whole batch's weight, not its own.
    void microBatchesGiveTheWholeBatchsGradient()
    {
        const rs::LabelledFeatures train = rs::test::separableFeatures({7, 4, 9}, 6, 5);
        const auto trainWith = [&](int microBatch) {
            torch::manual_seed(1);
            torch::nn::Linear body(6, 5);
            rs::HeadModule head(rs::HeadShape{5, 3, 0});
            torch::nn::Module all;
            all.register_module("body", body);
            all.register_module("head", head);
            rs::TrainableModel model{all, head, [&](const at::Tensor &rows) { return at::tanh(body->forward(rows)); },
                                     {{body->parameters(), 0.5}}, [&](bool training) { all.train(training); }};
            model.microBatch = microBatch;
            rs::TrainingOptions o;
            o.steps = 4;
            o.evalInterval = 4;
            o.batchSize = 10;
            o.classWeights = true;
            o.keepBest = false;
            o.calibrate = false;
            const at::Tensor before = body->weight.detach().clone();
            rs::trainModel(model, train, {}, 3, o, {}, {}, nullptr);
            return std::pair{body->weight.detach() - before, head->fc->weight.detach().clone()};
        };
        const auto [wholeMove, wholeHead] = trainWith(0);
        const auto [partsMove, partsHead] = trainWith(3);
        const double d = std::max((wholeMove - partsMove).abs().max().item<double>(),
                                  (wholeHead - partsHead).abs().max().item<double>());
        qInfo("max abs difference of the weights trained in parts: %.2e (the body's moved by up to %.2e)", d,
              wholeMove.abs().max().item<double>());
        const double moved = wholeMove.abs().max().item<double>();
        QVERIFY(moved > 1e-4);
        QVERIFY(d < 1e-3 * moved);
    }

    // Fine-tuning starts from the classifier the head alone trains on the body's output before
    // training: after one step at a negligible rate it already classifies; a near-zero head does not.
    void fineTuningStartsFromTheHeadAlonesClassifier()
    {
        const rs::LabelledFeatures set = rs::test::separableFeatures({30, 30, 30}, 6, 7);
        const auto firstAccuracy = [&](bool startFromTrainedHead) {
            IdentityBody network(6);
            rs::TrainableModel model = network.model();
            if (startFromTrainedHead)
                model.initialFeatures = [&] { return set.features; };
            rs::TrainingOptions o;
            o.steps = 1;
            o.evalInterval = 1;
            o.schedule.base = o.schedule.minimum = 1e-6;
            o.keepBest = o.calibrate = false;
            double accuracy = -1;
            rs::trainModel(model, set, set, 3, o, {}, [&](const rs::TrainingPoint &p) { accuracy = p.validationAccuracy; }, nullptr);
            return accuracy;
        };
        const double trained = firstAccuracy(true), nearZero = firstAccuracy(false);
        qInfo("accuracy after one step: from the head alone's classifier %.2f, from a near-zero head %.2f", trained, nearZero);
        QVERIFY(trained > 0.9);
        QVERIFY(nearZero < 0.6);
    }

    // ... and from that classifier as a run of the head alone keeps it, at its lowest validation
    // loss: at its last step it had overfitted a real backbone's features, and fine-tuning from
    // it ended lower (docs/quality.md).
    void fineTuningStartsFromTheHeadKeptAtItsBestValidationPoint()
    {
        const rs::LabelledFeatures train = rs::test::separableFeatures({20, 20, 20}, 40, 11, 0.15f);
        const rs::LabelledFeatures validation = rs::test::separableFeatures({30, 30, 30}, 40, 12, 0.15f);
        rs::TrainingOptions alone;
        alone.calibrate = false;
        rs::HeadModule plain(rs::HeadShape{40, 3, 0});
        rs::TrainableModel headOnly{*plain, plain, {}, {}, [&](bool training) { plain->train(training); }};
        double last = -1;
        const double best = rs::trainModel(headOnly, train, validation, 3, alone, {},
                                           [&](const rs::TrainingPoint &p) { last = p.validationLoss; }, nullptr)
                                .bestValidationLoss;

        IdentityBody network(40);
        rs::TrainableModel model = network.model();
        model.initialFeatures = [&] { return train.features; };
        rs::TrainingOptions o;
        o.steps = 1;
        o.evalInterval = 1;
        o.schedule.base = o.schedule.minimum = 1e-6;
        o.keepBest = o.calibrate = false;
        double first = -1;
        rs::trainModel(model, train, validation, 3, o, {}, [&](const rs::TrainingPoint &p) { first = p.validationLoss; }, nullptr);
        qInfo("validation loss: the head alone's lowest %.4f, its last %.4f; fine-tuning's after one step %.4f", best, last, first);
        QVERIFY(last > best * 1.05); // the set overfits, so the two starts differ
        QVERIFY(std::abs(first - best) < 1e-3 * best);
    }

    // The backward pass is most of a step: a Stop set after the forward pass is seen in it.
    void aStopReachesTheBackwardPass()
    {
        const std::unique_ptr<rs::Backbone::Impl> network = rs::trainableCopy(*m_base);
        rs::CancelFlag cancel{false};
        const at::Tensor input = at::rand({1, 3, 299, 299});
        at::Tensor pooled = network->model->activations(input, {"avgpool"}, &cancel).at("avgpool");
        cancel = true;
        QVERIFY_THROWS_EXCEPTION(rs::Cancelled, pooled.sum().backward());
        const at::Tensor &first = network->model->Conv2d_1a_3x3->conv->weight;
        QVERIFY(!first.grad().defined()); // it stopped before reaching the first layer
        cancel = false;
        network->model->activations(input, {"avgpool"}, &cancel).at("avgpool").sum().backward();
        QVERIFY(first.grad().defined());
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

    // Discriminative rates over the whole network: the top block at the multiplier, each of the
    // 16 blocks with parameters at the decay times the one above, the first layer lowest; no
    // decay keeps one group, as before decay existed.
    void ratesDecayFromTheTopBlockDown()
    {
        std::unique_ptr<rs::Backbone::Impl> copy = rs::trainableCopy(*m_base);
        rs::TrainableBlocks blocks(copy->model, QLatin1String(rs::FineTuning::kWholeNetwork));
        const std::vector<rs::RatedParameters> groups = rs::rateGroups(blocks, 0.1, 0.5);
        QCOMPARE(int(groups.size()), 16);
        QCOMPARE(groups.back().rateMultiplier, 0.1);
        QCOMPARE(groups.front().rateMultiplier, 0.1 * std::pow(0.5, 15));
        QVERIFY(groups.front().parameters.front().is_same(blocks->named_parameters()["Conv2d_1a_3x3.conv.weight"]));
        QVERIFY(groups.back().parameters.back().is_same(blocks->named_parameters()["Mixed_7c.branch_pool.bn.bias"]));
        std::size_t count = 0;
        for (const rs::RatedParameters &g : groups)
            count += g.parameters.size();
        QCOMPARE(count, blocks->parameters().size());
        const std::vector<rs::RatedParameters> plain = rs::rateGroups(blocks, 0.1, 1.0);
        QCOMPARE(int(plain.size()), 1);
        QCOMPARE(plain.front().parameters.size(), count);
    }

    // A loss that is no longer a number would only be carried on to the end: the run stops
    // at once and says what to change.
    void aDivergingRunStopsAndSaysWhatToChange()
    {
        rs::TrainingRunOptions o = options();
        o.training.schedule.base = 10;
        o.training.schedule.minimum = 10;
        o.training.steps = 20;
        o.fineTuning.backboneRateMultiplier = 1.0;
        try {
            rs::runTraining(*m_base, o);
            QFAIL("a run at rate 10 did not diverge");
        } catch (const std::runtime_error &e) {
            const QString message = QString::fromUtf8(e.what());
            QVERIFY2(message.startsWith(QStringLiteral("training diverged at step ")), e.what());
            QVERIFY2(message.endsWith(QStringLiteral("lower the base learning rate or the blocks' rate multiplier")), e.what());
        }
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
