// The main window starts, shows itself and tells whether ImageNet weights were found.

#include "mainwindow.h"

#include <QDir>
#include <QFile>
#include <QLabel>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void reportsMissingWeights()
    {
        QTemporaryDir torchHome;
        qputenv("TORCH_HOME", torchHome.path().toLocal8Bit());
        rs::MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.findChild<QLabel *>(QStringLiteral("welcomeLabel")));
        QVERIFY2(window.statusBar()->currentMessage().startsWith(QStringLiteral("No ImageNet weights found at ") + torchHome.path()),
                 qPrintable(window.statusBar()->currentMessage()));
    }

    void reportsFoundWeights()
    {
        QTemporaryDir torchHome;
        QVERIFY(QDir(torchHome.path()).mkpath(QStringLiteral("hub/checkpoints")));
        QFile weights(torchHome.filePath(QStringLiteral("hub/checkpoints/inception_v3_google-0cc3c7bd.pth")));
        QVERIFY(weights.open(QIODevice::WriteOnly));
        weights.close();
        qputenv("TORCH_HOME", torchHome.path().toLocal8Bit());
        rs::MainWindow window;
        QVERIFY(window.statusBar()->currentMessage().startsWith(QStringLiteral("ImageNet weights: ")));
    }
};

QTEST_MAIN(TestMainWindow)
#include "test_mainwindow.moc"
