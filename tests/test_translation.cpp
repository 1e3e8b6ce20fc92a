// The interface in Simplified Chinese: our catalogue and Qt's own, as retrain-studio loads
// them for a zh_CN locale.

#include "mainwindow.h"

#include <QAction>
#include <QLibraryInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QTranslator>

class TestTranslation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsChinese()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        const QLocale chinese(QLocale::Chinese, QLocale::China);
        QTranslator app, qt;
        QVERIFY(app.load(chinese, QStringLiteral("retrain-studio"), QStringLiteral("_"), QStringLiteral(RS_QM_DIR)));
        QVERIFY(qt.load(chinese, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)));
        QCoreApplication::installTranslator(&app);
        QCoreApplication::installTranslator(&qt);

        rs::MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *pages = window.findChild<QTabWidget *>(QStringLiteral("pages"));
        QCOMPARE(pages->tabText(0), QStringLiteral("数据集(&1)"));
        QCOMPARE(pages->tabText(3), QStringLiteral("结果(&4)"));
        QCOMPARE(window.findChild<QAction *>(QStringLiteral("actionStart"))->text(), QStringLiteral("开始训练(&S)"));
        QCOMPARE(window.findChild<QAction *>(QStringLiteral("actionResume"))->text(), QStringLiteral("继续已停止的训练(&R)"));
        // Qt's own strings come from its catalogue.
        QMessageBox box(QMessageBox::Question, {}, {}, QMessageBox::Cancel);
        QCOMPARE(box.button(QMessageBox::Cancel)->text(), QStringLiteral("取消"));
    }
};

QTEST_MAIN(TestTranslation)
#include "test_translation.moc"
