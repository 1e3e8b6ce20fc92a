#include "cli.h"
#include "commands.h"
#include "data/dataset.h"
#include "export/modelexport.h"
#include "export/prediction.h"
#include "terminal.h"
#include "weightsoption.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace rs::cli {

int predictCommand(const QStringList &arguments)
{
    const QString command = QStringLiteral("predict");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Classify images with an exported model: the top classes "
                                                    "of each image with their probabilities."));
    const QCommandLineOption top(QStringLiteral("top"), QStringLiteral("Classes to list per image (default 3)."),
                                 QStringLiteral("K"), QStringLiteral("3"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON instead of text."));
    const QCommandLineOption weights(QStringLiteral("weights"),
                                     QStringLiteral("The InceptionV3 weights the model was trained with, if they are "
                                                    "not where they were then."),
                                     QStringLiteral("FILE"));
    const ComputeOption compute(parser);
    for (const QCommandLineOption *option : {&top, &json, &weights})
        parser.addOption(*option);
    parser.addPositionalArgument(QStringLiteral("MODEL_DIR"), QStringLiteral("A folder written by train --export."));
    parser.addPositionalArgument(QStringLiteral("IMAGE"), QStringLiteral("Images or folders of images."),
                                 QStringLiteral("IMAGE|FOLDER..."));
    if (const int code = parseOrExit(parser, arguments); code >= 0)
        return code;
    NumberReader number(parser, command);
    const int k = number.integer(top, 1, 1000);
    if (!number.ok() || !compute.apply(command))
        return kBadArguments;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() < 2)
        return fail(command, QStringLiteral("needs MODEL_DIR and at least one IMAGE or FOLDER"), kBadArguments);

    QStringList skipped;
    const QStringList images = collectImages(positional.mid(1), skipped);
    try {
        ExportedModel model = loadExportedModel(positional.first(), parser.isSet(weights) ? std::optional(WeightsSource::file(parser.value(weights))) : std::nullopt);
        const TopClassPredictions predictions =
            predictTopClasses(model.backbone, model.head, model.layer, compute.precision(), images, k);
        skipped << predictions.errors;

        QJsonArray list;
        for (const ImageTopClasses &image : predictions.images) {
            if (parser.isSet(json)) {
                QJsonArray classes;
                for (const auto &[label, probability] : image.top)
                    classes.append(QJsonObject{{QStringLiteral("class"), model.classes[label]},
                                               {QStringLiteral("probability"), probability}});
                list.append(QJsonObject{{QStringLiteral("path"), image.path}, {QStringLiteral("top"), classes}});
                continue;
            }
            out() << QDir::toNativeSeparators(image.path) << ':';
            for (const auto &[label, probability] : image.top)
                out() << "  " << model.classes[label] << ' ' << QString::number(probability, 'f', 3);
            out() << '\n';
        }
        if (parser.isSet(json))
            out() << QJsonDocument(list).toJson();
        out().flush();
    } catch (const std::exception &e) {
        return fail(command, QString::fromStdString(e.what()), kFailure);
    }
    for (const QString &s : skipped)
        err() << "skipped " << s << '\n';
    err().flush();
    return skipped.isEmpty() ? kSuccess : kFailure;
}

} // namespace rs::cli
