#include "evaluation.h"

#include <QJsonArray>

#include <algorithm>
#include <numeric>

namespace rs {
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

Evaluation evaluate(const FeatureMatrix &probabilities, const std::vector<int> &labels, const QStringList &paths)
{
    const int classes = int(probabilities.cols);
    Evaluation e;
    e.count = int(probabilities.rows);
    e.confusion.assign(std::size_t(classes), std::vector<int>(std::size_t(classes), 0));
    int correct = 0;
    for (std::int64_t r = 0; r < probabilities.rows; ++r) {
        const auto top = topClasses(probabilities.row(r), classes, 3);
        const int truth = labels[std::size_t(r)];
        ++e.confusion[std::size_t(truth)][std::size_t(top[0].first)];
        if (top[0].first == truth)
            ++correct;
        else
            e.misclassified.push_back({paths.value(int(r)), truth, top[0].first, top[0].second, top});
    }
    e.accuracy = e.count ? double(correct) / e.count : 0.0;

    e.perClass.resize(std::size_t(classes));
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
    std::stable_sort(e.misclassified.begin(), e.misclassified.end(),
                     [](const Misclassified &a, const Misclassified &b) { return a.confidence > b.confidence; });
    return e;
}

QJsonObject toJson(const Evaluation &e, const QStringList &classes)
{
    QJsonArray perClass, confusion, mistakes;
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
    for (const Misclassified &m : e.misclassified) {
        QJsonArray top;
        for (const auto &[label, p] : m.top)
            top.append(QJsonObject{{QStringLiteral("class"), classes.value(label)}, {QStringLiteral("probability"), p}});
        mistakes.append(QJsonObject{{QStringLiteral("path"), m.path},
                                    {QStringLiteral("true_class"), classes.value(m.trueLabel)},
                                    {QStringLiteral("predicted_class"), classes.value(m.predicted)},
                                    {QStringLiteral("confidence"), m.confidence},
                                    {QStringLiteral("top"), top}});
    }
    return QJsonObject{{QStringLiteral("images"), e.count},
                       {QStringLiteral("accuracy"), e.accuracy},
                       {QStringLiteral("balanced_accuracy"), e.balancedAccuracy},
                       {QStringLiteral("per_class"), perClass},
                       {QStringLiteral("confusion_matrix"), confusion},
                       {QStringLiteral("misclassified"), mistakes}};
}

} // namespace rs
