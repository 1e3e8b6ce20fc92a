#include "cli.h"
#include "commands.h"
#include "model/backbone.h"
#include "model/weightsdownload.h"
#include "model/weightssource.h"
#include "terminal.h"

#include <QDir>
#include <QEventLoop>
#include <QFileInfo>

#include <memory>

namespace rs::cli {

int downloadWeightsCommand(const QStringList &arguments)
{
    const QString command = QStringLiteral("download-weights");
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Download torchvision's ImageNet InceptionV3 weights (about 104 MB) into the torch hub cache, "
                       "where torchvision and retrain-studio find them. The file is checked against the SHA-256 "
                       "prefix in its name and moved into place only when whole; an interrupted download "
                       "continues where it stopped when run again."));
    const QCommandLineOption url(QStringLiteral("url"), QStringLiteral("Where to download from (default: torchvision's address)."),
                                 QStringLiteral("URL"), officialWeightsUrl().toString());
    const QCommandLineOption output(QStringLiteral("out"),
                                    QStringLiteral("The file to write (default: the torch hub cache, under the URL's file name)."),
                                    QStringLiteral("FILE"));
    parser.addOption(url);
    parser.addOption(output);
    if (const int code = parseOrExit(parser, arguments); code >= 0)
        return code;
    const QUrl source(parser.value(url));
    if (!source.isValid() || source.fileName().isEmpty())
        return fail(command, QStringLiteral("--url needs the address of a file"), kBadArguments);
    const QString target = parser.isSet(output)
        ? parser.value(output)
        : QFileInfo(defaultWeightsPath()).dir().filePath(source.fileName());

    WeightsDownload download(source, target);
    std::unique_ptr<Progress> progress;
    QString error;
    QEventLoop loop;
    QObject::connect(&download, &WeightsDownload::progress, [&](qint64 received, qint64 total) {
        if (!progress && total > 0)
            progress = std::make_unique<Progress>(command, total);
        if (progress)
            progress->advance(received);
    });
    QObject::connect(&download, &WeightsDownload::finished, [&](const QString &message) {
        error = message;
        loop.quit();
    });
    download.start();
    loop.exec();
    if (progress)
        progress->finish();
    if (!error.isEmpty())
        return fail(command, error, kFailure);
    out() << "downloaded " << QDir::toNativeSeparators(target) << Qt::endl;
    return kSuccess;
}

} // namespace rs::cli
