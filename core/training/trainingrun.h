#pragma once

#include "base/cancellation.h"
#include "data/dataset.h"
#include "data/imagefixes.h"
#include "data/shard.h"
#include "evaluation/evaluation.h"
#include "features/extraction.h"
#include "images/augmentation.h"
#include "model/backbone.h"
#include "training/classifierhead.h"
#include "training/finetuning.h"
#include "training/lrfinder.h"
#include "training/tuning.h"

#include <QJsonObject>

#include <functional>
#include <optional>

namespace rs {

// A whole run, folders in, evaluated head out: the main job of retrain-cli train and the GUI.
struct TrainingRunOptions
{
    DatasetSources sources;
    SplitOptions split;
    QString layer = Backbone::kBottleneck;
    QString cacheRoot; // empty: BottleneckCache::defaultRoot()
    int extractionBatch = 8; // images per network pass; see ExtractionOptions::batchSize
    TrainingOptions training;
    Augmentation augmentation; // distorted copies of the training images, cached like the rest
    FineTuning fineTuning;     // train the top blocks too (then `layer` must be the bottleneck)
    double epochs = 0; // > 0: sets training.steps from the training set's size
    Precision precision = Precision::Auto; // the frozen network computes in it; the head trains in float32
    // First search head settings on the cached features (tuneHead), then train with the best;
    // its choice replaces the optimizer, rates, weight decay, hidden units, length and scaling.
    bool tune = false;
    ImageFixes fixes; // the project's relabelled, excluded and reviewed images, applied to the scan
    // Above this many bytes of float32 features the training set stays in the cache on disk and
    // is read a batch at a time (PackRows); 0: trainingSetInMemoryLimit().
    std::int64_t inMemoryLimit = 0;
};

// A quarter of the machine's memory: the training set's features beyond it are read from disk.
std::int64_t trainingSetInMemoryLimit();

// Training length in the two units users think in: an epoch shows every training image once.
int stepsForEpochs(double epochs, int trainImages, int batchSize);
double epochsForSteps(int steps, int trainImages, int batchSize);

struct TrainingRunCallbacks
{
    std::function<void(const Dataset &, const FixesApplied &)> scanned; // the scan with the fixes applied
    std::function<void(const ExtractionProgress &)> extracting;
    std::function<void(const TrainingPoint &)> training;
    std::function<void(const TuningTrial &, int total)> tuning;
};

struct TrainingRun
{
    TrainingRunOptions options; // as run: training.steps is final
    Dataset dataset;            // fixes applied; unreadable images removed and listed in dataset.skipped
    FixesApplied fixes;
    int featureSize = 0;
    int fromCache = 0;
    int computed = 0;
    int repaired = 0;
    int augmentedRows = 0; // distorted copies added to the training set
    bool trainingSetOnDisk = false; // too large for memory: read from the cache a batch at a time
    double extractionSeconds = 0;
    Precision precision = Precision::Float32; // the frozen network's, as resolved
    std::int64_t extractionPeakBytes = 0;     // the process's peak RSS when extraction ended
    double trainingSeconds = 0;
    std::optional<Tuning> tuning; // with options.tune: the trials; options.training is the winner's
    std::vector<TrainingPoint> curve;
    Evaluation evaluation; // on the test set
    std::optional<ClassifierHead> head;
    std::optional<Backbone> tunedBackbone; // with fine-tuning: the base with the trained blocks (or whole network)

    // The backbone the head works on: the fine-tuned one, or `base`.
    const Backbone &backbone(const Backbone &base) const { return tunedBackbone ? *tunedBackbone : base; }

    QJsonObject report(const WeightsInfo &weights) const;
};

// What a run reads before training: the scan and the features (cached or computed) of every
// readable image, in the run's cache. run.dataset keeps only the images that were read, row r
// of features.features being run.dataset.images[r]; the unreadable ones are in its skipped.
struct RunFeatures
{
    TrainingRun run;                 // options, dataset, cache counts, extraction time and precision
    ExtractionResult features;
    ExtractionOptions extraction;    // as used, without cache or progress: distorted copies reuse it
    QString cacheRoot, cacheVariant; // where the cache is
    int images = 0;                  // scanned, readable or not
    int plannedTrain = 0;            // of them in the training set
};

// Scans run.options's folders into run.dataset with the fixes applied (run.fixes) and the
// warnings of empty subsets, tells `callbacks.scanned`; returns the number of classes with images.
int scanForRun(TrainingRun &run, const TrainingRunCallbacks &callbacks);

// What the training loop's progress does in a run: the point joins run.curve, then the caller hears of it.
std::function<void(const TrainingPoint &)> recordingProgress(TrainingRun &run, const TrainingRunCallbacks &callbacks);

// Throws as runTraining does, before training.
RunFeatures readRunFeatures(const Backbone &backbone, const TrainingRunOptions &options,
                            const TrainingRunCallbacks &callbacks = {}, const CancelFlag *cancel = nullptr);

// What `retrain-cli extract` does on each node of a cluster: reads or computes, into the run's
// caches, every feature runTraining would read for the images of `shard` (the originals and
// the training images' distorted copies), and no more; nothing is trained or kept in memory.
// The result has the shard's readable images in `dataset`, the counts and the extraction
// time and peak memory. Throws as runTraining does before training.
TrainingRun fillRunCache(const Backbone &backbone, const TrainingRunOptions &options, const Shard &shard,
                         const TrainingRunCallbacks &callbacks = {}, const CancelFlag *cancel = nullptr);

// Throws std::invalid_argument when the data cannot be trained on (fewer than two classes,
// no training images), Cancelled when `cancel` is set.
TrainingRun runTraining(const Backbone &backbone, const TrainingRunOptions &options,
                        const TrainingRunCallbacks &callbacks = {}, const CancelFlag *cancel = nullptr);

// The learning-rate sweep (sweepLearningRate) on the run's training images, their features
// read from the cache or computed as runTraining would; fine-tuning and `tune` are ignored.
// Throws as runTraining does.
LearningRateSweep sweepRunLearningRate(const Backbone &backbone, const TrainingRunOptions &options,
                                       const TrainingRunCallbacks &callbacks = {}, const CancelFlag *cancel = nullptr);

} // namespace rs
