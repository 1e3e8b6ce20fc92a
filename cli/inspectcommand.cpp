#include "cli.h"
#include "commands.h"
#include "model/backbone.h"
#include "terminal.h"

#include <QDir>

namespace rs::cli {

int inspectWeightsCommand(const QStringList &arguments)
{
    const QString command = QStringLiteral("inspect-weights");
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Load an InceptionV3 weights file strictly (every key, shape and dtype) and "
                       "describe it. Exit status 0 when it loads, 1 with the reason when it does not."));
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("A torchvision state dict (.pth)."));
    if (const int code = parseOrExit(parser, arguments); code >= 0)
        return code;
    if (parser.positionalArguments().size() != 1)
        return fail(command, QStringLiteral("expects exactly one FILE"), kBadArguments);

    try {
        const Backbone backbone = Backbone::fromFile(parser.positionalArguments().first());
        const WeightsInfo &w = backbone.weights();
        out() << "file:        " << QDir::toNativeSeparators(w.source) << '\n'
              << "format:      " << w.format << '\n'
              << "tensors:     " << w.tensorCount << '\n'
              << "parameters:  " << w.parameterCount << '\n'
              << "fingerprint: " << w.fingerprint << Qt::endl;
        return kSuccess;
    } catch (const WeightsError &e) {
        return fail(command, QString::fromStdString(e.what()), kFailure);
    }
}

} // namespace rs::cli
