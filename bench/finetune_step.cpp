// One fine-tuning step's cost per image, from the cached cut point (what retrain-cli does)
// and with the frozen part of the network run again for every batch (what fine-tuning without
// the cache costs). Prints one line of timings.
//
// Usage: bench_finetune_step [BLOCK=Mixed_7b] [BATCH=16] [STEPS=6] [THREADS=cores] [PRECISION=auto]
// PRECISION (fp32, bf16, auto) is the frozen part's; the trained blocks always run in float32.

#include "training/finetuning.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QThread>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    rs::FineTuning fineTuning;
    fineTuning.fromBlock = args.value(1, QStringLiteral("Mixed_7b"));
    const int batch = args.value(2, QStringLiteral("16")).toInt();
    const int steps = std::max(2, args.value(3, QStringLiteral("6")).toInt());
    rs::setComputeThreads(args.value(4, QString::number(QThread::idealThreadCount())).toInt());
    constexpr int kClasses = 10;

    rs::Backbone base = rs::Backbone::untrained(0);
    const auto precision = rs::precisionFromName(args.value(5, QStringLiteral("auto")));
    if (!precision) {
        std::fprintf(stderr, "PRECISION must be fp32, bf16 or auto\n");
        return 2;
    }
    QRandomGenerator random(1);
    std::vector<float> inputs(std::size_t(batch) * 3 * rs::Backbone::kInputSize * rs::Backbone::kInputSize);
    for (float &v : inputs)
        v = float(random.generateDouble() * 2 - 1);

    // The frozen part once per batch: the cost the cache saves on every step. Timed on its
    // second batch: the first also builds the inference copy and oneDNN's primitives.
    rs::LabelledFeatures train;
    train.features = base.extract(inputs.data(), batch, fineTuning.cutLayer(), *precision, /*pooled=*/false);
    QElapsedTimer clock;
    clock.start();
    train.features = base.extract(inputs.data(), batch, fineTuning.cutLayer(), *precision, /*pooled=*/false);
    const double frozenSeconds = clock.elapsed() / 1000.0;
    for (int i = 0; i < batch; ++i)
        train.labels.push_back(i % kClasses);

    rs::TrainingOptions options;
    options.steps = steps;
    options.batchSize = 0; // the whole batch in every step
    options.evalInterval = 1;
    // Steps only: from the end of the first (which also warms up) to the end of the last,
    // leaving out copying the backbone and fingerprinting the result.
    qint64 firstStepEnd = 0, lastStepEnd = 0;
    rs::fineTune(base, train, {}, kClasses, options, fineTuning, [&](const rs::TrainingPoint &p) {
        (p.step == 1 ? firstStepEnd : lastStepEnd) = clock.nsecsElapsed();
    });
    const double stepSeconds = double(lastStepEnd - firstStepEnd) / 1e9 / (steps - 1);
    std::printf("fine-tuning from %s, batch %d, %d threads, frozen part in %s: cached cut %.1f ms/img, frozen part %.1f ms/img, "
                "without the cache %.1f ms/img\n",
                qPrintable(fineTuning.fromBlock), batch, rs::computeThreads(),
                qPrintable(rs::precisionName(rs::resolvePrecision(*precision))), 1000 * stepSeconds / batch,
                1000 * frozenSeconds / batch, 1000 * (stepSeconds + frozenSeconds) / batch);
    return 0;
}
