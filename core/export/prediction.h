#pragma once

#include "base/cancellation.h"
#include "model/backbone.h"
#include "training/classifierhead.h"
#include "training/trainedmodel.h"

#include <QStringList>

#include <utility>
#include <vector>

namespace rs {

struct ImageTopClasses
{
    QString path;
    std::vector<std::pair<int, double>> top; // (class, probability), likeliest first
};

struct TopClassPredictions
{
    std::vector<ImageTopClasses> images; // the readable images, in the order given
    QStringList errors;                  // "<file>: <reason>" for the others
};

// The `k` likeliest classes of each image under a trained head, its features computed in
// `precision`: what retrain-cli predict prints.
TopClassPredictions predictTopClasses(const Backbone &backbone, const ClassifierHead &head, const QString &layer,
                                      Precision precision, const QStringList &paths, int k,
                                      const CancelFlag *cancel = nullptr);
// The same under a run's model, in the precision it was trained in: what the GUI's predict
// area shows.
TopClassPredictions predictTopClasses(const TrainedModel &model, const QStringList &paths, int k,
                                      const CancelFlag *cancel = nullptr);

} // namespace rs
