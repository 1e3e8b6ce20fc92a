#include "training/finetuning.h"

#include "io/atomicfile.h"
#include "io/bytereader.h"
#include "io/statedict.h"
#include "model/backboneimpl.h"
#include "model/weightsloader.h"
#include "training/classifierheadimpl.h"
#include "training/trainableblocks.h"
#include "training/trainloop.h"

#include <ATen/Functions.h>
#include <c10/core/InferenceMode.h>
#include <torch/nn/modules/batchnorm.h>
#include <torch/serialize.h>

namespace rs {
namespace {

struct Cut
{
    const char *block;
    const char *cutLayer;
    std::int64_t channels, side;
};

// Shapes for a 299 x 299 input.
constexpr Cut kCuts[] = {{"Mixed_7b", "Mixed_7a", 1280, 8}, {"Mixed_7a", "Mixed_6e", 768, 17}, {"Mixed_6e", "Mixed_6d", 768, 17}};

const Cut &cutFor(const QString &block)
{
    for (const Cut &cut : kCuts)
        if (block == QLatin1String(cut.block))
            return cut;
    throw std::invalid_argument("fine-tuning starts at one of " + FineTuning::blocks().join(QStringLiteral(", ")).toStdString()
                                + ", not '" + block.toStdString() + "'");
}

// Throws std::invalid_argument unless fine-tuning can start at `fromBlock`.
void checkFromBlock(const QString &fromBlock)
{
    if (fromBlock != QLatin1String(FineTuning::kWholeNetwork))
        cutFor(fromBlock);
}

const Cut &cutAt(const QString &cutLayer)
{
    for (const Cut &cut : kCuts)
        if (cutLayer == QLatin1String(cut.cutLayer))
            return cut;
    throw std::invalid_argument("fine-tuning never cuts InceptionV3 at '" + cutLayer.toStdString() + "'");
}

// What the training loop trains: the blocks and the head.
struct FineTuneModuleImpl : torch::nn::Module
{
    FineTuneModuleImpl(TrainableBlocks blocks, HeadModule head)
    {
        register_module("blocks", std::move(blocks));
        register_module("head", std::move(head));
    }
};
TORCH_MODULE(FineTuneModule);

} // namespace

QStringList FineTuning::blocks()
{
    QStringList names;
    for (const Cut &cut : kCuts)
        names << QLatin1String(cut.block);
    return names;
}

QStringList FineTuning::choices()
{
    return blocks() << QLatin1String(kWholeNetwork);
}

QString FineTuning::cutLayer() const
{
    return QLatin1String(cutFor(fromBlock).cutLayer);
}

std::int64_t FineTuning::cutSize() const
{
    const Cut &cut = cutFor(fromBlock);
    return cut.channels * cut.side * cut.side;
}

QString FineTuning::validate() const
{
    if (enabled() && !choices().contains(fromBlock))
        return QStringLiteral("fine-tuning starts at one of %1 (%2: the whole network)")
            .arg(choices().join(QStringLiteral(", ")), QLatin1String(kWholeNetwork));
    if (!(backboneRateMultiplier > 0) || backboneRateMultiplier > 10)
        return QStringLiteral("the backbone's rate multiplier must be above 0 and at most 10");
    return liveAugmentation.validate();
}

QString FineTuning::describe() const
{
    if (!enabled())
        return QStringLiteral("head only");
    // Without decay the text is what it was before decay existed, so are checkpoints' signatures.
    const QString rate = backboneRateDecay == 1 ? QStringLiteral("rate x%1").arg(backboneRateMultiplier)
                                                : QStringLiteral("rate x%1 decaying x%2 per block")
                                                      .arg(backboneRateMultiplier)
                                                      .arg(backboneRateDecay);
    const QString statistics = updateBatchNormStatistics ? QStringLiteral("updated") : QStringLiteral("frozen");
    if (wholeNetwork())
        return QStringLiteral("the whole network, %1, BatchNorm statistics %2, live augmentation %3")
            .arg(rate, statistics, liveAugmentation.toText());
    return QStringLiteral("from %1, %2, BatchNorm statistics %3").arg(fromBlock, rate, statistics);
}

FineTunedModel fineTune(const Backbone &base, const LabelledFeatures &train, const LabelledFeatures &validation,
                        int classCount, const TrainingOptions &options, const FineTuning &fineTuning,
                        const std::function<void(const TrainingPoint &)> &progress, const CancelFlag *cancel)
{
    if (const QString problem = fineTuning.validate(); !problem.isEmpty() || !fineTuning.enabled())
        throw std::invalid_argument(problem.isEmpty() ? "fine-tuning needs a block to start from" : problem.toStdString());
    checkTrainingInput(options, train);
    const Cut &cut = cutFor(fineTuning.fromBlock);
    if (train.features.cols != fineTuning.cutSize())
        throw std::invalid_argument("fine-tuning from " + fineTuning.fromBlock.toStdString() + " needs the "
                                    + cut.cutLayer + " activations, " + std::to_string(fineTuning.cutSize()) + " values per image");

    std::unique_ptr<Backbone::Impl> tuned = trainableCopy(base);
    InceptionV3 &model = tuned->model;
    TrainableBlocks blocks(model, fineTuning.fromBlock);
    const HeadShape shape{2048, classCount, options.hiddenUnits};
    HeadModule head(shape);
    FineTuneModule all(blocks, head);

    const std::string cutLayer = cut.cutLayer;
    TrainableModel trainable{*all, head, [&](const at::Tensor &rows) {
                                 return model->bottleneckFrom(cutLayer, rows.view({-1, cut.channels, cut.side, cut.side}));
                             },
                             rateGroups(blocks, fineTuning.backboneRateMultiplier, fineTuning.backboneRateDecay),
                             [&](bool training) {
                                 all->train(training);
                                 if (training && !fineTuning.updateBatchNormStatistics)
                                     for (const auto &m : blocks->modules(false))
                                         if (auto *bn = m->as<torch::nn::BatchNorm2d>())
                                             bn->eval();
                             },
                             32};
    trainable.initialFeatures = [&] { return bottlenecksFrom(base, fineTuning.cutLayer(), train.features); };
    TrainingOutcome outcome = trainModel(trainable, train, validation, classCount, options, fineTuning.describe().toUtf8(), progress, cancel);
    model->eval();
    tuned->info.fingerprint = QString::fromStdString(fingerprint(*model));
    tuned->info.source += QStringLiteral(", fine-tuned ") + fineTuning.describe();
    auto headImpl = std::make_unique<ClassifierHead::Impl>(ClassifierHead::Impl{shape, head, outcome.keptStep, std::move(outcome.calibration)});
    return {Backbone::adopt(std::move(tuned)), ClassifierHead::adopt(std::move(headImpl))};
}

FeatureMatrix bottlenecksFrom(const Backbone &backbone, const QString &cutLayer, const FeatureMatrix &activations)
{
    FeatureMatrix out;
    out.rows = activations.rows;
    out.cols = 2048;
    if (activations.rows == 0)
        return out;
    c10::InferenceMode inference;
    InceptionV3 model = backbone.impl().model;
    const at::Tensor rows = featureTensor(activations);
    const Cut &cut = cutAt(cutLayer);
    constexpr std::int64_t kChunk = 32;
    for (std::int64_t start = 0; start < rows.size(0); start += kChunk) {
        const at::Tensor part = rows.slice(0, start, std::min(rows.size(0), start + kChunk)).view({-1, cut.channels, cut.side, cut.side});
        const at::Tensor b = model->bottleneckFrom(cut.cutLayer, part).contiguous();
        out.values.insert(out.values.end(), b.data_ptr<float>(), b.data_ptr<float>() + b.numel());
    }
    return out;
}

void saveBlocks(const Backbone &backbone, const QString &fromBlock, const QString &path)
{
    checkFromBlock(fromBlock);
    InceptionV3 model = backbone.impl().model;
    TrainableBlocks blocks(model, fromBlock);
    c10::Dict<std::string, at::Tensor> dict;
    for (const auto &p : blocks->named_parameters())
        dict.insert(p.key(), p.value().detach().clone());
    for (const auto &b : blocks->named_buffers())
        dict.insert(b.key(), b.value().detach().clone());
    const std::vector<char> bytes = torch::pickle_save(dict);
    writeFileAtomically(path, QByteArray(bytes.data(), qsizetype(bytes.size())));
}

Backbone withBlocks(const Backbone &base, const QString &fromBlock, const QString &path)
{
    checkFromBlock(fromBlock);
    std::unique_ptr<Backbone::Impl> tuned = trainableCopy(base);
    TrainableBlocks blocks(tuned->model, fromBlock);
    try {
        loadStrict(*blocks, readStateDict(path), "fine-tuned InceptionV3 block");
    } catch (const FormatError &e) {
        throw WeightsError(path.toStdString() + ": " + e.what());
    }
    tuned->model->eval();
    tuned->info.fingerprint = QString::fromStdString(fingerprint(*tuned->model));
    tuned->info.source += fromBlock == QLatin1String(FineTuning::kWholeNetwork) ? QStringLiteral(", fine-tuned whole")
                                                                               : QStringLiteral(", fine-tuned from ") + fromBlock;
    return Backbone::adopt(std::move(tuned));
}

} // namespace rs
