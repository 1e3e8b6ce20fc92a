#include "trainingrun.h"

#include "bottleneckcache.h"
#include "jsonformat.h"

#include <QElapsedTimer>
#include <QJsonArray>

#include <cmath>

namespace rs {
namespace {

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

} // namespace

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
    TrainingRun run;
    run.options = options;
    run.dataset = scanDataset(options.sources, options.split);
    if (callbacks.scanned)
        callbacks.scanned(run.dataset);
    if (run.dataset.classes.size() < 2)
        throw std::invalid_argument("training needs at least two classes with images; found "
                                    + std::to_string(run.dataset.classes.size()));

    QElapsedTimer clock;
    clock.start();
    QStringList paths;
    for (const ImageEntry &image : run.dataset.images)
        paths << image.path;
    const BottleneckCache cache(options.cacheRoot.isEmpty() ? BottleneckCache::defaultRoot() : options.cacheRoot,
                                backbone.weights().fingerprint, options.layer);
    ExtractionOptions extraction;
    extraction.layer = options.layer;
    extraction.batchSize = options.extractionBatch;
    extraction.cache = &cache;
    extraction.cancel = cancel;
    extraction.progress = callbacks.extracting;
    const ExtractionResult features = extractFeatures(backbone, paths, extraction);
    run.extractionSeconds = clock.elapsed() / 1000.0;
    run.fromCache = features.fromCache;
    run.computed = features.computed;
    run.repaired = features.repaired;
    run.featureSize = int(features.features.cols);

    // Keep only the images that were read; features row r belongs to images[r] from here on.
    std::vector<ImageEntry> readable;
    for (int index : features.sourceIndex)
        readable.push_back(run.dataset.images[std::size_t(index)]);
    run.dataset.images = std::move(readable);
    run.dataset.skipped << features.errors;

    const LabelledFeatures train = select(features.features, run.dataset.indicesOf(Subset::Train), run.dataset.images);
    const LabelledFeatures validation = select(features.features, run.dataset.indicesOf(Subset::Validation), run.dataset.images);
    const std::vector<int> testRows = run.dataset.indicesOf(Subset::Test);
    const LabelledFeatures test = select(features.features, testRows, run.dataset.images);
    if (train.features.rows == 0)
        throw std::invalid_argument("no image is in the training set; lower the validation and test percentages");

    if (options.epochs > 0)
        run.options.training.steps = stepsForEpochs(options.epochs, int(train.features.rows), options.training.batchSize);
    clock.restart();
    run.head = ClassifierHead::train(train, validation, int(run.dataset.classes.size()), run.options.training,
                                     [&](const TrainingPoint &p) {
                                         run.curve.push_back(p);
                                         if (callbacks.training)
                                             callbacks.training(p);
                                     },
                                     cancel);
    run.trainingSeconds = clock.elapsed() / 1000.0;

    QStringList testPaths;
    for (int r : testRows)
        testPaths << run.dataset.images[std::size_t(r)].path;
    run.evaluation = evaluate(run.head->probabilities(test.features), test.labels, testPaths);
    return run;
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
    training.insert(QStringLiteral("seconds"), trainingSeconds);
    training.insert(QStringLiteral("curve"), toJson(curve));
    return QJsonObject{
        {QStringLiteral("weights"), QJsonObject{{QStringLiteral("source"), weights.source},
                                                {QStringLiteral("fingerprint"), weights.fingerprint},
                                                {QStringLiteral("pretrained"), weights.pretrained}}},
        {QStringLiteral("layer"), options.layer},
        {QStringLiteral("classes"), classes},
        {QStringLiteral("skipped"), QJsonArray::fromStringList(dataset.skipped)},
        {QStringLiteral("warnings"), QJsonArray::fromStringList(dataset.warnings)},
        {QStringLiteral("extraction"), QJsonObject{{QStringLiteral("from_cache"), fromCache},
                                                   {QStringLiteral("computed"), computed},
                                                   {QStringLiteral("repaired"), repaired},
                                                   {QStringLiteral("seconds"), extractionSeconds}}},
        {QStringLiteral("training"), training},
        {QStringLiteral("test"), toJson(evaluation, dataset.classes)},
    };
}

} // namespace rs
