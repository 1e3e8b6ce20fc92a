#pragma once

#include "backbone.h"
#include "inception.h"

namespace rs {

struct Backbone::Impl
{
    InceptionV3 model{1000, /*transformInput=*/false}; // inputs arrive already in [-1, 1]
    WeightsInfo info;
};

// Maps a layer name to the model's activation name and whether it is pooled by definition.
std::pair<std::string, bool> activationFor(const QString &layer);

} // namespace rs
