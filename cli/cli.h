#pragma once

#include <QStringList>

namespace rs::cli {

// Exit codes of every command.
enum ExitCode { kSuccess = 0, kFailure = 1, kBadArguments = 2 };

// Runs `retrain-cli` with its arguments (program name first). Needs a QCoreApplication.
int run(const QStringList &arguments);

} // namespace rs::cli
