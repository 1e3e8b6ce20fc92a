// Head training speed: STEPS steps of batch BATCH on IMAGES synthetic 2048-d features in
// CLASSES classes, as retrain-cli trains on cached bottlenecks. Prints one line of timings.
//
// Usage: bench_head_training [IMAGES=1000] [STEPS=10000] [BATCH=100] [THREADS=cores]

#include "model/backbone.h"
#include "training/classifierhead.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QThread>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int images = args.value(1, QStringLiteral("1000")).toInt();
    const int steps = args.value(2, QStringLiteral("10000")).toInt();
    const int batch = args.value(3, QStringLiteral("100")).toInt();
    rs::setComputeThreads(args.value(4, QString::number(QThread::idealThreadCount())).toInt());
    constexpr int kClasses = 10, kFeatures = 2048;

    // Class-dependent means plus noise, like bottlenecks of ten distinct classes.
    QRandomGenerator random(1);
    rs::LabelledFeatures train, validation;
    for (rs::LabelledFeatures *set : {&train, &validation}) {
        const int n = set == &train ? images : images / 8;
        set->features = {n, kFeatures, std::vector<float>(std::size_t(n) * kFeatures)};
        for (int i = 0; i < n; ++i) {
            const int label = i % kClasses;
            set->labels.push_back(label);
            for (int f = 0; f < kFeatures; ++f)
                set->features.values[std::size_t(i) * kFeatures + f] =
                    float(random.generateDouble()) + (f % kClasses == label ? 0.5f : 0.0f);
        }
    }
    rs::TrainingOptions options;
    options.steps = steps;
    options.batchSize = batch;

    QElapsedTimer clock;
    clock.start();
    int reports = 0;
    const rs::ClassifierHead head = rs::ClassifierHead::train(train, validation, kClasses, options,
                                                              [&](const rs::TrainingPoint &) { ++reports; });
    const double seconds = clock.elapsed() / 1000.0;
    std::printf("head training: %d steps, batch %d, %d images, %d threads: %.2f s (%.0f us/step, %d reports)\n", steps,
                batch, images, rs::computeThreads(), seconds, 1e6 * seconds / steps, reports);
    return 0;
}
