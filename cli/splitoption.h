#pragma once

#include "data/dataset.h"

#include <QCommandLineParser>

namespace rs::cli {

// How a command that splits labelled folders does it: --validation_percentage,
// --testing_percentage and --split-key, read the same way by every such command.
class SplitOption
{
public:
    explicit SplitOption(QCommandLineParser &parser);
    // Fills `split`; on a bad value prints the reason and returns false.
    bool read(const QString &command, SplitOptions &split) const;

private:
    const QCommandLineParser &m_parser;
    QCommandLineOption m_validation;
    QCommandLineOption m_testing;
    QCommandLineOption m_key;
};

} // namespace rs::cli
