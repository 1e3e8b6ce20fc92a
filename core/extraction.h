#pragma once

#include "backbone.h"

#include <QStringList>

#include <functional>

namespace rs {

struct ExtractionResult
{
    FeatureMatrix features; // one row per entry of `extracted`
    QStringList extracted;  // the images that were read, in the order given
    QStringList errors;     // "<file>: <reason>" for each image that could not be read
};

// Decodes and preprocesses `paths` and runs them through `backbone` in batches.
// Unreadable images are listed in `errors` and skipped; `progress` gets the number of
// images handled so far after each batch.
ExtractionResult extractFeatures(const Backbone &backbone, const QStringList &paths,
                                 const QString &layer, int batchSize,
                                 const std::function<void(int)> &progress = {});

} // namespace rs
