#include "cli.h"
#include "commands.h"
#include "health/dataaudit.h"
#include "reporting.h"
#include "terminal.h"
#include "trainoptions.h"

#include <QDir>

namespace rs::cli {
namespace {

// Lines of each finding, and images of each duplicate group, a terminal gets; --json FILE holds
// them all.
constexpr int kShown = 10;
constexpr std::size_t kShownPerGroup = 4;

QString shown(const DataAudit &audit, std::int64_t row)
{
    return QDir::toNativeSeparators(audit.run.dataset.images[std::size_t(row)].path);
}

void printAudit(const DataAudit &audit)
{
    const QStringList &classes = audit.run.dataset.classes;
    out() << "label issues: " << audit.labels.issues.size() << " images look like another class than their label ("
          << QString::number(audit.labels.estimatedWrong, 'f', 0) << " wrong labels estimated)\n";
    for (std::size_t i = 0; i < audit.labels.issues.size() && i < std::size_t(kShown); ++i) {
        const LabelIssue &issue = audit.labels.issues[i];
        out() << "  " << shown(audit, issue.row) << ": " << classes[issue.given] << " -> looks like "
              << classes[issue.suggested] << " (score " << QString::number(issue.score, 'g', 2) << ")\n";
    }
    int leaks = 0, conflicts = 0;
    for (const DuplicateGroup &group : audit.duplicates) {
        leaks += audit.isLeak(group);
        conflicts += audit.isConflict(group);
    }
    out() << "duplicates: " << audit.duplicates.size() << " groups, " << leaks
          << " across training and validation or test (leaks), " << conflicts << " across classes (conflicts)\n";
    for (std::size_t i = 0; i < audit.duplicates.size() && i < std::size_t(kShown); ++i) {
        const DuplicateGroup &group = audit.duplicates[i];
        out() << "  " << (group.kind == DuplicateGroup::Kind::Exact ? "exact" : "near");
        if (audit.isLeak(group))
            out() << ", leak";
        if (audit.isConflict(group))
            out() << ", conflict";
        out() << ':';
        for (std::size_t k = 0; k < group.rows.size() && k < kShownPerGroup; ++k) {
            const ImageEntry &image = audit.run.dataset.images[std::size_t(group.rows[k])];
            out() << ' ' << shown(audit, group.rows[k]) << " (" << classes[image.label] << ", "
                  << subsetName(image.subset) << ')';
        }
        if (group.rows.size() > kShownPerGroup)
            out() << " and " << group.rows.size() - kShownPerGroup << " more";
        out() << '\n';
    }
    out() << "outliers: " << audit.outliers.size() << " images blank, noise or unlike every class\n";
    for (std::size_t i = 0; i < audit.outliers.size() && i < std::size_t(kShown); ++i)
        out() << "  " << shown(audit, audit.outliers[i].row) << ": " << reasonName(audit.outliers[i].reason)
              << " (score " << QString::number(audit.outliers[i].score, 'f', 3) << ")\n";
    out() << "audited " << audit.run.dataset.images.size() << " images in " << QString::number(audit.seconds, 'f', 1)
          << " s after reading their features" << Qt::endl;
}

} // namespace

int auditCommand(const QStringList &arguments)
{
    const QString command = QStringLiteral("audit");
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Check a dataset's health from its cached features: labels that look wrong (each image scored by "
                       "a classifier that never saw it), the same image twice (a leak when in training and in "
                       "validation or test, a conflict when in two classes) and images unlike every class. Exits 0 "
                       "whatever it finds."));
    const RunCommandOptions common(parser);
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Also write every finding to FILE as JSON."),
                                  QStringLiteral("FILE"));
    parser.addOption(json);
    const DataAuditOptions defaults;
    const QCommandLineOption labelScore(
        QStringLiteral("label-score"),
        QStringLiteral("How label issues are ranked: self-confidence (the given class's out-of-sample probability, "
                       "the default) or margin (its margin over the likeliest other class)."),
        QStringLiteral("self-confidence|margin"));
    const QCommandLineOption similarity(
        QStringLiteral("duplicate-similarity"),
        QStringLiteral("Correlation of two images' 16x16 grey signatures from which they count as near duplicates "
                       "(default %1).").arg(defaults.duplicateSimilarity),
        QStringLiteral("S"));
    const QCommandLineOption map(QStringLiteral("map"),
                                 QStringLiteral("Also lay every image out on a 2-D map of its features (PCA, then t-SNE), "
                                                "written to --json's \"map\"."));
    parser.addOptions({labelScore, similarity, map});
    if (const int code = parseOrExit(parser, arguments); code >= 0)
        return code;
    TrainingRunOptions options;
    if (!common.read(command, options))
        return kBadArguments;
    DataAuditOptions auditOptions;
    if (parser.isSet(labelScore)) {
        const QString name = parser.value(labelScore);
        if (name != QLatin1String("self-confidence") && name != QLatin1String("margin"))
            return fail(command, QStringLiteral("--label-score must be self-confidence or margin; got %1").arg(name),
                        kBadArguments);
        auditOptions.score = name == QLatin1String("margin") ? LabelScore::NormalizedMargin : LabelScore::SelfConfidence;
    }
    if (parser.isSet(similarity)) {
        bool ok = false;
        auditOptions.duplicateSimilarity = parser.value(similarity).toDouble(&ok);
        if (!ok)
            return fail(command, QStringLiteral("--duplicate-similarity must be a number; got %1").arg(parser.value(similarity)),
                        kBadArguments);
    }
    auditOptions.map = parser.isSet(map);
    if (const QString problem = auditOptionsProblem(auditOptions); !problem.isEmpty())
        return fail(command, problem, kBadArguments);
    if (parser.isSet(json))
        if (const QString problem = unwritableOutput({parser.value(json)}); !problem.isEmpty())
            return fail(command, problem, kFailure);

    int code = kSuccess;
    std::optional<Backbone> backbone = common.load(command, options, code);
    if (!backbone)
        return code;

    DataAuditCallbacks callbacks;
    FeatureProgress features(callbacks.reading, false);
    std::optional<Progress> auditing;
    callbacks.auditing = [&](int done, int total) {
        features.finish();
        if (!auditing)
            auditing.emplace(QStringLiteral("audit"), total, QStringLiteral("steps"));
        auditing->advance(done);
        if (done == total)
            auditing->finish();
    };
    DataAudit audit;
    try {
        audit = auditData(*backbone, options, auditOptions, callbacks);
    } catch (const std::exception &e) {
        return fail(command, QString::fromStdString(e.what()), kFailure);
    }
    printAudit(audit);
    if (parser.isSet(json))
        if (const QString problem = writeJson(parser.value(json), audit.toJson()); !problem.isEmpty())
            return fail(command, problem, kFailure);
    return kSuccess;
}

} // namespace rs::cli
