#pragma once

#include "images/liveaugmentation.h"
#include "model/backbone.h"
#include "training/classifierhead.h"

#include <QStringList>

namespace rs {

// Training the top Inception blocks together with the head (Keras's "freeze the first 249
// layers" recipe is fromBlock = Mixed_7b). The blocks below stay frozen and run once per
// image: their output at the cut point is cached like bottlenecks, so each step runs only
// the trainable blocks.
//
// BatchNorm in the trainable blocks keeps its ImageNet statistics by default (its layers run
// in inference mode, only their scale and shift learn), as Keras advises for fine-tuning: with
// the small batches of a small dataset, batch statistics are noisy and undo pretraining.
// updateBatchNormStatistics switches to batch statistics and updates the running ones.
//
// fromBlock = kWholeNetwork trains every layer, as PyTorch's transfer-learning recipe does:
// nothing can be cached, so each step decodes (or takes from memory) its images and distorts
// them afresh (`liveAugmentation`); the auxiliary classifier trains alongside (its loss
// weighted 0.4, as torchvision trains InceptionV3) and is left out of the result.
struct FineTuning
{
    static constexpr const char *kWholeNetwork = "input";

    QString fromBlock; // empty: the head only
    double backboneRateMultiplier = 0.1; // the blocks learn at this fraction of the head's rate
    // Discriminative rates: the top block learns at the multiplier, each block below it at this
    // fraction of the rate of the block above (1: all at the multiplier). Lower layers hold more
    // general features, which need less change (ULMFiT's layer groups, BEiT's layer decay).
    double backboneRateDecay = 1.0;
    bool updateBatchNormStatistics = false;
    LiveAugmentation liveAugmentation; // the whole network only

    bool enabled() const { return !fromBlock.isEmpty(); }
    bool wholeNetwork() const { return fromBlock == QLatin1String(kWholeNetwork); }
    // The blocks training can start from with a cached cut point, the Keras recipe first.
    static QStringList blocks();
    // What fromBlock may be: the blocks, then kWholeNetwork.
    static QStringList choices();
    // The stage whose output is cached: the one before fromBlock (not for the whole network).
    QString cutLayer() const;
    // Floats per image at the cut (channels x height x width).
    std::int64_t cutSize() const;
    QString validate() const;
    QString describe() const;
};

struct FineTunedModel
{
    Backbone backbone; // the base with the trained blocks, under its own fingerprint
    ClassifierHead head;
};

// Trains the blocks from fineTuning.fromBlock on and a head (as ClassifierHead::train, same
// options, checkpoints and determinism) on rows of cut-point activations. The base is left
// as it was.
FineTunedModel fineTune(const Backbone &base, const LabelledFeatures &train, const LabelledFeatures &validation,
                        int classCount, const TrainingOptions &options, const FineTuning &fineTuning,
                        const std::function<void(const TrainingPoint &)> &progress = {},
                        const CancelFlag *cancel = nullptr);

// The bottlenecks `backbone` computes from rows of activations at `cutLayer`.
FeatureMatrix bottlenecksFrom(const Backbone &backbone, const QString &cutLayer, const FeatureMatrix &activations);

// The blocks from `fromBlock` on, as a state dict torch.load reads (keys as torchvision's,
// "Mixed_7b.branch1x1.conv.weight", ...), written atomically; and the base with such a file
// loaded over it, strictly. Throws WeightsError naming the file.
void saveBlocks(const Backbone &backbone, const QString &fromBlock, const QString &path);
Backbone withBlocks(const Backbone &base, const QString &fromBlock, const QString &path);

} // namespace rs
