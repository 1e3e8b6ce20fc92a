#include "cli.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("retrain-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("retrain-studio"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RETRAIN_VERSION));
    return rs::cli::run(QCoreApplication::arguments());
}
