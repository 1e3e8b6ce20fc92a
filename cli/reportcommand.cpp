#include "cli.h"
#include "commands.h"
#include "export/htmlreport.h"
#include "io/atomicfile.h"
#include "terminal.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>

#include <stdexcept>

namespace rs::cli {
namespace {

// The JSON object in `path`; throws std::runtime_error naming the file and the reason.
QJsonObject readJsonObject(const QString &path)
{
    const QString shown = QDir::toNativeSeparators(path);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw std::runtime_error(QString(shown + QStringLiteral(": ") + file.errorString()).toStdString());
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (!document.isObject())
        throw std::runtime_error(QStringLiteral("%1: not a JSON object (%2 at byte %3)")
                                     .arg(shown, error.errorString())
                                     .arg(error.offset)
                                     .toStdString());
    return document.object();
}

} // namespace

int reportCommand(const QStringList &arguments)
{
    const QString command = QStringLiteral("report");
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Turn a run report (train --report) into one self-contained HTML page that opens offline: "
                       "summary, dataset, training curves and confusion matrix as inline SVG, per-class figures, "
                       "thumbnails of the misclassified test images and, with --audit, of the data health findings."));
    const QCommandLineOption html(QStringLiteral("html"), QStringLiteral("The HTML file to write."), QStringLiteral("FILE"));
    const QCommandLineOption audit(QStringLiteral("audit"), QStringLiteral("Also show this audit's findings (audit --json)."),
                                   QStringLiteral("FILE"));
    parser.addOptions({html, audit});
    parser.addPositionalArgument(QStringLiteral("REPORT"), QStringLiteral("A report written by train --report."));
    if (const int code = parseOrExit(parser, arguments); code >= 0)
        return code;
    if (parser.positionalArguments().size() != 1)
        return fail(command, QStringLiteral("expects exactly one REPORT"), kBadArguments);
    if (!parser.isSet(html))
        return fail(command, QStringLiteral("give the page to write with --html FILE"), kBadArguments);

    try {
        const QString reportFile = parser.positionalArguments().first();
        HtmlReportOptions options;
        if (parser.isSet(audit))
            options.audit = readJsonObject(parser.value(audit));
        QByteArray page;
        try {
            page = htmlReport(readJsonObject(reportFile), options);
        } catch (const std::invalid_argument &e) {
            throw std::runtime_error(QDir::toNativeSeparators(reportFile).toStdString() + ": " + e.what());
        }
        writeFileAtomically(parser.value(html), page);
        out() << "report written to " << QDir::toNativeSeparators(parser.value(html)) << " (" << (page.size() >> 10)
              << " KiB)" << Qt::endl;
        return kSuccess;
    } catch (const std::runtime_error &e) {
        return fail(command, QString::fromStdString(e.what()), kFailure);
    }
}

} // namespace rs::cli
