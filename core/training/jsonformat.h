#pragma once

#include "images/augmentation.h"
#include "training/finetuning.h"
#include "training/options.h"

#include <QJsonArray>
#include <QJsonObject>

#include <vector>

namespace rs {

// The JSON forms of training settings and curves, shared by the run report and the project
// file so that one reads what the other writes. Readers keep the default of a missing key
// and throw std::runtime_error for a value that cannot be meant.
QJsonObject toJson(const TrainingOptions &options);
TrainingOptions trainingOptionsFromJson(const QJsonObject &json);

QJsonObject toJson(const Augmentation &augmentation);
Augmentation augmentationFromJson(const QJsonObject &json);

QJsonObject toJson(const FineTuning &fineTuning);
FineTuning fineTuningFromJson(const QJsonObject &json);

QJsonArray toJson(const std::vector<TrainingPoint> &curve);
std::vector<TrainingPoint> curveFromJson(const QJsonArray &json);

} // namespace rs
