#include "languagemenu.h"
#include "mainwindow.h"
#include "projectfiles.h"

#include "model/backbone.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLocale>
#include <QMessageBox>
#include <QSettings>
#include <QThread>

#include <cstdio>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Retrain Studio"));
    QApplication::setOrganizationName(QStringLiteral("retrain-studio"));
    QApplication::setApplicationVersion(QStringLiteral(RETRAIN_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("retrain-studio"));

    // Our catalogue (built into the binary) and Qt's own, in the system language unless
    // Help ▸ Language chose another; English source strings remain where a catalogue is missing.
    const QString language = QSettings().value(rs::kLanguageKey).toString();
    const QLocale locale = language.isEmpty() ? QLocale() : QLocale(language);
    const bool translated = rs::installLanguage(locale);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Train an image classifier on your own images."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption weights(QStringLiteral("weights"), QApplication::translate("main", "InceptionV3 weights file."),
                                     QStringLiteral("FILE"));
    const QCommandLineOption random(QStringLiteral("random-weights"),
                                    QApplication::translate("main", "Use seeded random weights (for testing only)."),
                                    QStringLiteral("SEED"));
    const QCommandLineOption cache(QStringLiteral("bottleneck-dir"),
                                   QApplication::translate("main", "Where image features are cached."), QStringLiteral("DIR"));
    parser.addOptions({weights, random, cache});
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QApplication::translate("main", "A project file to open."),
                                 QStringLiteral("[PROJECT]"));
    parser.process(app);

    rs::StudioOptions options;
    options.cacheRoot = parser.value(cache);
    const auto given = [&parser](const QCommandLineOption &option) {
        return parser.isSet(option) ? std::optional<QString>(parser.value(option)) : std::nullopt;
    };
    if (parser.isSet(weights) || parser.isSet(random)) {
        try {
            options.weights = rs::WeightsSource::fromFlags(given(weights), given(random));
        } catch (const std::invalid_argument &e) {
            std::fprintf(stderr, "retrain-studio: %s\n", e.what());
            return 2;
        }
    }
    rs::setComputeThreads(QThread::idealThreadCount());

    // On the heap: switching the language replaces the window with one built in the new language.
    auto *window = new rs::MainWindow(options);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->show();
    if (const QString warning = translated ? rs::missingFontWarning(locale) : QString(); !warning.isEmpty())
        QMessageBox::warning(window, QStringLiteral("Retrain Studio"), warning);
    if (!parser.positionalArguments().isEmpty())
        window->projectFiles()->open(parser.positionalArguments().first());
    return QApplication::exec();
}
