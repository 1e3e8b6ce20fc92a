// The whole window, driven as a user drives it: classes dropped in, Start pressed, curves,
// results and gallery filled; Stop; errors as messages; predict; project save and open.
// Random InceptionV3 weights stand in for the ImageNet file. The searches (settings, learning
// rate) and fine-tuning are test_findsettings's.

#include "curveplot.h"
#include "datasetpage.h"
#include "export/modelexport.h"
#include "fileserver.h"
#include "gallerymodel.h"
#include "guitestsupport.h"
#include "mainwindow.h"
#include "predictpage.h"
#include "projectfiles.h"
#include "reliabilityplot.h"
#include "resultmodels.h"
#include "resultspage.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCryptographicHash>
#include <QLineEdit>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QMessageBox>
#include <QProgressBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>

#include <algorithm>

namespace {

constexpr int kRunTimeoutMs = 180000;

using rs::test::child;

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_images;
    QString m_cache;

    // Starts a run too long to end by itself and returns once it computes features (the cache
    // given to the window is fresh) or trains (every feature is cached).
    void startEndlessRun(rs::MainWindow &w, bool untilExtracting)
    {
        rs::test::prepareRun(w, m_images, 50000000);
        QTest::mouseClick(child<QToolButton>(&w, "startButton"), Qt::LeftButton);
        if (untilExtracting)
            QTRY_VERIFY_WITH_TIMEOUT(child<QProgressBar>(&w, "extractionProgress")->value() > 0, kRunTimeoutMs);
        else
            QTRY_COMPARE_WITH_TIMEOUT(child<QLabel>(&w, "phaseLabel")->text(), QStringLiteral("Training the classifier…"),
                                      kRunTimeoutMs);
    }

private Q_SLOTS:
    void initTestCase()
    {
        const rs::test::StudioData data = rs::test::prepareStudioData(m_dir.path(), 16);
        m_images = data.images;
        // Starts as a JPEG, so the scan takes it; decoding finds the damage and the run skips it.
        QFile cut(m_images + QStringLiteral("/red/cut.jpg"));
        QVERIFY(cut.open(QIODevice::WriteOnly));
        cut.write(QByteArray("\xff\xd8\xff\xe0", 4) + QByteArray(200, 'x'));
        cut.close();
        m_cache = data.cache;
    }

    void trainsFromTheStartButton()
    {
        auto w = rs::test::studioWindow(m_cache);
        QVERIFY(QTest::qWaitForWindowExposed(w.get()));
        auto *results = child<rs::ResultsPage>(w.get(), "");
        QAbstractItemModelTester metricsTester(results->metrics(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester confusionTester(results->confusion(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester galleryTester(results->gallery(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(w->statusBar()->currentMessage().startsWith(QStringLiteral("Random weights (seed 7)")));
        rs::test::prepareRun(*w, m_images, 400);

        QSignalSpy ended(w->session(), &rs::Session::trainingEnded);
        QTest::mouseClick(child<QToolButton>(w.get(), "startButton"), Qt::LeftButton);
        QVERIFY(w->session()->isTraining());
        QVERIFY(!child<QAction>(w.get(), "actionStart")->isEnabled());
        // The GUI thread stays free while the run goes on: a 20 ms timer is never held up
        // for long, while the user switches pages and resizes the window.
        QElapsedTimer sinceTick;
        sinceTick.start();
        qint64 longestGap = 0;
        int ticks = 0;
        QTimer ticker;
        connect(&ticker, &QTimer::timeout, this, [&] {
            longestGap = std::max(longestGap, sinceTick.restart());
            auto *pages = child<QTabWidget>(w.get(), "pages");
            pages->setCurrentIndex(++ticks % pages->count());
            w->resize(1000 + ticks % 50, 700);
        });
        ticker.start(20);
        QVERIFY(ended.wait(kRunTimeoutMs));
        ticker.stop();
        qInfo("%d ticks, longest gap between 20 ms ticks: %lld ms", ticks, longestGap);
        QVERIFY(longestGap < 500);
        QVERIFY2(w->session()->model(), qPrintable(w->statusBar()->currentMessage()));

        auto *plot = child<rs::CurvePlot>(w.get(), "curvePlot");
        QVERIFY(plot->series(rs::CurvePlot::TrainingLoss)->dataCount() >= 100);
        QCOMPARE(plot->series(rs::CurvePlot::LearningRate)->dataCount(), plot->series(rs::CurvePlot::TrainingLoss)->dataCount());
        QVERIFY(plot->series(rs::CurvePlot::ValidationAccuracy)->dataCount() > 0);
        const std::vector<rs::TrainingPoint> &curve = w->session()->model()->run().curve;
        QCOMPARE(plot->series(rs::CurvePlot::LearningRate)->dataCount(), int(curve.size()));
        QCOMPARE(plot->series(rs::CurvePlot::LearningRate)->data()->at(0)->value, curve.front().learningRate);
        QCOMPARE(plot->series(rs::CurvePlot::TrainingLoss)->data()->at(int(curve.size()) - 1)->value, curve.back().trainLoss);
        // The step whose weights were kept (the lowest validation loss) is marked on the curves.
        const int kept = w->session()->model()->head().keptStep();
        QVERIFY(kept > 0);
        QCOMPARE(plot->keptStep(), kept);
        const auto lowest = std::min_element(curve.begin(), curve.end(), [](const rs::TrainingPoint &a, const rs::TrainingPoint &b) {
            return a.validationLoss < b.validationLoss;
        });
        QCOMPARE(curve[std::size_t(std::find_if(curve.begin(), curve.end(), [&](const rs::TrainingPoint &p) { return p.step == kept; }) - curve.begin())].validationLoss,
                 lowest->validationLoss);

        const rs::Evaluation &e = w->session()->model()->run().evaluation;
        QCOMPARE(results->metrics()->rowCount(), 3);
        int cells = 0;
        for (int r = 0; r < 3; ++r)
            for (int c = 0; c < 3; ++c)
                cells += results->confusion()->index(r, c).data().toInt();
        QCOMPARE(cells, e.count);
        QVERIFY(e.count > 0);
        QVERIFY(child<QLabel>(w.get(), "resultsSummary")->text().startsWith(QStringLiteral("Test accuracy")));
        // The file the run could not read is listed with its reason.
        auto *skipped = child<QListWidget>(w.get(), "runSkippedList");
        QVERIFY(!skipped->isHidden());
        QCOMPARE(skipped->count(), 1);
        QVERIFY2(skipped->item(0)->text().startsWith(QDir::toNativeSeparators(m_images + QStringLiteral("/red/cut.jpg: "))),
                 qPrintable(skipped->item(0)->text()));
        QCOMPARE(child<QLabel>(w.get(), "runSkippedTitle")->text(), QStringLiteral("Files skipped in this run: 1"));
        // The reliability diagram shows the calibration the run did: one bar per filled bin.
        const rs::Calibration &calibration = w->session()->model()->head().calibration();
        QVERIFY(calibration.images > 0);
        auto *reliability = child<rs::ReliabilityPlot>(w.get(), "reliabilityPlot");
        QCOMPARE(reliability->accuracy()->dataCount(),
                 int(std::count_if(calibration.after.bins.begin(), calibration.after.bins.end(),
                                    [](const rs::ReliabilityBin &b) { return b.count > 0; })));
        // The temperature fitted, applied or (gaining no more than chance) not.
        QVERIFY2(reliability->summary().contains(QString::number(calibration.fitted, 'g', 3)), qPrintable(reliability->summary()));

        // A diagonal cell lists the images recognised there.
        auto *confusion = child<QTableView>(w.get(), "confusionMatrix");
        QTest::mouseClick(confusion->viewport(), Qt::LeftButton, {}, confusion->visualRect(results->confusion()->index(1, 1)).center());
        QCOMPARE(results->gallery()->rowCount(), e.confusion[1][1]);
        QVERIFY(child<QLabel>(w.get(), "galleryTitle")->text().startsWith(QStringLiteral("“green” recognised")));
        child<QPushButton>(w.get(), "allMistakesButton")->click();
        QCOMPARE(results->gallery()->rowCount(), int(e.misclassified().size()));

        // Predict: three classes, so three bars per image.
        auto *predict = child<rs::PredictPage>(w.get(), "");
        QSignalSpy predicted(predict, &rs::PredictPage::predicted);
        QVERIFY(rs::test::dropFiles(predict, {m_images + QStringLiteral("/blue/img3.png")}));
        QVERIFY(predicted.wait(60000));
        const QList<QFrame *> cards = predict->findChildren<QFrame *>(QStringLiteral("predictionCard"));
        QCOMPARE(cards.size(), 1);
        QCOMPARE(cards.first()->findChildren<QProgressBar *>().size(), 3);

        // Export writes the same folder as retrain-cli train --export.
        QSignalSpy exported(w->session(), &rs::Session::exportFinished);
        const QString model = m_dir.filePath(QStringLiteral("model"));
        w->session()->exportModel(model);
        QVERIFY(exported.wait(120000));
        QCOMPARE(exported.first().at(1).toString(), QString());
        QCOMPARE(rs::loadExportedModel(model).classes, w->session()->model()->run().dataset.classes);

        // Save, then open in a fresh window: dataset, settings, curve and results come back.
        const QString project = m_dir.filePath(QStringLiteral("work.rsproject"));
        QVERIFY(w->projectFiles()->save(project));
        QVERIFY(!w->isWindowModified());
        auto reopened = rs::test::studioWindow(m_cache);
        QVERIFY(reopened->projectFiles()->open(project));
        QTRY_COMPARE(child<rs::DatasetPage>(reopened.get(), "")->model()->rowCount(), 3);
        QCOMPARE(child<QSpinBox>(reopened.get(), "steps")->value(), 400);
        QCOMPARE(child<QSpinBox>(reopened.get(), "testPercent")->value(), 20);
        QCOMPARE(child<rs::CurvePlot>(reopened.get(), "curvePlot")->series(rs::CurvePlot::TrainingLoss)->dataCount(),
                 plot->series(rs::CurvePlot::TrainingLoss)->dataCount());
        auto *reopenedResults = child<rs::ResultsPage>(reopened.get(), "");
        QCOMPARE(reopenedResults->confusion()->index(2, 2).data().toInt(), e.confusion[2][2]);
        QVERIFY(!child<QAction>(reopened.get(), "actionExportModel")->isEnabled());
        QCOMPARE(QSettings().value(QStringLiteral("recentProjects")).toStringList().value(0), QFileInfo(project).absoluteFilePath());
    }

    void stopReturnsToIdleWithinASecond_data()
    {
        QTest::addColumn<bool>("duringExtraction");
        QTest::newRow("computing features") << true;
        QTest::newRow("training") << false;
    }

    void stopReturnsToIdleWithinASecond()
    {
        QFETCH(bool, duringExtraction);
        // A fresh cache makes every feature computed; the shared one makes them all cached.
        const QString cache = duringExtraction ? m_dir.filePath(QStringLiteral("fresh-cache")) : m_cache;
        auto w = rs::test::studioWindow(cache);
        startEndlessRun(*w, duringExtraction);
        auto *phase = child<QLabel>(w.get(), "phaseLabel");
        QTest::qWait(200);
        QVERIFY(w->session()->isTraining());

        QSignalSpy ended(w->session(), &rs::Session::trainingEnded);
        QElapsedTimer clock;
        clock.start();
        QTest::mouseClick(child<QToolButton>(w.get(), "stopButton"), Qt::LeftButton);
        QVERIFY(ended.wait(1000));
        qInfo("stopped after %lld ms", clock.elapsed());
        QVERIFY(clock.elapsed() < 1000);
        QVERIFY(!w->session()->isTraining());
        QVERIFY(!w->session()->model());
        // Stopped while training, the run can be resumed; stopped before, there is nothing to resume.
        QCOMPARE(phase->text(), duringExtraction ? QStringLiteral("Stopped.")
                                                 : QStringLiteral("Stopped. Resume carries the run on from where it stopped."));
        QCOMPARE(child<QAction>(w.get(), "actionResume")->isEnabled(), !duringExtraction);
        QVERIFY(child<QAction>(w.get(), "actionStart")->isEnabled());
        QVERIFY(!child<QAction>(w.get(), "actionStop")->isEnabled());
    }

    // Closing the window mid-run stops the worker and joins it before anything it uses goes.
    void closingTheWindowMidRunEndsCleanly_data()
    {
        stopReturnsToIdleWithinASecond_data();
    }

    void closingTheWindowMidRunEndsCleanly()
    {
        QFETCH(bool, duringExtraction);
        const QString cache = duringExtraction ? m_dir.filePath(QStringLiteral("closing-cache")) : m_cache;
        auto w = rs::test::studioWindow(cache);
        startEndlessRun(*w, duringExtraction);
        QVERIFY(w->session()->isTraining());
        QElapsedTimer clock;
        clock.start();
        w.reset();
        qInfo("window gone %lld ms after closing mid-run", clock.elapsed());
        QVERIFY(clock.elapsed() < 2000);
        QTest::qWait(100); // anything the worker posted is delivered, or dropped with the window
    }

    void resumeCarriesAStoppedRunOn()
    {
        auto w = rs::test::studioWindow(m_cache);
        rs::test::prepareRun(*w, m_images, 60000);
        auto *resume = child<QAction>(w.get(), "actionResume");
        QVERIFY(!resume->isEnabled());
        auto *plot = child<rs::CurvePlot>(w.get(), "curvePlot");
        QSignalSpy ended(w->session(), &rs::Session::trainingEnded);
        child<QAction>(w.get(), "actionStart")->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(plot->series(rs::CurvePlot::TrainingLoss)->dataCount() >= 3, kRunTimeoutMs);
        child<QAction>(w.get(), "actionStop")->trigger();
        QVERIFY(ended.wait(5000));
        const int pointsBeforeStop = plot->series(rs::CurvePlot::TrainingLoss)->dataCount();
        QVERIFY2(pointsBeforeStop < 150, "the run ended before it could be stopped");
        QVERIFY(child<QLabel>(w.get(), "phaseLabel")->text().contains(QStringLiteral("Resume carries the run on")));
        QVERIFY(resume->isEnabled());

        // Settings changed meanwhile do not touch the stopped run: Resume carries it on as it was.
        child<QSpinBox>(w.get(), "steps")->setValue(10);
        resume->trigger();
        QVERIFY(ended.wait(kRunTimeoutMs));
        QVERIFY(w->session()->model());
        const std::vector<rs::TrainingPoint> &curve = w->session()->model()->run().curve;
        QCOMPARE(curve.back().step, 60000);
        QCOMPARE(int(curve.size()), 200); // every 300 steps, the ones before the stop included
        for (std::size_t i = 1; i < curve.size(); ++i)
            QCOMPARE(curve[i].step - curve[i - 1].step, 300);
        QCOMPARE(plot->series(rs::CurvePlot::TrainingLoss)->dataCount(), 200);
        QVERIFY(!resume->isEnabled());
    }

    void errorsReachTheUserAsMessages()
    {
        QFile bad(m_dir.filePath(QStringLiteral("bad.pth")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("this is not a weights file");
        bad.close();
        rs::StudioOptions options;
        options.weights = rs::WeightsSource::file(bad.fileName());
        options.cacheRoot = m_cache;
        rs::MainWindow w(options);
        w.show();
        rs::test::prepareRun(w, m_images, 10);
        QSignalSpy ended(w.session(), &rs::Session::trainingEnded);
        child<QAction>(&w, "actionStart")->trigger();
        QVERIFY(ended.wait(kRunTimeoutMs));
        auto *message = child<QMessageBox>(&w, "errorMessage");
        QVERIFY2(message->text().contains(bad.fileName()), qPrintable(message->text()));
        QVERIFY(child<QLabel>(&w, "phaseLabel")->text().startsWith(QStringLiteral("Failed: ")));
        QVERIFY(child<QAction>(&w, "actionStart")->isEnabled());
    }

    void foldersDroppedOnAnyPageReachTheDataset()
    {
        rs::MainWindow w;
        auto *pages = child<QTabWidget>(&w, "pages");
        pages->setCurrentIndex(1);
        QVERIFY(rs::test::dropFiles(&w, {m_images}));
        QCOMPARE(pages->currentIndex(), 0);
        QTRY_COMPARE(child<rs::DatasetPage>(&w, "")->model()->rowCount(), 3);
        QVERIFY(!rs::test::dropFiles(&w, {m_images + QStringLiteral("/red/img0.png")}));
    }

    void offersToDownloadMissingWeights()
    {
        QTemporaryDir torchHome;
        qputenv("TORCH_HOME", torchHome.path().toLocal8Bit());
        QSettings().clear();
        const QByteArray content(300000, 'w');
        const QString name = QStringLiteral("inception_v3_google-%1.pth")
                                 .arg(QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex().left(8)));
        rs::test::FileServer server(content);
        rs::StudioOptions options;
        options.cacheRoot = m_cache;
        options.weightsUrl = server.url(name);
        rs::MainWindow w(options);
        w.show();
        rs::test::prepareRun(w, m_images, 10);
        child<QAction>(&w, "actionStart")->trigger();
        QVERIFY(!w.session()->isTraining());
        auto *question = child<QMessageBox>(&w, "weightsQuestion");
        QVERIFY(question->text().contains(torchHome.path()));
        QSignalSpy downloaded(&w, &rs::MainWindow::weightsDownloaded);
        child<QPushButton>(question, "downloadWeightsButton")->click();
        QVERIFY(downloaded.wait(30000));
        QCOMPARE(downloaded.first().first().toString(), QString());
        const QString target = torchHome.filePath(QStringLiteral("hub/checkpoints/") + name);
        QVERIFY(QFile::exists(target));
        QCOMPARE(child<QLineEdit>(&w, "weightsFile")->text(), target);
        QVERIFY(w.statusBar()->currentMessage().contains(target));
    }

    void refusesToStartWithoutTwoClasses()
    {
        rs::StudioOptions options;
        options.weights = rs::WeightsSource::random(7);
        rs::MainWindow w(options);
        child<QAction>(&w, "actionStart")->trigger();
        QVERIFY(!w.session()->isTraining());
        QVERIFY(child<QMessageBox>(&w, "errorMessage")->text().contains(QStringLiteral("at least two classes")));
    }

    void settingsAndGeometryPersist()
    {
        {
            rs::MainWindow w;
            w.show();
            child<QSpinBox>(&w, "steps")->setValue(1234);
            w.resize(900, 650);
            w.setWindowModified(false);
            QVERIFY(w.close());
        }
        rs::MainWindow again;
        QCOMPARE(child<QSpinBox>(&again, "steps")->value(), 1234);
        QCOMPARE(again.size(), QSize(900, 650));
    }

    void plotsFollowThePalette()
    {
        rs::CurvePlot plot;
        const QPalette light = QApplication::palette();
        QPalette dark = light;
        dark.setColor(QPalette::WindowText, QColor(230, 230, 230));
        dark.setColor(QPalette::Base, QColor(30, 30, 30));
        QApplication::setPalette(dark);
        QTRY_COMPARE(plot.xAxis->tickLabelColor(), QColor(230, 230, 230));
        QApplication::setPalette(light);
        QTRY_COMPARE(plot.xAxis->tickLabelColor(), light.color(QPalette::WindowText));
    }

    void reportsMissingWeights()
    {
        QTemporaryDir torchHome;
        qputenv("TORCH_HOME", torchHome.path().toLocal8Bit());
        QSettings().clear();
        rs::MainWindow w;
        QVERIFY2(w.statusBar()->currentMessage().startsWith(QStringLiteral("No ImageNet weights found at ") + torchHome.path()),
                 qPrintable(w.statusBar()->currentMessage()));
    }
};

QTEST_MAIN(TestMainWindow)
#include "test_mainwindow.moc"
