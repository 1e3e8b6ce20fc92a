#pragma once

#include "training/options.h"

#include <optional>
#include <vector>

namespace rs {

// The step since which the classifier overfits, judged from its curve as it grows: validation
// loss has risen clearly above its lowest point (by kOverfitRise, over kOverfitPoints points
// at least) while training loss went on falling. Nullopt while it does not (or without
// validation points).
std::optional<int> overfittingSince(const std::vector<TrainingPoint> &curve);

constexpr double kOverfitRise = 0.10;
constexpr int kOverfitPoints = 3;

} // namespace rs
