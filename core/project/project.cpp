#include "project/project.h"

#include "io/atomicfile.h"
#include "training/jsonformat.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <stdexcept>

namespace rs {
namespace {

const QString kFormat = QStringLiteral("retrain-studio-project");
constexpr int kVersion = 1;

QJsonArray classesJson(const std::vector<ClassSource> &classes, const QDir &base)
{
    QJsonArray out;
    for (const ClassSource &c : classes) {
        QJsonArray folders;
        for (const QString &folder : c.folders)
            folders.append(base.relativeFilePath(folder));
        out.append(QJsonObject{{QStringLiteral("name"), c.name},
                               {QStringLiteral("folders"), folders},
                               {QStringLiteral("included"), c.included}});
    }
    return out;
}

std::vector<ClassSource> classesFromJson(const QJsonArray &json, const QDir &base)
{
    std::vector<ClassSource> classes;
    for (const QJsonValue &value : json) {
        const QJsonObject c = value.toObject();
        ClassSource source{c.value(QStringLiteral("name")).toString(), {}, c.value(QStringLiteral("included")).toBool(true), {}};
        if (source.name.isEmpty())
            throw std::runtime_error("a class has no name");
        for (const QJsonValue &folder : c.value(QStringLiteral("folders")).toArray())
            source.folders << QDir::cleanPath(base.absoluteFilePath(folder.toString()));
        classes.push_back(std::move(source));
    }
    return classes;
}

QJsonArray fixesJson(const ImageFixes &fixes, const QDir &base)
{
    QJsonArray out;
    for (const ImageFix &fix : fixes.history()) {
        QJsonObject json{{QStringLiteral("path"), base.relativeFilePath(fix.path)},
                         {QStringLiteral("fix"), QLatin1String(fixKindName(fix.kind))}};
        if (fix.kind == ImageFix::Kind::Relabel)
            json.insert(QStringLiteral("class"), fix.className);
        out.append(json);
    }
    return out;
}

ImageFixes fixesFromJson(const QJsonArray &json, const QDir &base)
{
    ImageFixes fixes;
    for (const QJsonValue &value : json) {
        const QJsonObject f = value.toObject();
        ImageFix fix;
        const QString path = f.value(QStringLiteral("path")).toString();
        if (path.isEmpty())
            throw std::runtime_error("a fix names no image");
        fix.path = QDir::cleanPath(base.absoluteFilePath(path));
        const QString kind = f.value(QStringLiteral("fix")).toString();
        const auto parsed = parseFixKind(kind);
        if (!parsed)
            throw std::runtime_error("the fix of '" + path.toStdString() + "' is '" + kind.toStdString()
                                     + "'; expected relabel, exclude or reviewed");
        fix.kind = *parsed;
        fix.className = f.value(QStringLiteral("class")).toString();
        if (fix.kind == ImageFix::Kind::Relabel && fix.className.isEmpty())
            throw std::runtime_error("'" + path.toStdString() + "' is relabelled to no class");
        fixes.add(std::move(fix));
    }
    return fixes;
}

} // namespace

RunSummary RunSummary::fromReport(const QJsonObject &report)
{
    RunSummary run;
    run.report = report;
    for (const QJsonValue &c : report.value(QStringLiteral("classes")).toArray())
        run.classes << c.toObject().value(QStringLiteral("name")).toString();
    if (run.classes.size() < 2)
        throw std::runtime_error("the last run's report names fewer than two classes");
    run.curve = curveFromJson(report.value(QStringLiteral("training")).toObject().value(QStringLiteral("curve")).toArray());
    run.evaluation = evaluationFromJson(report.value(QStringLiteral("test")).toObject(), run.classes);
    run.calibration = calibrationFromJson(report.value(QStringLiteral("calibration")).toObject());
    return run;
}

QJsonObject projectJson(const Project &project, const QDir &base)
{
    QJsonObject json{{QStringLiteral("format"), kFormat},
                     {QStringLiteral("version"), kVersion},
                     {QStringLiteral("classes"), classesJson(project.sources.classes, base)},
                     {QStringLiteral("validation_percent"), project.split.validationPercent},
                     {QStringLiteral("test_percent"), project.split.testPercent},
                     {QStringLiteral("split_key"), QLatin1String(splitKeyName(project.split.key))},
                     {QStringLiteral("layer"), project.layer},
                     {QStringLiteral("training"), toJson(project.training)},
                     {QStringLiteral("augmentation"), toJson(project.augmentation)},
                     {QStringLiteral("fine_tuning"), toJson(project.fineTuning)},
                     {QStringLiteral("weights_file"), project.weightsFile}};
    if (project.epochs > 0)
        json.insert(QStringLiteral("epochs"), project.epochs);
    if (!project.fixes.empty())
        json.insert(QStringLiteral("fixes"), fixesJson(project.fixes, base));
    if (project.lastRun)
        json.insert(QStringLiteral("last_run"), project.lastRun->report);
    return json;
}

void saveProject(const QString &path, const Project &project)
{
    writeFileAtomically(path, QJsonDocument(projectJson(project, QFileInfo(path).absoluteDir())).toJson());
}

Project loadProject(const QString &path)
{
    const auto fail = [&](const QString &reason) {
        return std::runtime_error(QString(QDir::toNativeSeparators(path) + QStringLiteral(": ") + reason).toStdString());
    };
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw fail(file.errorString());
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (document.isNull())
        throw fail(QStringLiteral("not JSON (%1 at byte %2)").arg(error.errorString()).arg(error.offset));
    const QJsonObject json = document.object();
    if (json.value(QStringLiteral("format")).toString() != kFormat)
        throw fail(QStringLiteral("not a Retrain Studio project"));
    if (json.value(QStringLiteral("version")).toInt() > kVersion)
        throw fail(QStringLiteral("written by a newer Retrain Studio (project version %1)").arg(json.value(QStringLiteral("version")).toInt()));

    try {
        const QDir base = QFileInfo(path).absoluteDir();
        Project project;
        project.sources.classes = classesFromJson(json.value(QStringLiteral("classes")).toArray(), base);
        project.split.validationPercent = json.value(QStringLiteral("validation_percent")).toDouble(project.split.validationPercent);
        project.split.testPercent = json.value(QStringLiteral("test_percent")).toDouble(project.split.testPercent);
        const QString splitKey = json.value(QStringLiteral("split_key")).toString(QLatin1String(splitKeyName(project.split.key)));
        if (const auto key = parseSplitKey(splitKey))
            project.split.key = *key;
        else
            throw std::runtime_error("unknown split key '" + splitKey.toStdString() + "'");
        project.layer = json.value(QStringLiteral("layer")).toString();
        project.training = trainingOptionsFromJson(json.value(QStringLiteral("training")).toObject());
        project.augmentation = augmentationFromJson(json.value(QStringLiteral("augmentation")).toObject());
        project.fineTuning = fineTuningFromJson(json.value(QStringLiteral("fine_tuning")).toObject());
        project.epochs = json.value(QStringLiteral("epochs")).toDouble(0);
        project.weightsFile = json.value(QStringLiteral("weights_file")).toString();
        project.fixes = fixesFromJson(json.value(QStringLiteral("fixes")).toArray(), base);
        if (json.contains(QStringLiteral("last_run")))
            project.lastRun = RunSummary::fromReport(json.value(QStringLiteral("last_run")).toObject());
        return project;
    } catch (const std::runtime_error &e) {
        throw fail(QString::fromStdString(e.what()));
    }
}

QString classifierFolder(const QString &projectPath)
{
    const QFileInfo file(projectPath);
    return file.absoluteDir().filePath(file.completeBaseName() + QStringLiteral(".classifier"));
}

} // namespace rs
