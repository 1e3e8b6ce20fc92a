#pragma once

#include "data/dataset.h"
#include "data/imagefixes.h"
#include "evaluation/evaluation.h"

#include <QTextStream>

namespace rs::cli {

// Classes with their train / validation / test counts, then skipped files, the fixes applied
// and warnings.
void printDataset(QTextStream &stream, const Dataset &dataset, const FixesApplied &fixes = {});
// Accuracy, per-class precision / recall / F1, and optionally every misclassified image.
void printEvaluation(QTextStream &stream, const Evaluation &evaluation, const QStringList &classes,
                     bool listMisclassified);
// Writes `json` to `path` atomically; returns an error message, empty on success.
QString writeJson(const QString &path, const QJsonObject &json);
// Checks that each output path (a file, or a folder that will be created) can be written
// where it is to go: commands whose results come after long work check before it. Returns
// the first problem, naming the folder and the reason; empty if none.
QString unwritableOutput(const QStringList &paths);

} // namespace rs::cli
