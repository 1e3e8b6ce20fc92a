#include "mainwindow.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Retrain Studio"));
    QApplication::setOrganizationName(QStringLiteral("retrain-studio"));
    QApplication::setApplicationVersion(QStringLiteral(RETRAIN_VERSION));

    // Our catalogue (built into the binary) and Qt's own, in the system language; English
    // source strings remain where a catalogue is missing.
    QTranslator qtTranslator, appTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    if (appTranslator.load(QLocale(), QStringLiteral("retrain-studio"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&appTranslator);

    rs::MainWindow window;
    window.show();
    return QApplication::exec();
}
