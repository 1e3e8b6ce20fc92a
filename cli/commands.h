#pragma once

#include <QStringList>

namespace rs::cli {

// Each takes its own arguments (command name first) and returns an ExitCode.
int inspectWeightsCommand(const QStringList &arguments);
int downloadWeightsCommand(const QStringList &arguments);
int featuresCommand(const QStringList &arguments);
int classifyCommand(const QStringList &arguments);
int sampleDataCommand(const QStringList &arguments);
int trainCommand(const QStringList &arguments);
int lrFindCommand(const QStringList &arguments);
int auditCommand(const QStringList &arguments);
int reportCommand(const QStringList &arguments);
int predictCommand(const QStringList &arguments);
int evaluateCommand(const QStringList &arguments);
int extractCommand(const QStringList &arguments);
int cacheCommand(const QStringList &arguments);

} // namespace rs::cli
