#include "evaluation/evaluation.h"

#include <QJsonArray>

#include <algorithm>
#include <numeric>
#include <stdexcept>

namespace rs {
namespace {

void computeMetrics(Evaluation &e, int classes)
{
    e.count = int(e.predictions.size());
    e.confusion.assign(std::size_t(classes), std::vector<int>(std::size_t(classes), 0));
    int correct = 0;
    for (const ImagePrediction &p : e.predictions) {
        ++e.confusion[std::size_t(p.trueLabel)][std::size_t(p.predicted)];
        correct += p.correct() ? 1 : 0;
    }
    e.accuracy = e.count ? double(correct) / e.count : 0.0;

    e.perClass.assign(std::size_t(classes), {});
    double recallSum = 0;
    int present = 0;
    for (int c = 0; c < classes; ++c) {
        ClassMetrics &m = e.perClass[std::size_t(c)];
        const int truePositive = e.confusion[std::size_t(c)][std::size_t(c)];
        int predicted = 0;
        for (int t = 0; t < classes; ++t)
            predicted += e.confusion[std::size_t(t)][std::size_t(c)];
        m.support = std::accumulate(e.confusion[std::size_t(c)].begin(), e.confusion[std::size_t(c)].end(), 0);
        m.precision = predicted ? double(truePositive) / predicted : 0.0;
        m.recall = m.support ? double(truePositive) / m.support : 0.0;
        m.f1 = m.precision + m.recall > 0 ? 2 * m.precision * m.recall / (m.precision + m.recall) : 0.0;
        if (m.support) {
            recallSum += m.recall;
            ++present;
        }
    }
    e.balancedAccuracy = present ? recallSum / present : 0.0;
}

int labelOf(const QJsonValue &name, const QStringList &classes)
{
    const int label = classes.indexOf(name.toString());
    if (label < 0)
        throw std::runtime_error("the evaluation names a class that is not in the dataset: '"
                                 + name.toString().toStdString() + "'");
    return label;
}

} // namespace

std::vector<std::pair<int, double>> topClasses(const float *p, int classes, int k)
{
    std::vector<int> order(static_cast<std::size_t>(classes));
    std::iota(order.begin(), order.end(), 0);
    k = std::min(k, classes);
    std::partial_sort(order.begin(), order.begin() + k, order.end(), [&](int a, int b) { return p[a] > p[b]; });
    std::vector<std::pair<int, double>> out;
    for (int i = 0; i < k; ++i)
        out.emplace_back(order[std::size_t(i)], double(p[order[std::size_t(i)]]));
    return out;
}

std::vector<ImagePrediction> Evaluation::misclassified() const
{
    std::vector<ImagePrediction> out;
    std::copy_if(predictions.begin(), predictions.end(), std::back_inserter(out),
                 [](const ImagePrediction &p) { return !p.correct(); });
    return out;
}

Evaluation evaluate(const FeatureMatrix &probabilities, const std::vector<int> &labels, const QStringList &paths)
{
    const int classes = int(probabilities.cols);
    std::vector<ImagePrediction> predictions;
    for (std::int64_t r = 0; r < probabilities.rows; ++r) {
        const auto top = topClasses(probabilities.row(r), classes, 3);
        predictions.push_back({paths.value(int(r)), labels[std::size_t(r)], top[0].first, top[0].second, top});
    }
    return evaluate(std::move(predictions), classes);
}

Evaluation evaluate(std::vector<ImagePrediction> predictions, int classCount)
{
    Evaluation e;
    e.predictions = std::move(predictions);
    std::stable_sort(e.predictions.begin(), e.predictions.end(),
                     [](const ImagePrediction &a, const ImagePrediction &b) { return a.confidence > b.confidence; });
    computeMetrics(e, classCount);
    return e;
}

QJsonObject toJson(const Evaluation &e, const QStringList &classes)
{
    QJsonArray perClass, confusion, predictions;
    for (std::size_t c = 0; c < e.perClass.size(); ++c) {
        const ClassMetrics &m = e.perClass[c];
        perClass.append(QJsonObject{{QStringLiteral("class"), classes.value(int(c))},
                                    {QStringLiteral("support"), m.support},
                                    {QStringLiteral("precision"), m.precision},
                                    {QStringLiteral("recall"), m.recall},
                                    {QStringLiteral("f1"), m.f1}});
        QJsonArray row;
        for (int n : e.confusion[c])
            row.append(n);
        confusion.append(row);
    }
    for (const ImagePrediction &p : e.predictions) {
        QJsonArray top;
        for (const auto &[label, probability] : p.top)
            top.append(QJsonObject{{QStringLiteral("class"), classes.value(label)}, {QStringLiteral("probability"), probability}});
        predictions.append(QJsonObject{{QStringLiteral("path"), p.path},
                                       {QStringLiteral("true_class"), classes.value(p.trueLabel)},
                                       {QStringLiteral("predicted_class"), classes.value(p.predicted)},
                                       {QStringLiteral("correct"), p.correct()},
                                       {QStringLiteral("confidence"), p.confidence},
                                       {QStringLiteral("top"), top}});
    }
    return QJsonObject{{QStringLiteral("images"), e.count},
                       {QStringLiteral("accuracy"), e.accuracy},
                       {QStringLiteral("balanced_accuracy"), e.balancedAccuracy},
                       {QStringLiteral("misclassified"), int(e.misclassified().size())},
                       {QStringLiteral("per_class"), perClass},
                       {QStringLiteral("confusion_matrix"), confusion},
                       {QStringLiteral("predictions"), predictions}};
}

Evaluation evaluationFromJson(const QJsonObject &json, const QStringList &classes)
{
    std::vector<ImagePrediction> predictions;
    for (const QJsonValue &value : json.value(QStringLiteral("predictions")).toArray()) {
        const QJsonObject p = value.toObject();
        ImagePrediction prediction{p.value(QStringLiteral("path")).toString(),
                                   labelOf(p.value(QStringLiteral("true_class")), classes),
                                   labelOf(p.value(QStringLiteral("predicted_class")), classes),
                                   p.value(QStringLiteral("confidence")).toDouble(),
                                   {}};
        for (const QJsonValue &t : p.value(QStringLiteral("top")).toArray())
            prediction.top.emplace_back(labelOf(t.toObject().value(QStringLiteral("class")), classes),
                                        t.toObject().value(QStringLiteral("probability")).toDouble());
        predictions.push_back(std::move(prediction));
    }
    return evaluate(std::move(predictions), int(classes.size()));
}

} // namespace rs
