// Model-only throughput of the frozen InceptionV3 as extraction runs it (the fast inference
// copy: folded BatchNorm, channels-last), no decoding: BATCHES timed batches of BATCH random
// 299 x 299 inputs after one warm-up batch. Prints images/s and the achieved GFLOP/s, counting
// 11.46 GFLOP (5.73 G multiply-adds) per image, the convolutions and the fully connected layer.
//
// int8 is calibrated on the timed batch itself: the ranges change the numbers, not the work.
//
// Usage: bench_model_throughput PRECISION(fp32|bf16|int8) [BATCH=16] [BATCHES=4] [THREADS=cores]

#include "model/backbone.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QThread>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const auto precision = rs::precisionFromName(args.value(1, QStringLiteral("fp32")));
    if (!precision) {
        std::fprintf(stderr, "precision must be auto, fp32, bf16 or int8\n");
        return 2;
    }
    const int batch = args.value(2, QStringLiteral("16")).toInt();
    const int batches = args.value(3, QStringLiteral("4")).toInt();
    rs::setComputeThreads(args.value(4, QString::number(QThread::idealThreadCount())).toInt());
    constexpr double kGflopPerImage = 11.46;

    rs::Backbone backbone = rs::Backbone::untrained(0);
    const std::size_t inputFloats = std::size_t(batch) * 3 * rs::Backbone::kInputSize * rs::Backbone::kInputSize;
    std::vector<float> input(inputFloats);
    QRandomGenerator random(1);
    for (float &v : input)
        v = float(random.generateDouble() * 2 - 1);

    const QString calibration = QStringLiteral("bench");
    if (*precision == rs::Precision::Int8)
        backbone.calibrateInt8(calibration, input.data(), batch);
    const auto run = [&] {
        backbone.extract(input.data(), batch, rs::Backbone::kBottleneck, *precision, true, nullptr, calibration);
    };
    run(); // warm-up: builds the fast copy, primes oneDNN
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < batches; ++i)
        run();
    const double seconds = clock.nsecsElapsed() / 1e9;
    const double imagesPerSecond = batch * batches / seconds;
    std::printf("model only: %s, batch %d, %d threads: %.1f img/s, %.0f GFLOP/s\n",
                qPrintable(rs::precisionName(rs::resolvePrecision(*precision))), batch, rs::computeThreads(), imagesPerSecond,
                imagesPerSecond * kGflopPerImage);
    return 0;
}
