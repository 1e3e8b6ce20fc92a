#pragma once

#include "backbone.h"

#include <QCommandLineParser>

#include <optional>

namespace rs::cli {

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
    QCommandLineOption m_threads;
};

} // namespace rs::cli
