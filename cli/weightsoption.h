#pragma once

#include "backbone.h"

#include <QCommandLineParser>

#include <optional>

namespace rs::cli {

// --threads N: LibTorch's compute threads, by default every core.
class ThreadsOption
{
public:
    explicit ThreadsOption(QCommandLineParser &parser);
    // Sets the thread count; on a bad value prints the reason and returns false.
    bool apply(const QString &command) const;

private:
    const QCommandLineParser &m_parser;
    QCommandLineOption m_threads;
};

// The options every command that runs the network shares: --weights, --random-weights, --threads.
class WeightsOption
{
public:
    explicit WeightsOption(QCommandLineParser &parser);

    // Applies --threads and loads the backbone, reporting on stderr what was loaded. On
    // failure prints the reason and returns nothing; `exitCode` then holds the code.
    std::optional<Backbone> load(const QString &command, int &exitCode) const;

private:
    const QCommandLineParser &m_parser;
    QCommandLineOption m_weights;
    QCommandLineOption m_random;
    ThreadsOption m_threads;
};

} // namespace rs::cli
