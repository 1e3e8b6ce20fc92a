#include "reporting.h"

#include "io/atomicfile.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>

namespace rs::cli {
namespace {

constexpr int kListedSkips = 20;

QString percent(double fraction)
{
    return QString::number(100.0 * fraction, 'f', 1) + QLatin1Char('%');
}

} // namespace

void printDataset(QTextStream &stream, const Dataset &dataset, const FixesApplied &fixes)
{
    int width = 5;
    for (const QString &c : dataset.classes)
        width = std::max(width, int(c.size()));
    stream << QStringLiteral("class").leftJustified(width) << "   train  valid   test\n";
    std::array<int, 3> totals{};
    for (const ClassCounts &c : dataset.counts()) {
        stream << c.name.leftJustified(width);
        for (int s = 0; s < 3; ++s) {
            stream << QString::number(c.perSubset[std::size_t(s)]).rightJustified(7);
            totals[std::size_t(s)] += c.perSubset[std::size_t(s)];
        }
        stream << '\n';
    }
    stream << QStringLiteral("total").leftJustified(width);
    for (int n : totals)
        stream << QString::number(n).rightJustified(7);
    stream << '\n';
    if (!dataset.skipped.isEmpty()) {
        stream << dataset.skipped.size() << " files skipped:\n";
        for (const QString &s : dataset.skipped.mid(0, kListedSkips))
            stream << "  " << s << '\n';
        if (dataset.skipped.size() > kListedSkips)
            stream << "  ... and " << dataset.skipped.size() - kListedSkips << " more (all are in the report)\n";
    }
    if (fixes.any())
        stream << "fixes from the project: " << fixes.relabelled << " relabelled, " << fixes.excluded << " excluded, "
               << fixes.reviewed << " marked reviewed\n";
    for (const QString &s : fixes.stale)
        stream << "warning: not applied: " << s << '\n';
    for (const QString &w : dataset.warnings)
        stream << "warning: " << w << '\n';
    stream.flush();
}

void printEvaluation(QTextStream &stream, const Evaluation &e, const QStringList &classes, bool listMisclassified)
{
    stream << "accuracy " << percent(e.accuracy) << " on " << e.count << " images (balanced accuracy "
           << percent(e.balancedAccuracy) << ")\n";
    int width = 5;
    for (const QString &c : classes)
        width = std::max(width, int(c.size()));
    stream << QStringLiteral("class").leftJustified(width) << "  precision  recall      F1  images\n";
    for (std::size_t c = 0; c < e.perClass.size(); ++c) {
        const ClassMetrics &m = e.perClass[c];
        stream << classes.value(int(c)).leftJustified(width) << percent(m.precision).rightJustified(11)
               << percent(m.recall).rightJustified(8) << percent(m.f1).rightJustified(8)
               << QString::number(m.support).rightJustified(8) << '\n';
    }
    if (listMisclassified) {
        const std::vector<ImagePrediction> mistakes = e.misclassified();
        stream << mistakes.size() << " misclassified:\n";
        for (const ImagePrediction &m : mistakes)
            stream << "  " << QDir::toNativeSeparators(m.path) << ": " << classes.value(m.trueLabel) << " taken for "
                   << classes.value(m.predicted) << " (" << percent(m.confidence) << ")\n";
    }
    stream.flush();
}

QString writeJson(const QString &path, const QJsonObject &json)
{
    try {
        writeFileAtomically(path, QJsonDocument(json).toJson());
    } catch (const std::runtime_error &e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

QString unwritableOutput(const QStringList &paths)
{
    try {
        for (const QString &path : paths)
            requireWritableFolder(QFileInfo(QDir::cleanPath(QDir(path).absolutePath())).absolutePath());
    } catch (const std::runtime_error &e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

} // namespace rs::cli
