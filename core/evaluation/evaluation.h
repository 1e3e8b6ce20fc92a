#pragma once

#include "model/featurematrix.h"

#include <QJsonObject>
#include <QStringList>

#include <utility>
#include <vector>

namespace rs {

struct ClassMetrics
{
    int support = 0; // images of this class
    double precision = 0;
    double recall = 0;
    double f1 = 0;
};

struct ImagePrediction
{
    QString path;
    int trueLabel = 0;
    int predicted = 0;
    double confidence = 0;                   // probability of the predicted class
    std::vector<std::pair<int, double>> top; // the three likeliest classes

    bool correct() const { return trueLabel == predicted; }
};

struct Evaluation
{
    int count = 0;
    double accuracy = 0;
    double balancedAccuracy = 0; // mean recall over the classes present
    std::vector<ClassMetrics> perClass;
    std::vector<std::vector<int>> confusion; // [true][predicted]
    std::vector<ImagePrediction> predictions; // every image, most confident first

    std::vector<ImagePrediction> misclassified() const;
};

// Scores predicted probabilities (one row per image) against the true labels. A class that
// is never predicted has precision 0; one never present has recall 0 and is left out of the
// balanced accuracy.
Evaluation evaluate(const FeatureMatrix &probabilities, const std::vector<int> &labels, const QStringList &paths);

// The metrics of predictions already made, over `classCount` classes.
Evaluation evaluate(std::vector<ImagePrediction> predictions, int classCount);

// The k likeliest of `classes` scores, highest first: (class, score) pairs.
std::vector<std::pair<int, double>> topClasses(const float *scores, int classes, int k);

// The metrics and every prediction, classes by name. evaluationFromJson reads it back (the
// metrics recomputed from the predictions); throws std::runtime_error when it does not fit
// `classes`.
QJsonObject toJson(const Evaluation &evaluation, const QStringList &classes);
Evaluation evaluationFromJson(const QJsonObject &json, const QStringList &classes);

} // namespace rs
