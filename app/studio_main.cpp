#include "mainwindow.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Retrain Studio"));
    QApplication::setOrganizationName(QStringLiteral("retrain-studio"));
    QApplication::setApplicationVersion(QStringLiteral(RETRAIN_VERSION));
    rs::MainWindow window;
    window.show();
    return QApplication::exec();
}
