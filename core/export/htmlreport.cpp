#include "export/htmlreport.h"

#include "evaluation/evaluation.h"
#include "export/svgcharts.h"
#include "images/thumbnail.h"
#include "training/jsonformat.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>

#include <cmath>
#include <stdexcept>

namespace rs {
namespace {

const char *const kStyle = R"(
body { font-family: sans-serif; margin: 2em auto; max-width: 1100px; color: #222; padding: 0 1em; }
h1 { font-size: 1.6em; } h2 { border-bottom: 1px solid #ddd; padding-bottom: .2em; margin-top: 1.6em; }
table { border-collapse: collapse; margin: .5em 0; } td, th { border: 1px solid #ddd; padding: .25em .6em; }
td.n { text-align: right; } .big { font-size: 1.4em; } .muted { color: #666; }
.grid { display: flex; flex-wrap: wrap; gap: .6em; }
figure { margin: 0; width: 140px; font-size: .8em; text-align: center; overflow-wrap: anywhere; }
figure img { max-width: 120px; max-height: 120px; display: block; margin: 0 auto .2em; }
.tag { background: #fde2e2; color: #a11; border-radius: 3px; padding: 0 .3em; margin-right: .3em; }
.group { border: 1px solid #ddd; padding: .4em; margin: .4em 0; }
)";

QString percent(double fraction)
{
    return QString::number(100 * fraction, 'f', 1) + QStringLiteral(" %");
}

QString cell(const QJsonValue &value)
{
    if (value.isDouble())
        return QStringLiteral("<td class=\"n\">%1</td>").arg(QString::number(value.toDouble(), 'g', 4));
    return QStringLiteral("<td>%1</td>").arg(escapeMarkup(value.toVariant().toString()));
}

// A thumbnail with its caption lines, the image embedded as JPEG data.
QString figure(const QString &path, const QStringList &lines, int side)
{
    const QByteArray jpeg = thumbnailJpeg(path, side);
    const QString name = escapeMarkup(QFileInfo(path).fileName());
    QString out = QStringLiteral("<figure title=\"%1\">").arg(escapeMarkup(QDir::toNativeSeparators(path)));
    out += jpeg.isEmpty() ? QStringLiteral("<div class=\"muted\">(not readable)</div>")
                          : QStringLiteral("<img alt=\"%1\" src=\"data:image/jpeg;base64,%2\">")
                                .arg(name, QString::fromLatin1(jpeg.toBase64()));
    out += QStringLiteral("<figcaption>%1<br>").arg(name);
    for (const QString &line : lines)
        out += escapeMarkup(line) + QStringLiteral("<br>");
    return out + QStringLiteral("</figcaption></figure>");
}

QString datasetSection(const QJsonObject &report)
{
    QString out = QStringLiteral("<section id=\"dataset\"><h2>Dataset</h2><table><tr><th>class</th><th>training</th>"
                                 "<th>validation</th><th>test</th></tr>");
    for (const QJsonValue &value : report.value(QStringLiteral("classes")).toArray()) {
        const QJsonObject c = value.toObject();
        out += QStringLiteral("<tr>") + cell(c.value(QStringLiteral("name"))) + cell(c.value(QStringLiteral("train")))
               + cell(c.value(QStringLiteral("validation"))) + cell(c.value(QStringLiteral("test"))) + QStringLiteral("</tr>");
    }
    out += QStringLiteral("</table>");
    const QJsonObject fixes = report.value(QStringLiteral("fixes")).toObject();
    if (fixes.value(QStringLiteral("relabelled")).toInt() + fixes.value(QStringLiteral("excluded")).toInt()
            + fixes.value(QStringLiteral("reviewed")).toInt()
        > 0)
        out += QStringLiteral("<p>Fixes from the project: %1 relabelled, %2 excluded, %3 marked reviewed.</p>")
                   .arg(fixes.value(QStringLiteral("relabelled")).toInt())
                   .arg(fixes.value(QStringLiteral("excluded")).toInt())
                   .arg(fixes.value(QStringLiteral("reviewed")).toInt());
    for (const QJsonValue &warning : report.value(QStringLiteral("warnings")).toArray())
        out += QStringLiteral("<p>Warning: %1</p>").arg(escapeMarkup(warning.toString()));
    const QJsonArray skipped = report.value(QStringLiteral("skipped")).toArray();
    if (!skipped.isEmpty()) {
        out += QStringLiteral("<details><summary>Files skipped: %1</summary><ul>").arg(skipped.size());
        for (const QJsonValue &file : skipped)
            out += QStringLiteral("<li>%1</li>").arg(escapeMarkup(file.toString()));
        out += QStringLiteral("</ul></details>");
    }
    return out + QStringLiteral("</section>");
}

QString curvesSection(const QJsonObject &training)
{
    const std::vector<TrainingPoint> curve = curveFromJson(training.value(QStringLiteral("curve")).toArray());
    ChartSeries trainLoss{QStringLiteral("training loss"), QStringLiteral("#1f77b4"), {}};
    ChartSeries validationLoss{QStringLiteral("validation loss"), QStringLiteral("#d62728"), {}};
    ChartSeries rate{QStringLiteral("learning rate"), QStringLiteral("#2ca02c"), {}};
    for (const TrainingPoint &p : curve) {
        trainLoss.points.emplace_back(p.step, p.trainLoss);
        validationLoss.points.emplace_back(p.step, p.validationLoss);
        rate.points.emplace_back(p.step, p.learningRate);
    }
    return QStringLiteral("<section id=\"curves\"><h2>Training</h2>") + lineChartSvg({trainLoss, validationLoss}, QStringLiteral("step"), QStringLiteral("loss"), false)
           + lineChartSvg({rate}, QStringLiteral("step"), QStringLiteral("learning rate"), true)
           + QStringLiteral("<p class=\"muted\">The classifier kept the weights of step %1 (lowest validation loss).</p></section>")
                 .arg(training.value(QStringLiteral("best_step")).toInt());
}

QString perClassSection(const QJsonObject &test)
{
    QString out = QStringLiteral("<section id=\"per-class\"><h2>Per class</h2><table><tr><th>class</th><th>precision</th>"
                                 "<th>recall</th><th>F1</th><th>test images</th></tr>");
    for (const QJsonValue &value : test.value(QStringLiteral("per_class")).toArray()) {
        const QJsonObject m = value.toObject();
        out += QStringLiteral("<tr>") + cell(m.value(QStringLiteral("class")));
        for (const char *key : {"precision", "recall", "f1"})
            out += QStringLiteral("<td class=\"n\">%1</td>").arg(percent(m.value(QLatin1String(key)).toDouble()));
        out += cell(m.value(QStringLiteral("support"))) + QStringLiteral("</tr>");
    }
    return out + QStringLiteral("</table></section>");
}

QString mistakesSection(const QJsonObject &test, const HtmlReportOptions &options)
{
    QString grid;
    int shown = 0, total = 0;
    for (const QJsonValue &value : test.value(QStringLiteral("predictions")).toArray()) {
        const QJsonObject p = value.toObject();
        if (p.value(QStringLiteral("correct")).toBool())
            continue;
        if (total++ >= options.imagesPerList)
            continue;
        ++shown;
        grid += figure(p.value(QStringLiteral("path")).toString(),
                       {p.value(QStringLiteral("true_class")).toString() + QStringLiteral(" → ")
                            + p.value(QStringLiteral("predicted_class")).toString(),
                        percent(p.value(QStringLiteral("confidence")).toDouble())},
                       options.thumbnailSide);
    }
    return QStringLiteral("<section id=\"mistakes\"><h2>Misclassified test images: %1</h2>").arg(total)
           + (shown < total ? QStringLiteral("<p class=\"muted\">The first %1 are shown.</p>").arg(shown) : QString())
           + QStringLiteral("<div class=\"grid\">") + grid + QStringLiteral("</div></section>");
}

QString healthSection(const QJsonObject &audit, const HtmlReportOptions &options)
{
    const int side = options.thumbnailSide;
    const QJsonArray issues = audit.value(QStringLiteral("label_issues")).toArray();
    QString out = QStringLiteral("<section id=\"health\"><h2>Data health</h2><h3>Labels that look wrong: %1 "
                                 "(about %2 wrong labels estimated)</h3><div class=\"grid\">")
                      .arg(issues.size())
                      .arg(std::lround(audit.value(QStringLiteral("estimated_wrong_labels")).toDouble()));
    for (int i = 0; i < issues.size() && i < options.imagesPerList; ++i) {
        const QJsonObject issue = issues[i].toObject();
        out += figure(issue.value(QStringLiteral("path")).toString(),
                      {issue.value(QStringLiteral("given")).toString() + QStringLiteral(", looks like ")
                       + issue.value(QStringLiteral("suggested")).toString()},
                      side);
    }
    const QJsonArray groups = audit.value(QStringLiteral("duplicates")).toArray();
    out += QStringLiteral("</div><h3>Duplicate groups: %1</h3>").arg(groups.size());
    for (int g = 0; g < groups.size() && g < options.imagesPerList; ++g) {
        const QJsonObject group = groups[g].toObject();
        out += QStringLiteral("<div class=\"group\">");
        if (group.value(QStringLiteral("leak")).toBool())
            out += QStringLiteral("<span class=\"tag\">leak</span>");
        if (group.value(QStringLiteral("conflict")).toBool())
            out += QStringLiteral("<span class=\"tag\">conflict</span>");
        out += escapeMarkup(group.value(QStringLiteral("kind")).toString()) + QStringLiteral("<div class=\"grid\">");
        for (const QJsonValue &value : group.value(QStringLiteral("images")).toArray()) {
            const QJsonObject image = value.toObject();
            out += figure(image.value(QStringLiteral("path")).toString(),
                          {image.value(QStringLiteral("class")).toString() + QStringLiteral(", ")
                           + image.value(QStringLiteral("subset")).toString()},
                          side);
        }
        out += QStringLiteral("</div></div>");
    }
    const QJsonArray outliers = audit.value(QStringLiteral("outliers")).toArray();
    out += QStringLiteral("<h3>Outliers: %1</h3><div class=\"grid\">").arg(outliers.size());
    for (int i = 0; i < outliers.size() && i < options.imagesPerList; ++i) {
        const QJsonObject outlier = outliers[i].toObject();
        out += figure(outlier.value(QStringLiteral("path")).toString(),
                      {outlier.value(QStringLiteral("class")).toString(), outlier.value(QStringLiteral("reason")).toString()},
                      side);
    }
    return out + QStringLiteral("</div></section>");
}

QString settingsSection(const QJsonObject &report)
{
    QString out = QStringLiteral("<section id=\"settings\"><h2>Settings</h2><table>");
    const QJsonObject training = report.value(QStringLiteral("training")).toObject();
    for (auto it = training.begin(); it != training.end(); ++it)
        if (!it.value().isArray() && !it.value().isObject())
            out += QStringLiteral("<tr><th>%1</th>").arg(escapeMarkup(it.key())) + cell(it.value()) + QStringLiteral("</tr>");
    return out + QStringLiteral("</table></section>");
}

} // namespace

QByteArray htmlReport(const QJsonObject &report, const HtmlReportOptions &options)
{
    const QJsonObject test = report.value(QStringLiteral("test")).toObject();
    QStringList classes;
    for (const QJsonValue &c : report.value(QStringLiteral("classes")).toArray())
        classes << c.toObject().value(QStringLiteral("name")).toString();
    if (classes.size() < 2 || !test.contains(QStringLiteral("confusion_matrix")))
        throw std::invalid_argument("not a training run's report (it needs \"classes\" and \"test\")");
    const Evaluation evaluation = evaluationFromJson(test, classes);
    const QJsonObject weights = report.value(QStringLiteral("weights")).toObject();

    QString html = QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                                  "<title>Retrain Studio report</title><style>%1</style></head><body>")
                       .arg(QLatin1String(kStyle));
    html += QStringLiteral("<h1>Retrain Studio report</h1><p class=\"muted\">Weights: %1 (%2) · layer %3</p>")
                .arg(escapeMarkup(weights.value(QStringLiteral("source")).toString()),
                     weights.value(QStringLiteral("pretrained")).toBool() ? QStringLiteral("pretrained")
                                                                           : QStringLiteral("not pretrained"),
                     escapeMarkup(report.value(QStringLiteral("layer")).toString()));
    html += QStringLiteral("<section id=\"summary\"><h2>Summary</h2><p class=\"big\">Test accuracy %1 · balanced "
                           "accuracy %2</p><p>%3 test images, %4 misclassified.</p></section>")
                .arg(percent(evaluation.accuracy), percent(evaluation.balancedAccuracy))
                .arg(evaluation.count)
                .arg(evaluation.misclassified().size());
    html += datasetSection(report);
    html += curvesSection(report.value(QStringLiteral("training")).toObject());
    html += QStringLiteral("<section id=\"confusion\"><h2>Confusion matrix</h2><p class=\"muted\">Rows: true class; "
                           "columns: predicted class.</p>")
            + confusionMatrixSvg(classes, evaluation.confusion) + QStringLiteral("</section>");
    html += perClassSection(test);
    html += mistakesSection(test, options);
    if (!options.audit.isEmpty())
        html += healthSection(options.audit, options);
    html += settingsSection(report);
    return (html + QStringLiteral("</body></html>\n")).toUtf8();
}

} // namespace rs
