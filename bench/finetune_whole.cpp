// One whole-network fine-tuning step's cost per image: retrain-cli's --fine_tune_from input on
// the built-in sample images, BatchNorm statistics frozen, the auxiliary classifier trained,
// live augmentation crop,flip. Times the steps from the end of the first (which warms up) to
// the end of the last; prints one line with the peak RSS.
//
// Usage: bench_finetune_whole [BATCH=32] [STEPS=5] [THREADS=cores] [PRECISION=auto]
// PRECISION: fp32, or bf16 / auto (bfloat16 where the CPU has it, as torch.autocast).

#include "base/processinfo.h"
#include "data/sampledata.h"
#include "training/trainingrun.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int batch = args.value(1, QStringLiteral("32")).toInt();
    const int steps = std::max(2, args.value(2, QStringLiteral("5")).toInt());
    rs::setComputeThreads(args.value(3, QString::number(QThread::idealThreadCount())).toInt());
    const auto precision = rs::precisionFromName(args.value(4, QStringLiteral("auto")));
    if (!precision || *precision == rs::Precision::Int8) {
        std::fprintf(stderr, "PRECISION must be fp32, bf16 or auto\n");
        return 2;
    }
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("data"));
    rs::writeFashionMnistSamples(data, std::max(4, batch / 10 + 1));

    rs::TrainingRunOptions o;
    o.sources = rs::findClasses({data});
    o.split = {0, 0};
    o.cacheRoot = dir.filePath(QStringLiteral("cache"));
    o.precision = *precision;
    o.training.steps = steps;
    o.training.batchSize = batch;
    o.training.evalInterval = 1;
    // finetune_whole.py's rate: the arithmetic is the same at any rate, but a run that diverged
    // would stop (and NaNs can be slower).
    o.training.schedule.base = o.training.schedule.minimum = 0.001;
    o.fineTuning.fromBlock = QLatin1String(rs::FineTuning::kWholeNetwork);
    QElapsedTimer clock;
    clock.start();
    qint64 firstStepEnd = 0, lastStepEnd = 0;
    rs::TrainingRunCallbacks callbacks;
    callbacks.training = [&](const rs::TrainingPoint &p) { (p.step == 1 ? firstStepEnd : lastStepEnd) = clock.nsecsElapsed(); };
    const rs::TrainingRun run = rs::runTraining(rs::Backbone::untrained(0), o, callbacks);
    const double seconds = double(lastStepEnd - firstStepEnd) / 1e9 / (steps - 1);
    std::printf("ours whole network, batch %d, %d threads, %s, channels_last: %.1f ms/img per step, peak RSS %.0f MiB\n", batch,
                rs::computeThreads(), qPrintable(rs::precisionName(run.precision)), 1000 * seconds / batch,
                double(rs::peakResidentBytes() >> 20));
    return 0;
}
