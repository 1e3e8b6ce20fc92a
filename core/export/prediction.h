#pragma once

#include "base/cancellation.h"
#include "model/backbone.h"
#include "training/classifierhead.h"

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

// The `k` likeliest classes of each image under a trained head: what retrain-cli predict
// prints and the GUI's predict area shows.
TopClassPredictions predictTopClasses(const Backbone &backbone, const ClassifierHead &head, const QString &layer,
                                      const QStringList &paths, int k, const CancelFlag *cancel = nullptr);

} // namespace rs
