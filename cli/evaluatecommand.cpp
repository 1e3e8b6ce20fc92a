#include "cli.h"
#include "commands.h"
#include "data/dataset.h"
#include "evaluation/evaluation.h"
#include "export/modelexport.h"
#include "features/bottleneckcache.h"
#include "features/extraction.h"
#include "features/int8calibration.h"
#include "reporting.h"
#include "terminal.h"
#include "weightsoption.h"


namespace rs::cli {

int evaluateCommand(const QStringList &arguments)
{
    const QString command = QStringLiteral("evaluate");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Evaluate an exported model on a labelled folder (one subfolder per class, named as in the model): "
        "accuracy, per-class precision, recall and F1, and the misclassified images. Every image counts; "
        "no split is made."));
    const QCommandLineOption imageDir({QStringLiteral("image-dir"), QStringLiteral("image_dir")},
                                      QStringLiteral("The labelled folder."), QStringLiteral("DIR"));
    const QCommandLineOption report(QStringLiteral("report"), QStringLiteral("Write the JSON evaluation to this file."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption misclassified({QStringLiteral("print-misclassified"), QStringLiteral("print_misclassified_test_images")},
                                           QStringLiteral("List every misclassified image."));
    const QCommandLineOption weights(QStringLiteral("weights"),
                                     QStringLiteral("The InceptionV3 weights the model was trained with."), QStringLiteral("FILE"));
    const QCommandLineOption cache({QStringLiteral("bottleneck-dir"), QStringLiteral("bottleneck_dir")},
                                   QStringLiteral("Bottleneck cache folder."), QStringLiteral("DIR"), BottleneckCache::defaultRoot());
    const ComputeOption compute(parser);
    for (const QCommandLineOption *option : {&imageDir, &report, &misclassified, &weights, &cache})
        parser.addOption(*option);
    parser.addPositionalArgument(QStringLiteral("MODEL_DIR"), QStringLiteral("A folder written by train --export."));
    if (const int code = parseOrExit(parser, arguments); code >= 0)
        return code;
    if (!compute.apply(command))
        return kBadArguments;
    if (parser.positionalArguments().size() != 1 || !parser.isSet(imageDir))
        return fail(command, QStringLiteral("needs MODEL_DIR and --image_dir DIR"), kBadArguments);

    try {
        ExportedModel model = loadExportedModel(parser.positionalArguments().first(),
                                                parser.isSet(weights) ? std::optional(WeightsSource::file(parser.value(weights))) : std::nullopt);
        // Every image is a test image here.
        Dataset dataset = scanDataset({parser.value(imageDir)}, SplitOptions{0, 100});
        QStringList unknown;
        for (const QString &name : dataset.classes)
            if (!model.classes.contains(name))
                unknown << name;
        if (!unknown.isEmpty())
            return fail(command, QStringLiteral("the model does not know the classes: ") + unknown.join(QStringLiteral(", ")),
                        kFailure);

        QStringList paths;
        for (const ImageEntry &image : dataset.images)
            paths << image.path;
        ExtractionOptions options;
        options.layer = model.layer;
        options.precision = compute.precision();
        if (resolvePrecision(options.precision) == Precision::Int8)
            options.int8Calibration = calibrateInt8(model.backbone, paths);
        const BottleneckCache bottlenecks(parser.value(cache), featureKeyFor(model.backbone, options), model.layer);
        options.cache = &bottlenecks;
        Progress progress(QStringLiteral("features"), paths.size());
        options.progress = [&](const ExtractionProgress &p) { progress.advance(p.done); };
        const ExtractionResult features = extractFeatures(model.backbone, paths, options);
        progress.finish();

        std::vector<int> labels;
        QStringList evaluated;
        for (int index : features.sourceIndex) {
            labels.push_back(int(model.classes.indexOf(dataset.classes[dataset.images[std::size_t(index)].label])));
            evaluated << paths[index];
        }
        dataset.skipped << features.errors;
        for (const QString &s : dataset.skipped)
            err() << "skipped " << s << '\n';
        const Evaluation evaluation = evaluate(model.predict(features.features), labels, evaluated);
        printEvaluation(out(), evaluation, model.classes, parser.isSet(misclassified));
        if (parser.isSet(report))
            if (const QString problem = writeJson(parser.value(report), toJson(evaluation, model.classes)); !problem.isEmpty())
                return fail(command, problem, kFailure);
    } catch (const std::exception &e) {
        return fail(command, QString::fromStdString(e.what()), kFailure);
    }
    return kSuccess;
}

} // namespace rs::cli
