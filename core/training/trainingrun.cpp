#include "training/trainingrun.h"

#include "base/processinfo.h"
#include "data/shard.h"
#include "features/bottleneckcache.h"
#include "features/int8calibration.h"
#include "images/signature.h"
#include "training/jsonformat.h"
#include "training/settingrules.h"
#include "training/wholenetwork.h"

#include <QElapsedTimer>
#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace rs {
namespace {

// Which features a run's read keeps in memory: all, none (they are only cached), or all up to
// the run's limit, beyond which the training set is read from disk as it trains.
enum class RowsInMemory { All, None, UpToLimit };

RunFeatures readFeatures(const Backbone &backbone, const TrainingRunOptions &options, const TrainingRunCallbacks &callbacks,
                         const CancelFlag *cancel, const Shard &shard, RowsInMemory rowsInMemory);

LabelledFeatures select(const FeatureMatrix &all, const std::vector<int> &rows, const std::vector<ImageEntry> &images)
{
    LabelledFeatures out;
    out.features.cols = all.cols;
    out.features.rows = std::int64_t(rows.size());
    out.features.values.reserve(rows.size() * std::size_t(all.cols));
    for (int r : rows) {
        out.features.values.insert(out.features.values.end(), all.row(r), all.row(r) + all.cols);
        out.labels.push_back(images[std::size_t(r)].label);
    }
    return out;
}

// The rows of a distorted copy, and the cache they are in.
using CopyRows = std::function<void(const BottleneckCache &, const ExtractionResult &)>;

// The features of distorted copy `copy` of the training images, handed to `add`. Each copy
// has its own cache folder, named by the distortion settings and the copy's number, so
// changing the distortions never reuses stale features.
void extractCopy(const Backbone &backbone, const RunFeatures &read, const Augmentation &augmentation, int copy,
                 const QStringList &paths, const std::function<void(const ExtractionProgress &)> &progress, const CopyRows &add)
{
    const BottleneckCache copyCache(read.cacheRoot, featureKeyFor(backbone, read.extraction), read.extraction.layer,
                                    read.cacheVariant + augmentation.id() + QStringLiteral("|copy") + QString::number(copy));
    ExtractionOptions distorted = read.extraction;
    distorted.cache = &copyCache;
    distorted.augmentation = &augmentation;
    distorted.variant = copy;
    distorted.progress = progress;
    add(copyCache, extractFeatures(backbone, paths, distorted));
}

// Appends the rows of `extra` (images of `paths` with these `labels`) to `set`; returns how many.
int appendRows(LabelledFeatures &set, const ExtractionResult &extra, const std::vector<int> &labels)
{
    for (std::size_t i = 0; i < extra.sourceIndex.size(); ++i) {
        const float *row = extra.features.row(std::int64_t(i));
        set.features.values.insert(set.features.values.end(), row, row + extra.features.cols);
        set.labels.push_back(labels[std::size_t(extra.sourceIndex[i])]);
    }
    set.features.rows += std::int64_t(extra.sourceIndex.size());
    return int(extra.sourceIndex.size());
}

// The distorted copies of the training images `trainRows` (of run.dataset), read from their
// caches or computed, their counts added to `run`'s; with `train`, their rows appended to it
// (to its rows in memory, or on disk when it has them there).
void extractCopies(const Backbone &backbone, const RunFeatures &read, TrainingRun &run, const std::vector<int> &trainRows,
                   const TrainingRunCallbacks &callbacks, LabelledFeatures *train, PackRows *onDisk)
{
    const TrainingRunOptions &options = run.options;
    QStringList trainPaths;
    std::vector<int> trainLabels;
    for (int r : trainRows) {
        trainPaths << run.dataset.images[std::size_t(r)].path;
        trainLabels.push_back(run.dataset.images[std::size_t(r)].label);
    }
    const int copies = options.augmentation.enabled() ? options.augmentation.copies : 0;
    const int total = read.images + copies * read.plannedTrain;
    const auto announce = [&](int offset, const ExtractionProgress &p, int cachedBefore) {
        if (callbacks.extracting)
            callbacks.extracting({offset + p.done, total, cachedBefore + p.fromCache});
    };
    for (int copy = 0; copy < copies; ++copy) {
        const int offset = read.images + copy * read.plannedTrain, cachedBefore = run.fromCache;
        const auto progress = [&, offset, cachedBefore](const ExtractionProgress &p) { announce(offset, p, cachedBefore); };
        extractCopy(backbone, read, options.augmentation, copy, trainPaths, progress,
                    [&](const BottleneckCache &cache, const ExtractionResult &extra) {
                        run.fromCache += extra.fromCache;
                        run.computed += extra.computed;
                        run.repaired += extra.repaired;
                        if (!train)
                            return;
                        if (!onDisk) {
                            run.augmentedRows += appendRows(*train, extra, trainLabels);
                            return;
                        }
                        for (std::size_t i = 0; i < extra.sourceIndex.size(); ++i) {
                            onDisk->append(cache, extra.contentHashes[i]);
                            train->labels.push_back(trainLabels[std::size_t(extra.sourceIndex[i])]);
                        }
                        run.augmentedRows += int(extra.sourceIndex.size());
                    });
    }
    if (copies > 0) // unreadable training images make the passes fall short of the plan
        announce(total, {0, 0, 0}, run.fromCache);
}

// The features of `rows` (into `images`), read from `cache` by their images' hashes.
LabelledFeatures load(const BottleneckCache &cache, const std::vector<QByteArray> &hashes, const std::vector<int> &rows,
                      const std::vector<ImageEntry> &images)
{
    LabelledFeatures out;
    std::vector<float> values;
    for (int r : rows) {
        if (cache.load(hashes[std::size_t(r)], values) != BottleneckCache::Lookup::Hit)
            throw std::runtime_error(images[std::size_t(r)].path.toStdString() + ": its features went missing from the cache");
        out.features.cols = std::int64_t(values.size());
        out.features.values.insert(out.features.values.end(), values.begin(), values.end());
        out.labels.push_back(images[std::size_t(r)].label);
    }
    out.features.rows = std::int64_t(rows.size());
    return out;
}

// Everything before training: the features of every readable image split into the three
// sets, the distorted copies; the run's steps set from epochs.
struct Prepared
{
    TrainingRun run;
    LabelledFeatures train, validation, test;
    std::vector<int> testRows; // into run.dataset.images
};

Prepared prepare(const Backbone &backbone, const TrainingRunOptions &options, const TrainingRunCallbacks &callbacks,
                 const CancelFlag *cancel)
{
    RunFeatures read = readFeatures(backbone, options, callbacks, cancel, Shard{}, RowsInMemory::UpToLimit);
    QElapsedTimer clock;
    clock.start();
    Prepared prepared;
    TrainingRun &run = prepared.run;
    run = std::move(read.run);
    const std::vector<int> trainRows = run.dataset.indicesOf(Subset::Train);
    prepared.testRows = run.dataset.indicesOf(Subset::Test);
    LabelledFeatures &train = prepared.train;
    std::shared_ptr<PackRows> onDisk;
    if (run.trainingSetOnDisk) {
        // The features were only cached: the training rows stay there, the others are read in.
        const BottleneckCache cache(read.cacheRoot, featureKeyFor(backbone, read.extraction), read.extraction.layer,
                                    read.cacheVariant);
        onDisk = std::make_shared<PackRows>();
        for (int r : trainRows) {
            onDisk->append(cache, read.features.contentHashes[std::size_t(r)]);
            train.labels.push_back(run.dataset.images[std::size_t(r)].label);
        }
        prepared.validation = load(cache, read.features.contentHashes, run.dataset.indicesOf(Subset::Validation), run.dataset.images);
        prepared.test = load(cache, read.features.contentHashes, prepared.testRows, run.dataset.images);
        run.featureSize = int(onDisk->cols());
    } else {
        const FeatureMatrix &all = read.features.features;
        train = select(all, trainRows, run.dataset.images);
        prepared.validation = select(all, run.dataset.indicesOf(Subset::Validation), run.dataset.images);
        prepared.test = select(all, prepared.testRows, run.dataset.images);
        read.features.features = {}; // selected: not held twice while the copies are computed
    }
    if (trainRows.empty())
        throw std::invalid_argument("no image is in the training set; lower the validation and test percentages");

    extractCopies(backbone, read, run, trainRows, callbacks, &train, onDisk.get());
    train.packed = onDisk;
    run.extractionSeconds += clock.elapsed() / 1000.0;
    run.extractionPeakBytes = peakResidentBytes();

    if (options.epochs > 0)
        // An epoch shows every training image once; distorted copies do not lengthen it.
        run.options.training.steps = stepsForEpochs(options.epochs, int(trainRows.size()), options.training.batchSize);
    return prepared;
}

RunFeatures readFeatures(const Backbone &backbone, const TrainingRunOptions &options, const TrainingRunCallbacks &callbacks,
                         const CancelFlag *cancel, const Shard &shard, RowsInMemory rowsInMemory)
{
    RunFeatures read;
    TrainingRun &run = read.run;
    run.options = options;
    const int withImages = scanForRun(run, {});
    // Before sharding: every shard of a cluster run measures the same sample.
    if (resolvePrecision(options.precision) == Precision::Int8 && withImages >= 2)
        read.extraction.int8Calibration = calibrateInt8(backbone, run.dataset, options.sources, cancel);
    keepShard(run.dataset, options.sources, shard);
    if (callbacks.scanned)
        callbacks.scanned(run.dataset, run.fixes);
    if (withImages < 2)
        throw std::invalid_argument("training needs at least two classes with images; found " + std::to_string(withImages));

    QElapsedTimer clock;
    clock.start();
    QStringList paths;
    for (const ImageEntry &image : run.dataset.images)
        paths << image.path;
    if (const std::vector<SettingProblem> problems = checkRunOptions(options); !problems.empty())
        throw std::invalid_argument(problems.front().message.toStdString());
    // The whole network is trained on images: its features are the bottleneck's, like the head's.
    const bool blocksTrain = options.fineTuning.enabled() && !options.fineTuning.wholeNetwork();
    // Fine-tuning caches the frozen part's output at the cut, whole rather than pooled.
    read.cacheRoot = options.cacheRoot.isEmpty() ? BottleneckCache::defaultRoot() : options.cacheRoot;
    read.cacheVariant = blocksTrain ? QStringLiteral("unpooled") : QString();
    read.extraction.layer = blocksTrain ? options.fineTuning.cutLayer() : options.layer;
    read.extraction.precision = options.precision;
    read.extraction.pooled = !blocksTrain;
    read.extraction.batchSize = options.extractionBatch;
    read.extraction.cancel = cancel;
    // Pooled features are at most 2048 wide: a bound known before any is computed.
    const std::int64_t limit = options.inMemoryLimit > 0 ? options.inMemoryLimit : trainingSetInMemoryLimit();
    run.trainingSetOnDisk = rowsInMemory == RowsInMemory::UpToLimit && !blocksTrain
                            && std::int64_t(paths.size()) * 2048 * std::int64_t(sizeof(float)) > limit;
    read.extraction.keepRows = rowsInMemory == RowsInMemory::All || (rowsInMemory == RowsInMemory::UpToLimit && !run.trainingSetOnDisk);
    const BottleneckCache cache(read.cacheRoot, featureKeyFor(backbone, read.extraction), read.extraction.layer,
                                read.cacheVariant);
    // Progress counts every image pass: the originals, then each distorted copy of the training set.
    read.images = int(paths.size());
    read.plannedTrain = int(run.dataset.indicesOf(Subset::Train).size());
    const int copies = options.augmentation.enabled() ? options.augmentation.copies : 0;
    const int total = read.images + copies * read.plannedTrain;
    // Signatures do not depend on the network: one cache, in a folder of its own, serves every
    // weights file and layer.
    const BottleneckCache signatures(read.cacheRoot + QStringLiteral("/signatures"), QStringLiteral("image-signature"),
                                     QStringLiteral("grey%1").arg(kSignatureSide));
    ExtractionOptions extraction = read.extraction;
    extraction.cache = &cache;
    extraction.signatures = &signatures;
    extraction.progress = [&](const ExtractionProgress &p) {
        if (callbacks.extracting)
            callbacks.extracting({p.done, total, p.fromCache});
    };
    read.features = extractFeatures(backbone, paths, extraction);
    run.fromCache = read.features.fromCache;
    run.computed = read.features.computed;
    run.repaired = read.features.repaired;
    run.featureSize = blocksTrain ? 2048 : int(read.features.features.cols);

    // Keep only the images that were read; features row r belongs to images[r] from here on.
    std::vector<ImageEntry> readable;
    for (int index : read.features.sourceIndex)
        readable.push_back(run.dataset.images[std::size_t(index)]);
    run.dataset.images = std::move(readable);
    run.dataset.skipped << read.features.errors;
    run.extractionSeconds = clock.elapsed() / 1000.0;
    run.precision = resolvePrecision(options.precision);
    run.extractionPeakBytes = peakResidentBytes();
    return read;
}

} // namespace

std::function<void(const TrainingPoint &)> recordingProgress(TrainingRun &run, const TrainingRunCallbacks &callbacks)
{
    return [&run, training = callbacks.training](const TrainingPoint &p) {
        run.curve.push_back(p);
        if (training)
            training(p);
    };
}

int scanForRun(TrainingRun &run, const TrainingRunCallbacks &callbacks)
{
    run.dataset = scanDataset(run.options.sources, run.options.split);
    run.fixes = applyFixes(run.dataset, run.options.fixes);
    run.dataset.warnings << emptySubsetWarnings(run.dataset.counts());
    if (callbacks.scanned)
        callbacks.scanned(run.dataset, run.fixes);
    const auto counts = run.dataset.counts();
    return int(std::count_if(counts.begin(), counts.end(), [](const ClassCounts &c) { return c.total() > 0; }));
}

RunFeatures readRunFeatures(const Backbone &backbone, const TrainingRunOptions &options,
                            const TrainingRunCallbacks &callbacks, const CancelFlag *cancel)
{
    return readFeatures(backbone, options, callbacks, cancel, Shard{}, RowsInMemory::All);
}

TrainingRun fillRunCache(const Backbone &backbone, const TrainingRunOptions &options, const Shard &shard,
                         const TrainingRunCallbacks &callbacks, const CancelFlag *cancel)
{
    if (options.fineTuning.wholeNetwork())
        throw std::invalid_argument("whole-network fine-tuning trains on images, not on cached features: "
                                    "there is nothing to extract for it");
    RunFeatures read = readFeatures(backbone, options, callbacks, cancel, shard, RowsInMemory::None);
    QElapsedTimer clock;
    clock.start();
    extractCopies(backbone, read, read.run, read.run.dataset.indicesOf(Subset::Train), callbacks, nullptr, nullptr);
    read.run.extractionSeconds += clock.elapsed() / 1000.0;
    read.run.extractionPeakBytes = peakResidentBytes();
    return std::move(read.run);
}

std::int64_t trainingSetInMemoryLimit()
{
    return physicalMemoryBytes() / 4;
}

int stepsForEpochs(double epochs, int trainImages, int batchSize)
{
    if (batchSize <= 0 || batchSize >= trainImages)
        return std::max(1, int(std::ceil(epochs)));
    return std::max(1, int(std::ceil(epochs * trainImages / batchSize)));
}

double epochsForSteps(int steps, int trainImages, int batchSize)
{
    if (trainImages <= 0)
        return 0;
    if (batchSize <= 0 || batchSize >= trainImages)
        return steps;
    return double(steps) * batchSize / trainImages;
}

TrainingRun runTraining(const Backbone &backbone, const TrainingRunOptions &options,
                        const TrainingRunCallbacks &callbacks, const CancelFlag *cancel)
{
    if (options.fineTuning.wholeNetwork())
        return runWholeNetworkTraining(backbone, options, callbacks, cancel);
    Prepared prepared = prepare(backbone, options, callbacks, cancel);
    TrainingRun &run = prepared.run;
    const LabelledFeatures &train = prepared.train, &validation = prepared.validation, &test = prepared.test;
    const bool blocksTrain = options.fineTuning.enabled();
    QElapsedTimer clock;
    if (train.packed && (options.tune || blocksTrain))
        throw std::invalid_argument(std::string(options.tune ? "the settings search (tune)" : "fine-tuning")
                                    + " needs the training features in memory, and these "
                                    + std::to_string(train.rows()) + " rows are kept on disk");
    if (options.tune) {
        run.tuning = tuneHead(train, validation, int(run.dataset.classes.size()), run.options.training, callbacks.tuning, cancel);
        run.options.training = run.tuning->bestOptions();
    }
    clock.start();
    const auto onPoint = recordingProgress(run, callbacks);
    FeatureMatrix testFeatures = test.features;
    if (blocksTrain) {
        FineTunedModel tuned = fineTune(backbone, train, validation, int(run.dataset.classes.size()), run.options.training,
                                        options.fineTuning, onPoint, cancel);
        run.head = std::move(tuned.head);
        run.tunedBackbone = std::move(tuned.backbone);
        testFeatures = bottlenecksFrom(*run.tunedBackbone, options.fineTuning.cutLayer(), test.features);
    } else {
        run.head = ClassifierHead::train(train, validation, int(run.dataset.classes.size()), run.options.training, onPoint, cancel);
    }
    run.trainingSeconds = clock.elapsed() / 1000.0;

    QStringList testPaths;
    for (int r : prepared.testRows)
        testPaths << run.dataset.images[std::size_t(r)].path;
    run.evaluation = evaluate(run.head->probabilities(testFeatures), test.labels, testPaths);
    return std::move(prepared.run);
}

LearningRateSweep sweepRunLearningRate(const Backbone &backbone, const TrainingRunOptions &options,
                                       const TrainingRunCallbacks &callbacks, const CancelFlag *cancel)
{
    // The classifier's rate: fine-tuned layers and the settings search play no part.
    TrainingRunOptions headOnly = options;
    headOnly.fineTuning = {};
    headOnly.tune = false;
    const Prepared prepared = prepare(backbone, headOnly, callbacks, cancel);
    if (prepared.train.packed)
        throw std::invalid_argument("the learning-rate sweep needs the training features in memory, and these "
                                    + std::to_string(prepared.train.rows()) + " rows are kept on disk");
    return sweepLearningRate(prepared.train, int(prepared.run.dataset.classes.size()), prepared.run.options.training, cancel);
}

QJsonObject TrainingRun::report(const WeightsInfo &weights) const
{
    QJsonArray classes;
    for (const ClassCounts &c : dataset.counts())
        classes.append(QJsonObject{{QStringLiteral("name"), c.name},
                                   {QStringLiteral("train"), c.perSubset[0]},
                                   {QStringLiteral("validation"), c.perSubset[1]},
                                   {QStringLiteral("test"), c.perSubset[2]}});
    QJsonObject training = toJson(options.training);
    training.insert(QStringLiteral("validation_percent"), options.split.validationPercent);
    training.insert(QStringLiteral("test_percent"), options.split.testPercent);
    training.insert(QStringLiteral("split_key"), QLatin1String(splitKeyName(options.split.key)));
    training.insert(QStringLiteral("seconds"), trainingSeconds);
    training.insert(QStringLiteral("training_set_on_disk"), trainingSetOnDisk);
    training.insert(QStringLiteral("curve"), toJson(curve));
    if (head)
        training.insert(QStringLiteral("best_step"), head->keptStep());
    QJsonObject fixed{{QStringLiteral("relabelled"), fixes.relabelled},
                      {QStringLiteral("excluded"), fixes.excluded},
                      {QStringLiteral("reviewed"), fixes.reviewed},
                      {QStringLiteral("stale"), QJsonArray::fromStringList(fixes.stale)}};
    QJsonObject augmentation = toJson(options.augmentation);
    augmentation.insert(QStringLiteral("rows_added"), augmentedRows);
    return QJsonObject{
        {QStringLiteral("weights"), QJsonObject{{QStringLiteral("source"), weights.source},
                                                {QStringLiteral("fingerprint"), weights.fingerprint},
                                                {QStringLiteral("pretrained"), weights.pretrained}}},
        {QStringLiteral("layer"), options.layer},
        {QStringLiteral("classes"), classes},
        {QStringLiteral("skipped"), QJsonArray::fromStringList(dataset.skipped)},
        {QStringLiteral("warnings"), QJsonArray::fromStringList(dataset.warnings)},
        {QStringLiteral("fixes"), fixed},
        {QStringLiteral("extraction"), QJsonObject{{QStringLiteral("from_cache"), fromCache},
                                                   {QStringLiteral("computed"), computed},
                                                   {QStringLiteral("repaired"), repaired},
                                                   {QStringLiteral("seconds"), extractionSeconds},
                                                   {QStringLiteral("precision"), precisionName(precision)},
                                                   {QStringLiteral("peak_rss_mib"), double(extractionPeakBytes >> 20)}}},
        {QStringLiteral("augmentation"), augmentation},
        {QStringLiteral("fine_tuning"), toJson(options.fineTuning)},
        {QStringLiteral("training"), training},
        {QStringLiteral("calibration"), head ? toJson(head->calibration()) : QJsonObject()},
        {QStringLiteral("tuning"), tuning ? toJson(*tuning) : QJsonObject()},
        {QStringLiteral("test"), toJson(evaluation, dataset.classes)},
    };
}

} // namespace rs
