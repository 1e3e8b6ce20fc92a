#include "training/wholenetwork.h"

#include "base/processinfo.h"
#include "images/preprocess.h"
#include "model/weightsloader.h"
#include "training/classifierheadimpl.h"
#include "training/imagebatches.h"
#include "training/settingrules.h"
#include "training/trainableblocks.h"
#include "training/trainloop.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Functions.h>
#include <ATen/autocast_mode.h>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <torch/nn/modules/batchnorm.h>

namespace rs {
namespace {

// torchvision trains InceptionV3 with loss = main + 0.4 * auxiliary.
constexpr double kAuxiliaryWeight = 0.4;
// Images per forward and backward pass: bounds the activations kept for the backward pass
// (about 0.1 GB per image in float32) whatever the batch size.
constexpr int kMicroBatch = 16;
constexpr int kScoringChunk = 16;

// Convolutions and matrix products in bfloat16 while it lives, as torch.autocast("cpu") does.
class BFloat16Autocast
{
public:
    explicit BFloat16Autocast(bool on) : m_on(on)
    {
        if (!m_on)
            return;
        m_wasEnabled = at::autocast::is_cpu_enabled();
        m_previousType = at::autocast::get_autocast_cpu_dtype();
        at::autocast::set_cpu_enabled(true);
        at::autocast::set_autocast_cpu_dtype(at::kBFloat16);
        at::autocast::increment_nesting();
    }
    ~BFloat16Autocast()
    {
        if (!m_on)
            return;
        if (at::autocast::decrement_nesting() == 0)
            at::autocast::clear_cache();
        at::autocast::set_cpu_enabled(m_wasEnabled);
        at::autocast::set_autocast_cpu_dtype(m_previousType);
    }
    BFloat16Autocast(const BFloat16Autocast &) = delete;
    BFloat16Autocast &operator=(const BFloat16Autocast &) = delete;

private:
    bool m_on;
    bool m_wasEnabled = false;
    at::ScalarType m_previousType = at::kBFloat16;
};

// Everything a checkpoint holds: the network, the auxiliary classifier and the head.
struct WholeNetworkModuleImpl : torch::nn::Module
{
    WholeNetworkModuleImpl(TrainableBlocks blocks, inception::InceptionAux aux, HeadModule head)
    {
        register_module("blocks", std::move(blocks));
        register_module("aux", std::move(aux));
        register_module("head", std::move(head));
    }
};
TORCH_MODULE(WholeNetworkModule);

// Channels-last weights while training (oneDNN's fast layout), the usual layout after.
void setMemoryFormat(torch::nn::Module &module, at::MemoryFormat format)
{
    torch::NoGradGuard noGrad;
    for (at::Tensor &p : module.parameters())
        if (p.dim() == 4)
            p.set_data(p.contiguous(format));
}

// The images of each subset, decoded; what cannot be read is listed in the run's dataset.
struct DecodedSets
{
    std::vector<int> trainLabels;
    QByteArray trainDigest; // of the training images' bytes, in order: a checkpoint is for them
    LabelledFeatures validation; // network inputs, as extraction makes them
    std::vector<RgbImage> test;  // resized to the input size
    std::vector<int> testLabels;
    QStringList testPaths;
};

DecodedSets decodeAll(TrainingRun &run, ImageBatches &batches, const TrainingRunCallbacks &callbacks, const CancelFlag *cancel)
{
    QStringList paths;
    for (const ImageEntry &image : run.dataset.images)
        paths << image.path;
    DecodedSets sets;
    const int side = Backbone::kInputSize;
    sets.validation.features.cols = 3 * std::int64_t(side) * side;
    std::vector<ImageEntry> readable;
    QCryptographicHash digest(QCryptographicHash::Sha256);
    decodeEach(
        paths, ImageBatches::kKeptShorterSide, cancel,
        [&](int index, DecodedImage &&decoded, const QByteArray &hash) {
            if (!decoded.ok()) {
                run.dataset.skipped << decoded.error;
                return;
            }
            const ImageEntry &entry = run.dataset.images[std::size_t(index)];
            readable.push_back(entry);
            switch (entry.subset) {
            case Subset::Train:
                batches.add(entry.path, std::move(decoded.image));
                sets.trainLabels.push_back(entry.label);
                digest.addData(hash);
                break;
            case Subset::Validation: {
                const std::vector<float> input = networkInput(decoded.image, side);
                sets.validation.features.values.insert(sets.validation.features.values.end(), input.begin(), input.end());
                ++sets.validation.features.rows;
                sets.validation.labels.push_back(entry.label);
                break;
            }
            case Subset::Test:
                sets.test.push_back(resizeBilinear(decoded.image, side, side));
                sets.testLabels.push_back(entry.label);
                sets.testPaths << entry.path;
                break;
            }
        },
        [&](int done) {
            if (callbacks.extracting)
                callbacks.extracting({done, int(paths.size()), 0});
        });
    run.dataset.images = std::move(readable);
    run.computed = int(run.dataset.images.size());
    sets.trainDigest = digest.result();
    return sets;
}

// The bottlenecks of `count` images, each one's network input made by `inputOf`.
FeatureMatrix bottlenecksOf(const Backbone &backbone, std::size_t count,
                            const std::function<std::vector<float>(std::size_t)> &inputOf, Precision precision,
                            const CancelFlag *cancel)
{
    FeatureMatrix out;
    out.cols = 2048;
    std::vector<float> inputs;
    for (std::size_t start = 0; start < count; start += kScoringChunk) {
        inputs.clear();
        const std::size_t end = std::min(count, start + kScoringChunk);
        for (std::size_t i = start; i < end; ++i) {
            const std::vector<float> input = inputOf(i);
            inputs.insert(inputs.end(), input.begin(), input.end());
        }
        const FeatureMatrix part = backbone.extract(inputs.data(), std::int64_t(end - start), Backbone::kBottleneck, precision,
                                                    true, cancel);
        out.values.insert(out.values.end(), part.values.begin(), part.values.end());
        out.rows += part.rows;
    }
    return out;
}

} // namespace

TrainingRun runWholeNetworkTraining(const Backbone &base, const TrainingRunOptions &options,
                                    const TrainingRunCallbacks &callbacks, const CancelFlag *cancel)
{
    TrainingRun run;
    run.options = options;
    const int withImages = scanForRun(run, callbacks);
    if (withImages < 2)
        throw std::invalid_argument("training needs at least two classes with images; found " + std::to_string(withImages));
    if (const std::vector<SettingProblem> problems = checkRunOptions(options); !problems.empty())
        throw std::invalid_argument(problems.front().message.toStdString());
    const FineTuning &fineTuning = options.fineTuning;
    const TrainingOptions &given = options.training;
    run.precision = resolvePrecision(floatPrecision(options.precision));

    QElapsedTimer clock;
    clock.start();
    ImageBatches batches(fineTuning.liveAugmentation, given.seed,
                         options.inMemoryLimit > 0 ? options.inMemoryLimit : trainingSetInMemoryLimit(), cancel);
    DecodedSets sets = decodeAll(run, batches, callbacks, cancel);
    if (batches.size() == 0)
        throw std::invalid_argument("no image is in the training set; lower the validation and test percentages");
    run.featureSize = 2048;
    run.extractionSeconds = clock.elapsed() / 1000.0;
    run.extractionPeakBytes = peakResidentBytes();
    if (options.epochs > 0)
        run.options.training.steps = stepsForEpochs(options.epochs, batches.size(), given.batchSize);
    const TrainingOptions &training = run.options.training;
    const int classCount = int(run.dataset.classes.size());

    clock.restart();
    std::unique_ptr<Backbone::Impl> tuned = trainableCopy(base);
    InceptionV3 &model = tuned->model;
    TrainableBlocks blocks(model, fineTuning.fromBlock);
    inception::InceptionAux aux(768, classCount);
    {
        torch::NoGradGuard noGrad;
        for (const auto &p : model->AuxLogits->named_parameters())
            if (p.key().rfind("fc.", 0) != 0)
                aux->named_parameters()[p.key()].copy_(p.value());
        for (const auto &b : model->AuxLogits->named_buffers())
            aux->named_buffers()[b.key()].copy_(b.value());
        auto generator = at::make_generator<at::CPUGeneratorImpl>(mixSeed(training.seed, 0xa0));
        aux->fc->weight.normal_(0.0, 0.001, generator);
        aux->fc->bias.zero_();
    }
    const HeadShape shape{2048, classCount, training.hiddenUnits};
    HeadModule head(shape);
    WholeNetworkModule all(blocks, aux, head);
    setMemoryFormat(*blocks, at::MemoryFormat::ChannelsLast);
    setMemoryFormat(*aux, at::MemoryFormat::ChannelsLast);
    for (const auto &m : all->modules(false))
        if (auto *conv = m->as<inception::BasicConv2d>())
            conv->batchNormThroughConvolution = true;

    const bool bfloat16 = run.precision == Precision::BFloat16;
    bool training_ = false;
    at::Tensor auxLogits;
    // The auxiliary classifier learns at the top block's rate (the last group's): its last layer is new.
    std::vector<RatedParameters> bodyParameters = rateGroups(blocks, fineTuning.backboneRateMultiplier, fineTuning.backboneRateDecay);
    for (const at::Tensor &p : aux->parameters())
        bodyParameters.back().parameters.push_back(p);
    TrainableModel trainable{*all, head,
                             [&](const at::Tensor &rows) {
                                 const at::Tensor x = (rows.dim() == 4 ? rows : rows.view({-1, 3, Backbone::kInputSize, Backbone::kInputSize}))
                                                          .contiguous(at::MemoryFormat::ChannelsLast);
                                 BFloat16Autocast autocast(bfloat16);
                                 auto out = model->activations(x, training_ ? std::vector<std::string>{"Mixed_6e", "avgpool"}
                                                                            : std::vector<std::string>{"avgpool"},
                                                               cancel);
                                 if (training_)
                                     auxLogits = aux->forward(out.at("Mixed_6e")).to(at::kFloat);
                                 return out.at("avgpool").to(at::kFloat);
                             },
                             bodyParameters,
                             [&](bool train) {
                                 training_ = train;
                                 all->train(train);
                                 if (train && !fineTuning.updateBatchNormStatistics)
                                     for (const auto &m : all->modules(false))
                                         if (auto *bn = m->as<torch::nn::BatchNorm2d>())
                                             bn->eval();
                             },
                             kScoringChunk};
    trainable.batchInput = [&](int step, const at::Tensor &index) { return batches.take(step, index); };
    trainable.prepareBatch = [&](int step, const at::Tensor &index) { batches.prepare(step, index); };
    trainable.auxiliaryLogits = [&] { return auxLogits; };
    trainable.auxiliaryWeight = kAuxiliaryWeight;
    trainable.microBatch = kMicroBatch;
    trainable.initialFeatures = [&] {
        return bottlenecksOf(base, std::size_t(batches.size()), [&](std::size_t i) { return batches.plainInput(std::int64_t(i)); },
                             run.precision, cancel);
    };

    LabelledFeatures train;
    train.features.rows = batches.size(); // rows without columns: the images come from `batches`
    train.labels = sets.trainLabels;
    TrainingOutcome outcome = trainModel(trainable, train, sets.validation, classCount, training,
                                         fineTuning.describe().toUtf8() + sets.trainDigest + QByteArray::number(int(bfloat16)),
                                         recordingProgress(run, callbacks), cancel);
    for (const auto &m : all->modules(false))
        if (auto *conv = m->as<inception::BasicConv2d>())
            conv->batchNormThroughConvolution = false;
    setMemoryFormat(*blocks, at::MemoryFormat::Contiguous);
    model->eval();
    tuned->info.fingerprint = QString::fromStdString(fingerprint(*model));
    tuned->info.source += QStringLiteral(", fine-tuned ") + fineTuning.describe();
    run.head = ClassifierHead::adopt(std::make_unique<ClassifierHead::Impl>(
        ClassifierHead::Impl{shape, head, outcome.keptStep, std::move(outcome.calibration)}));
    run.tunedBackbone = Backbone::adopt(std::move(tuned));
    run.trainingSeconds = clock.elapsed() / 1000.0;

    const FeatureMatrix test = bottlenecksOf(
        *run.tunedBackbone, sets.test.size(),
        [&](std::size_t i) { return networkInput(sets.test[i], Backbone::kInputSize); }, run.precision, cancel);
    run.evaluation = evaluate(run.head->probabilities(test), sets.testLabels, sets.testPaths);
    return run;
}

} // namespace rs
