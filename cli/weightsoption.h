#pragma once

#include "model/backbone.h"
#include "model/weightssource.h"

#include <QCommandLineParser>

#include <optional>

namespace rs::cli {

// How the network computes: --threads N (LibTorch's compute threads, by default every core),
// --precision auto|fp32|bf16, and --max-image-megapixels M (larger images are refused unread).
class ComputeOption
{
public:
    explicit ComputeOption(QCommandLineParser &parser);
    // Sets the thread count, once, before any network runs, and checks the precision; on a
    // bad value prints the reason and returns false.
    bool apply(const QString &command) const;
    // The precision asked for (valid after apply()).
    Precision precision() const;

private:
    const QCommandLineParser &m_parser;
    QCommandLineOption m_threads;
    QCommandLineOption m_precision;
    QCommandLineOption m_maxMegapixels;
};

// "46.2 img/s, bf16, 2 threads, peak memory 560 MiB": how fast `images` went through the
// network in `seconds`, and how.
QString throughputSummary(Precision precision, int images, double seconds);

// The options every command that runs the network shares: --weights, --random-weights,
// --threads, --precision.
class WeightsOption
{
public:
    explicit WeightsOption(QCommandLineParser &parser);

    // Applies --threads and loads the weights WeightsSource::fromFlags chooses, warning on
    // stderr about random ones. On failure prints the reason and returns nothing; `exitCode`
    // then holds the code.
    std::optional<Backbone> load(const QString &command, int &exitCode) const;
    // The precision the network is to compute in.
    Precision precision() const { return m_compute.precision(); }

private:
    const QCommandLineParser &m_parser;
    QCommandLineOption m_weights;
    QCommandLineOption m_random;
    ComputeOption m_compute;
};

} // namespace rs::cli
