#include "cli.h"
#include "commands.h"
#include "data/sampledata.h"
#include "terminal.h"

#include <QDir>

#include <stdexcept>

namespace rs::cli {

int sampleDataCommand(const QStringList &arguments)
{
    const QString command = QStringLiteral("sample-data");
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Write the built-in sample dataset: Fashion-MNIST test images from Debian's "
                       "dataset-fashion-mnist package, one folder of PNG files per class."));
    const QCommandLineOption perClass(QStringLiteral("per-class"),
                                      QStringLiteral("Images per class (default 60)."),
                                      QStringLiteral("N"), QStringLiteral("60"));
    parser.addOption(perClass);
    parser.addPositionalArgument(QStringLiteral("DIR"), QStringLiteral("Where to write the class folders."));
    if (const int code = parseOrExit(parser, arguments); code >= 0)
        return code;
    bool ok = false;
    const int n = parser.value(perClass).toInt(&ok);
    if (!ok || n < 1 || n > 1000)
        return fail(command, QStringLiteral("--per-class needs a number from 1 to 1000"), kBadArguments);
    if (parser.positionalArguments().size() != 1)
        return fail(command, QStringLiteral("expects exactly one DIR"), kBadArguments);

    const QString dir = parser.positionalArguments().first();
    try {
        const SampleDataResult result = writeFashionMnistSamples(dir, n);
        out() << "sample data in " << QDir::toNativeSeparators(dir) << ": " << result.classes.size()
              << " classes, " << result.imagesWritten << " images written, " << result.imagesKept
              << " already there" << Qt::endl;
        return kSuccess;
    } catch (const std::runtime_error &e) {
        return fail(command, QString::fromStdString(e.what()), kFailure);
    }
}

} // namespace rs::cli
