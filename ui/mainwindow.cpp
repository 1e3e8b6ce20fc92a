#include "mainwindow.h"

#include "backbone.h"

#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QStatusBar>

namespace rs {

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Retrain Studio"));
    auto *welcome = new QLabel(tr("Train an image classifier on your own images.\n"
                                  "Dataset, training and results views arrive in the next releases;\n"
                                  "retrain-cli already extracts InceptionV3 features."),
                               this);
    welcome->setObjectName(QStringLiteral("welcomeLabel"));
    welcome->setAlignment(Qt::AlignCenter);
    setCentralWidget(welcome);

    const QString weights = defaultWeightsPath();
    statusBar()->showMessage(QFileInfo::exists(weights)
                                 ? tr("ImageNet weights: %1").arg(QDir::toNativeSeparators(weights))
                                 : tr("No ImageNet weights found at %1").arg(QDir::toNativeSeparators(weights)));
    resize(720, 480);
}

} // namespace rs
