#pragma once

#include "dataset.h"
#include "evaluation.h"

#include <QTextStream>

namespace rs::cli {

// Classes with their train / validation / test counts, then skipped files and warnings.
void printDataset(QTextStream &stream, const Dataset &dataset);
// Accuracy, per-class precision / recall / F1, and optionally every misclassified image.
void printEvaluation(QTextStream &stream, const Evaluation &evaluation, const QStringList &classes,
                     bool listMisclassified);
// Writes `json` to `path` atomically; returns an error message, empty on success.
QString writeJson(const QString &path, const QJsonObject &json);

} // namespace rs::cli
