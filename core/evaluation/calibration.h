#pragma once

#include "model/featurematrix.h"

#include <QJsonObject>

#include <vector>

namespace rs {

// One of the reliability diagram's equal-width confidence bins: the images whose top
// probability fell in it, their mean top probability and how many of them were right.
struct ReliabilityBin
{
    double lower = 0, upper = 0;
    int count = 0;
    double confidence = 0; // mean top probability (0 when empty)
    double accuracy = 0;   // share predicted right (0 when empty)
};

struct CalibrationScores
{
    double nll = 0; // mean negative log-likelihood of the given labels
    double ece = 0; // expected calibration error: the bins' |accuracy - confidence| weighted by count
    std::vector<ReliabilityBin> bins;
};

constexpr int kReliabilityBins = 15;

// Scores the probabilities softmax(logits / temperature) against `labels`.
CalibrationScores calibrationScores(const FeatureMatrix &logits, const std::vector<int> &labels, double temperature = 1.0);

// The temperature T in [kMinTemperature, kMaxTemperature] minimising the mean negative
// log-likelihood of softmax(logits / T). The likelihood is convex in 1/T, so its slope is
// monotone and a bisection finds the one minimum; a bound is returned when the minimum lies
// beyond it (a validation set classified perfectly would otherwise ask for T -> 0).
constexpr double kMinTemperature = 0.05, kMaxTemperature = 20.0;
double fitTemperature(const FeatureMatrix &logits, const std::vector<int> &labels);

// Temperature scaling fitted on held-out images: the head's logits are divided by `temperature`.
struct Calibration
{
    int images = 0; // validation images it was fitted on; 0: not calibrated (temperature 1)
    double temperature = 1.0; // the one applied: `fitted`, or 1 where fitting gained only noise
    double fitted = 1.0;
    CalibrationScores before, after;

    // Fitted on validation images and applied (calibrate's test passed).
    bool applied() const { return images > 0 && temperature != 1.0; }
};

// The fitted temperature is applied only where it explains the images it was fitted on better
// than T = 1 does beyond chance: twice the log-likelihood it gains must exceed the 95 % quantile
// of chi-square with one degree of freedom (a likelihood-ratio test). A head kept at its lowest
// validation loss is often calibrated already; a few hundred images then fit a temperature near
// 1 whose change is noise, which on new images made the calibration error worse (docs/quality.md).
constexpr double kTemperatureTestChiSquare = 3.841;

Calibration calibrate(const FeatureMatrix &logits, const std::vector<int> &labels);

// The report's "calibration" object; fromJson reads it back with the reliability bins after
// calibration (the bins before are not kept).
QJsonObject toJson(const Calibration &calibration);
Calibration calibrationFromJson(const QJsonObject &json);

} // namespace rs
