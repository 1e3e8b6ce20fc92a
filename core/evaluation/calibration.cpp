#include "evaluation/calibration.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace rs {
namespace {

void checkShape(const FeatureMatrix &logits, const std::vector<int> &labels)
{
    if (std::size_t(logits.rows) != labels.size())
        throw std::invalid_argument("calibration: " + std::to_string(logits.rows) + " rows of logits for "
                                    + std::to_string(labels.size()) + " labels");
}

// Softmax of one row of logits / temperature, in double; returns log of its normaliser.
double softmaxRow(const float *z, std::int64_t classes, double beta, std::vector<double> &p)
{
    p.resize(std::size_t(classes));
    double top = -INFINITY;
    for (std::int64_t c = 0; c < classes; ++c)
        top = std::max(top, beta * z[c]);
    double sum = 0;
    for (std::int64_t c = 0; c < classes; ++c)
        sum += p[std::size_t(c)] = std::exp(beta * z[c] - top);
    for (double &v : p)
        v /= sum;
    return top + std::log(sum);
}

// d/d(beta) of the mean NLL at beta = 1/T: mean over rows of E_p[z] - z_label.
double slope(const FeatureMatrix &logits, const std::vector<int> &labels, double beta)
{
    std::vector<double> p;
    double total = 0;
    for (std::int64_t r = 0; r < logits.rows; ++r) {
        const float *z = logits.row(r);
        softmaxRow(z, logits.cols, beta, p);
        double expected = 0;
        for (std::int64_t c = 0; c < logits.cols; ++c)
            expected += p[std::size_t(c)] * z[c];
        total += expected - z[labels[std::size_t(r)]];
    }
    return total / double(logits.rows);
}

} // namespace

CalibrationScores calibrationScores(const FeatureMatrix &logits, const std::vector<int> &labels, double temperature)
{
    checkShape(logits, labels);
    CalibrationScores scores;
    scores.bins.resize(kReliabilityBins);
    for (int b = 0; b < kReliabilityBins; ++b) {
        scores.bins[std::size_t(b)].lower = double(b) / kReliabilityBins;
        scores.bins[std::size_t(b)].upper = double(b + 1) / kReliabilityBins;
    }
    if (logits.rows == 0)
        return scores;
    std::vector<double> p;
    std::vector<double> confidenceSum(kReliabilityBins, 0.0), correct(kReliabilityBins, 0.0);
    for (std::int64_t r = 0; r < logits.rows; ++r) {
        const float *z = logits.row(r);
        const int label = labels[std::size_t(r)];
        const double logNormaliser = softmaxRow(z, logits.cols, 1.0 / temperature, p);
        scores.nll += logNormaliser - z[label] / temperature;
        const auto top = std::max_element(p.begin(), p.end());
        // Bins are (lower, upper]; a top probability is at least 1/classes, never 0.
        const int b = std::clamp(int(std::ceil(*top * kReliabilityBins)) - 1, 0, kReliabilityBins - 1);
        ++scores.bins[std::size_t(b)].count;
        confidenceSum[std::size_t(b)] += *top;
        correct[std::size_t(b)] += (top - p.begin()) == label ? 1.0 : 0.0;
    }
    scores.nll /= double(logits.rows);
    for (int b = 0; b < kReliabilityBins; ++b) {
        ReliabilityBin &bin = scores.bins[std::size_t(b)];
        if (bin.count == 0)
            continue;
        bin.confidence = confidenceSum[std::size_t(b)] / bin.count;
        bin.accuracy = correct[std::size_t(b)] / bin.count;
        scores.ece += double(bin.count) / double(logits.rows) * std::abs(bin.accuracy - bin.confidence);
    }
    return scores;
}

double fitTemperature(const FeatureMatrix &logits, const std::vector<int> &labels)
{
    checkShape(logits, labels);
    if (logits.rows == 0)
        return 1.0;
    // The slope in beta = 1/T rises from negative to positive through the minimum.
    double lo = std::log(1.0 / kMaxTemperature), hi = std::log(1.0 / kMinTemperature);
    if (slope(logits, labels, std::exp(lo)) >= 0)
        return kMaxTemperature;
    if (slope(logits, labels, std::exp(hi)) <= 0)
        return kMinTemperature;
    for (int i = 0; i < 60; ++i) {
        const double mid = 0.5 * (lo + hi);
        (slope(logits, labels, std::exp(mid)) < 0 ? lo : hi) = mid;
    }
    return 1.0 / std::exp(0.5 * (lo + hi));
}

Calibration calibrate(const FeatureMatrix &logits, const std::vector<int> &labels)
{
    Calibration c;
    c.images = int(logits.rows);
    c.fitted = fitTemperature(logits, labels);
    c.before = calibrationScores(logits, labels, 1.0);
    const CalibrationScores fitted = calibrationScores(logits, labels, c.fitted);
    // A likelihood-ratio test of the one parameter against T = 1.
    const bool beyondChance = 2.0 * double(c.images) * (c.before.nll - fitted.nll) > kTemperatureTestChiSquare;
    c.temperature = beyondChance ? c.fitted : 1.0;
    c.after = beyondChance ? fitted : c.before;
    return c;
}

QJsonObject toJson(const Calibration &c)
{
    if (c.images == 0)
        return {{QStringLiteral("images"), 0}, {QStringLiteral("temperature"), 1.0}};
    QJsonArray bins;
    for (const ReliabilityBin &b : c.after.bins)
        bins.append(QJsonObject{{QStringLiteral("lower"), b.lower}, {QStringLiteral("upper"), b.upper},
                                {QStringLiteral("count"), b.count}, {QStringLiteral("confidence"), b.confidence},
                                {QStringLiteral("accuracy"), b.accuracy}});
    return {{QStringLiteral("images"), c.images},
            {QStringLiteral("temperature"), c.temperature},
            {QStringLiteral("fitted_temperature"), c.fitted},
            {QStringLiteral("nll_before"), c.before.nll},
            {QStringLiteral("nll_after"), c.after.nll},
            {QStringLiteral("ece_before"), c.before.ece},
            {QStringLiteral("ece_after"), c.after.ece},
            {QStringLiteral("reliability"), bins}};
}

Calibration calibrationFromJson(const QJsonObject &json)
{
    Calibration c;
    c.images = json.value(QStringLiteral("images")).toInt();
    c.temperature = json.value(QStringLiteral("temperature")).toDouble(1.0);
    c.fitted = json.value(QStringLiteral("fitted_temperature")).toDouble(c.temperature);
    c.before.nll = json.value(QStringLiteral("nll_before")).toDouble();
    c.after.nll = json.value(QStringLiteral("nll_after")).toDouble();
    c.before.ece = json.value(QStringLiteral("ece_before")).toDouble();
    c.after.ece = json.value(QStringLiteral("ece_after")).toDouble();
    for (const QJsonValue &value : json.value(QStringLiteral("reliability")).toArray()) {
        const QJsonObject b = value.toObject();
        c.after.bins.push_back({b.value(QStringLiteral("lower")).toDouble(), b.value(QStringLiteral("upper")).toDouble(),
                                b.value(QStringLiteral("count")).toInt(), b.value(QStringLiteral("confidence")).toDouble(),
                                b.value(QStringLiteral("accuracy")).toDouble()});
    }
    return c;
}

} // namespace rs
