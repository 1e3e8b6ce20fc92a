// The rough edges a newcomer met with the window, from the first launch to the last click:
// projects, runs, messages, the language. The pages' own are test_pageedges's. Numbers in the
// comments are the points of the issue that listed them.

#include "curveplot.h"
#include "datasetpage.h"
#include "export/modelexport.h"
#include "guitestsupport.h"
#include "languagemenu.h"
#include "mainwindow.h"
#include "predictpage.h"
#include "projectfiles.h"
#include "settingspage.h"
#include "weightsfield.h"
#include "testsupport.h"

#include <QAbstractScrollArea>
#include <QAction>
#include <QApplication>
#include <QFile>
#include <QFrame>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTest>
#include <QToolBar>
#include <QToolButton>

using rs::test::child;

namespace {

// Whether `widget` is shown through a scroll area below `top` (its content may extend past it).
bool insideScrolledArea(const QWidget *widget, const QWidget *top)
{
    for (const QWidget *w = widget->parentWidget(); w && w != top; w = w->parentWidget())
        if (qobject_cast<const QAbstractScrollArea *>(w))
            return true;
    return false;
}


// The Grad-CAM map the session computes for `image` and class 0, waited for.
std::vector<float> heatMap(rs::Session &session, const QString &image)
{
    QSignalSpy ready(&session, &rs::Session::heatMapReady);
    session.explain(image, 0);
    if (!ready.wait(60000))
        return {};
    return ready.first().at(2).value<rs::GradCam>().values;
}

} // namespace

class TestGuiEdges : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_images;
    QString m_cache;

private Q_SLOTS:
    void initTestCase()
    {
        const rs::test::StudioData data = rs::test::prepareStudioData(m_dir.path(), 8);
        m_images = data.images;
        m_cache = data.cache;
    }

    // 1: the first launch was a blank table with a one-line hint.
    void anEmptyDatasetShowsEveryWayIn()
    {
        QTemporaryDir torchHome;
        qputenv("TORCH_HOME", torchHome.path().toLocal8Bit());
        rs::StudioOptions options;
        options.cacheRoot = m_cache;
        rs::MainWindow w(options); // the default weights file, which is not there
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto *welcome = child<QWidget>(&w, "datasetWelcome");
        QVERIFY(welcome->isVisible());
        QVERIFY(!child<QTableView>(&w, "classTable")->isVisible());
        QCOMPARE(child<QLabel>(welcome, "dropTitle")->text(), QStringLiteral("Drop class folders here"));
        for (const char *name : {"welcomeAddFolderButton", "sampleDataButton", "welcomeDownloadButton",
                                 "welcomeChooseWeightsButton", "welcomeUntrainedButton"})
            QVERIFY2(child<QPushButton>(welcome, name)->isVisible(), name);
        QVERIFY(child<QLabel>(welcome, "welcomeWeightsStatus")->text().startsWith(QStringLiteral("No ImageNet weights found at")));

        // Untrained weights: one click, and the weights no longer need doing.
        child<QPushButton>(welcome, "welcomeUntrainedButton")->click();
        QVERIFY(w.session()->weights().isRandom());
        QVERIFY(!child<QPushButton>(welcome, "welcomeDownloadButton")->isVisible());
        QVERIFY(child<QLabel>(welcome, "welcomeWeightsStatus")->text().startsWith(QStringLiteral("Random weights")));

        // Classes replace the welcome with the table.
        QVERIFY(rs::test::dropFiles(&w, {m_images}));
        QTRY_VERIFY(child<QTableView>(&w, "classTable")->isVisible());
        QVERIFY(!welcome->isVisible());
        w.setWindowModified(false);
        qunsetenv("TORCH_HOME");
    }

    // 2: the second launch used to land on whatever page was open when the first closed.
    void aNewProjectOpensOnTheDatasetPage()
    {
        {
            auto w = rs::test::studioWindow(m_cache);
            child<QTabWidget>(w.get(), "pages")->setCurrentIndex(2);
            QVERIFY(w->close());
        }
        auto again = rs::test::studioWindow(m_cache);
        auto *pages = child<QTabWidget>(again.get(), "pages");
        QCOMPARE(pages->currentWidget(), child<rs::DatasetPage>(again.get(), ""));
        pages->setCurrentIndex(3);
        again->projectFiles()->startNew();
        QCOMPARE(pages->currentIndex(), 0);
    }

    // 4: reading a reopened project's folders again marked it modified, so New, Open and Quit
    // asked to save unchanged work.
    void openingAProjectChangesNothing()
    {
        const QString path = m_dir.filePath(QStringLiteral("edges.rsproject"));
        {
            auto w = rs::test::studioWindow(m_cache);
            rs::test::prepareRun(*w, m_images, 10);
            QVERIFY(w->projectFiles()->save(path));
            QVERIFY(!w->isWindowModified());
            QVERIFY(w->close());
        }
        auto w = rs::test::studioWindow(m_cache);
        auto *dataset = child<rs::DatasetPage>(w.get(), "");
        QVERIFY(w->projectFiles()->open(path));
        QTRY_VERIFY(dataset->model()->rowCount() == 3 && !dataset->isScanning());
        QVERIFY(!w->isWindowModified());
        QVERIFY(w->windowTitle().startsWith(QStringLiteral("edges.rsproject")));
        // No question asked: saveOrCancel() would open a modal box and not return here.
        QVERIFY(w->projectFiles()->saveOrCancel());
        // A real change still counts.
        child<QSpinBox>(w.get(), "steps")->setValue(11);
        QVERIFY(w->isWindowModified());
        w->setWindowModified(false);
    }

    // 7: after Resume the replayed curve counted as steps done in no time ("28556 steps/s").
    void timeLeftAfterResumeCountsOnlyTheResumedSteps()
    {
        auto w = rs::test::studioWindow(m_cache);
        rs::Session *session = w->session();
        Q_EMIT session->trainingStarted();
        // The stopped run's 100 points come at once, then the run carries on from step 50 000.
        for (int step = 500; step <= 50000; step += 500)
            Q_EMIT session->trainingPoint({step, 100000, 0.01, 0.5, 0.9, 0.6, 0.8, 50000});
        QTest::qWait(250);
        Q_EMIT session->trainingPoint({50500, 100000, 0.01, 0.5, 0.9, 0.6, 0.8, 50000});
        const QString speed = child<QLabel>(w.get(), "speedLabel")->text();
        const QRegularExpressionMatch rate = QRegularExpression(QStringLiteral("^(\\d+) steps/s")).match(speed);
        QVERIFY2(rate.hasMatch(), qPrintable(speed));
        // 500 steps in at least 250 ms: at most 2 000 steps/s (50 500 steps in that time before).
        QVERIFY2(rate.captured(1).toInt() <= 2000, qPrintable(speed));
        QVERIFY2(rate.captured(1).toInt() > 0, qPrintable(speed));
        QVERIFY(child<QLabel>(w.get(), "runLabel")->text().contains(QStringLiteral("step 50000")));
    }

    // 8: messages outlived their state: a run's outcome during the next run, a refusal after the
    // setting was fixed, the old weights path after it was corrected.
    void statusMessagesLeaveWithTheirState()
    {
        auto w = rs::test::studioWindow(m_cache);
        child<QAction>(w.get(), "actionStart")->trigger();
        QVERIFY(w->statusBar()->currentMessage().contains(QStringLiteral("at least two classes")));
        child<QMessageBox>(w.get(), "errorMessage")->close();
        QVERIFY(rs::test::dropFiles(w.get(), {m_images}));
        QTRY_COMPARE(child<rs::DatasetPage>(w.get(), "")->model()->rowCount(), 3);
        QCOMPARE(w->statusBar()->currentMessage(), QString());

        Q_EMIT w->session()->status(QStringLiteral("Done: test accuracy 90.0 %"));
        Q_EMIT w->session()->trainingStarted();
        QCOMPARE(w->statusBar()->currentMessage(), QString());

        auto *file = child<QLineEdit>(w.get(), "weightsFile");
        child<rs::SettingsPage>(w.get(), "")->setWeights(rs::WeightsSource::file(QStringLiteral("/nowhere/first.pth")));
        QVERIFY(w->statusBar()->currentMessage().contains(QStringLiteral("first.pth")));
        file->setText(QStringLiteral("/nowhere/second.pth"));
        Q_EMIT file->textEdited(file->text());
        QVERIFY2(w->statusBar()->currentMessage().contains(QStringLiteral("second.pth")),
                 qPrintable(w->statusBar()->currentMessage()));
    }

    // 5, 6 and 9: a reopened project's Training page read "0 of 100 images" with an empty
    // metrics line, Predict and Export needed training again, and nothing said which run the
    // curves and results were of.
    void aReopenedProjectShowsItsLastRunAndPredicts()
    {
        const QString path = m_dir.filePath(QStringLiteral("trained.rsproject"));
        const QStringList images{m_images + QStringLiteral("/red/img1.png"), m_images + QStringLiteral("/blue/img2.png")};
        rs::TopClassPredictions before;
        std::vector<float> beforeCam;
        {
            auto w = rs::test::studioWindow(m_cache);
            rs::test::prepareRun(*w, m_images, 20);
            QSignalSpy ended(w->session(), &rs::Session::trainingEnded);
            child<QAction>(w.get(), "actionStart")->trigger();
            QVERIFY(child<rs::CurvePlot>(w.get(), "curvePlot")->placeholder().startsWith(QStringLiteral("The curves start")));
            QVERIFY(ended.wait(180000));
            QVERIFY2(w->session()->model(), qPrintable(w->statusBar()->currentMessage()));
            QVERIFY(child<QLabel>(w.get(), "resultsOrigin")->text().startsWith(QStringLiteral("Results of the run that ended at")));
            before = w->session()->predictor()(images, 3);
            beforeCam = heatMap(*w->session(), images[0]);
            QVERIFY(!beforeCam.empty());
            QVERIFY(w->projectFiles()->save(path));
            QTRY_VERIFY(!w->session()->isBusy());
            QVERIFY(w->close());
        }
        const QString kept = m_dir.filePath(QStringLiteral("trained.classifier"));
        QVERIFY(QFile::exists(kept + QStringLiteral("/head.pth")));
        QVERIFY(!QFile::exists(kept + QStringLiteral("/model.onnx"))); // the runnable files only go into exports

        auto w = rs::test::studioWindow(m_cache);
        QSignalSpy restored(w->session(), &rs::Session::modelChanged);
        QVERIFY(w->projectFiles()->open(path));
        QCOMPARE(child<QLabel>(w.get(), "phaseLabel")->text(), QStringLiteral("The last run, as saved with the project."));
        const QString status = child<QLabel>(w.get(), "trainingStatus")->text();
        QVERIFY2(status.startsWith(QStringLiteral("Test accuracy ")) && status.contains(QStringLiteral("after 20 steps")),
                 qPrintable(status));
        QCOMPARE(child<QProgressBar>(w.get(), "extractionProgress")->text(), QStringLiteral("step 20 of 20"));
        QCOMPARE(child<QLabel>(w.get(), "resultsOrigin")->text(), QStringLiteral("Results of the last run, as saved with the project."));

        // The kept classifier comes back: the same predictions, and Export at once.
        QTRY_VERIFY_WITH_TIMEOUT(w->session()->canPredict(), 60000);
        QVERIFY(!w->session()->model());
        QVERIFY(child<QAction>(w.get(), "actionExportModel")->isEnabled());
        const rs::TopClassPredictions after = w->session()->predictor()(images, 3);
        QCOMPARE(after.images.size(), before.images.size());
        for (std::size_t i = 0; i < after.images.size(); ++i)
            for (std::size_t k = 0; k < 3; ++k) {
                QCOMPARE(after.images[i].top[k].first, before.images[i].top[k].first);
                QCOMPARE(after.images[i].top[k].second, before.images[i].top[k].second);
            }
        // Grad-CAM explains with the restored classifier as with the run's.
        QCOMPARE(heatMap(*w->session(), images[0]), beforeCam);
        QSignalSpy exported(w->session(), &rs::Session::exportFinished);
        const QString folder = m_dir.filePath(QStringLiteral("exported"));
        w->session()->exportModel(folder);
        QVERIFY(exported.wait(120000));
        QCOMPARE(exported.first().at(1).toString(), QString());
        for (const char *file : {"labels.txt", "manifest.json", "head.pth", "model.pt", "model.onnx"})
            QVERIFY2(QFile::exists(folder + QLatin1Char('/') + QLatin1String(file)), file);
        const rs::ExportedModel reloaded = rs::loadExportedModel(folder);
        QCOMPARE(reloaded.classes, w->session()->predictorLabels());

        // Saved under another name, the restored classifier goes along (core's copyClassifier).
        QVERIFY(w->projectFiles()->save(m_dir.filePath(QStringLiteral("renamed.rsproject"))));
        QTRY_VERIFY(!w->session()->isBusy());
        const QString renamed = m_dir.filePath(QStringLiteral("renamed.classifier"));
        QCOMPARE(QDir(renamed).entryList(QDir::Files), QDir(kept).entryList(QDir::Files));
        QCOMPARE(rs::test::readAll(renamed + QStringLiteral("/head.pth")), rs::test::readAll(kept + QStringLiteral("/head.pth")));
    }

    // The Settings page reads a chosen weights file to check it; the run then used to read the
    // same 100 MB again.
    void weightsCheckedOnTheSettingsPageAreNotReadAgain()
    {
        auto w = rs::test::studioWindow(m_cache);
        auto *field = child<rs::WeightsField>(w.get(), "");
        QSignalSpy checked(field, &rs::WeightsField::checked);
        child<rs::SettingsPage>(w.get(), "")->setWeights(
            rs::WeightsSource::file(rs::test::referenceFile(QStringLiteral("inception_zip.pth"))));
        QVERIFY(checked.wait(60000));
        QCOMPARE(field->problem(), QString());
        rs::test::prepareRun(*w, m_images, 5);
        QStringList phases;
        connect(w->session(), &rs::Session::phaseChanged, this, [&](const QString &phase) { phases << phase; });
        QSignalSpy ended(w->session(), &rs::Session::trainingEnded);
        child<QAction>(w.get(), "actionStart")->trigger();
        QVERIFY(ended.wait(180000));
        QVERIFY2(w->session()->model(), qPrintable(w->statusBar()->currentMessage()));
        QVERIFY2(!phases.contains(QStringLiteral("Loading the InceptionV3 weights…")), qPrintable(phases.join(QLatin1Char('|'))));
    }

    // 10: nothing on the empty plots said why, nor did anything point at overfitting.
    void saysWhenTheClassifierOverfits()
    {
        auto w = rs::test::studioWindow(m_cache);
        rs::Session *session = w->session();
        auto *hint = child<QLabel>(w.get(), "overfittingHint");
        Q_EMIT session->trainingStarted();
        // Validation loss lowest at step 300, then up by a third while training loss falls.
        const double validation[] = {1.0, 0.8, 0.6, 0.65, 0.7, 0.75, 0.8};
        for (int i = 0; i < 7; ++i) {
            Q_EMIT session->trainingPoint({100 * (i + 1), 700, 0.01, 1.0 - 0.1 * i, 0.9, validation[i], 0.8, 0});
            QCOMPARE(hint->isVisibleTo(w.get()), i >= 5); // three points above the lowest, the last by over 10 %
        }
        QVERIFY(hint->text().startsWith(QStringLiteral("Validation loss has risen since step 300")));
        Q_EMIT session->trainingStarted();
        QVERIFY(!hint->isVisibleTo(w.get()));
    }

    // 17: at 800×600 labels overlapped and headlines were cut off. Every page must fit the
    // smallest screen and a full HD one: nothing it shows may reach past its edge (scrolled
    // content aside), after a run as before.
    void everyPageFits_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::newRow("800x600") << QSize(800, 600);
        QTest::newRow("1920x1080") << QSize(1920, 1080);
    }

    void everyPageFits()
    {
        QFETCH(QSize, size);
        auto w = rs::test::studioWindow(m_cache);
        rs::test::prepareRun(*w, m_images, 20);
        QSignalSpy ended(w->session(), &rs::Session::trainingEnded);
        child<QAction>(w.get(), "actionStart")->trigger();
        QVERIFY(ended.wait(180000));
        w->resize(size);
        QCOMPARE(w->size(), size);
        auto *pages = child<QTabWidget>(w.get(), "pages");
        for (int i = 0; i < pages->count(); ++i) {
            pages->setCurrentIndex(i);
            QWidget *page = pages->widget(i);
            QApplication::processEvents();
            for (QWidget *part : page->findChildren<QWidget *>()) {
                if (!part->isVisibleTo(page) || insideScrolledArea(part, page))
                    continue;
                const QRect shown(part->mapTo(page, QPoint(0, 0)), part->size());
                QVERIFY2(page->rect().contains(shown),
                         qPrintable(QStringLiteral("%1: %2 %3 at %4,%5 %6×%7 reaches past the page's %8×%9")
                                        .arg(pages->tabText(i), QString::fromLatin1(part->metaObject()->className()),
                                             part->objectName())
                                        .arg(shown.x())
                                        .arg(shown.y())
                                        .arg(shown.width())
                                        .arg(shown.height())
                                        .arg(page->width())
                                        .arg(page->height())));
            }
        }
        w->setWindowModified(false);
    }

    // 3: there was no way to the user guide from the window, and a bare window manager left the
    // toolbar without icons.
    void helpOpensTheUserGuideAndActionsHaveIcons()
    {
        auto w = rs::test::studioWindow(m_cache);
        child<QAction>(w.get(), "actionUserGuide")->trigger();
        auto *guide = child<QTextBrowser>(w.get(), "userGuideBrowser");
        QVERIFY(guide->toPlainText().contains(QStringLiteral("Data health")));
        // Its pictures load from beside it.
        QVERIFY(!guide->document()->resource(QTextDocument::ImageResource, QUrl(QStringLiteral("images/dataset.png"))).isNull());
        for (QAction *action : child<QToolBar>(w.get(), "mainToolBar")->actions())
            QVERIFY2(action->isSeparator() || !action->icon().isNull(), qPrintable(action->objectName()));
    }

    // 10: checking the data wiped the last training's curves and promised new ones.
    void checkingTheDataKeepsTheCurves()
    {
        auto w = rs::test::studioWindow(m_cache);
        rs::test::prepareRun(*w, m_images, 20);
        QSignalSpy ended(w->session(), &rs::Session::trainingEnded);
        child<QAction>(w.get(), "actionStart")->trigger();
        QVERIFY(ended.wait(180000));
        auto *plot = child<rs::CurvePlot>(w.get(), "curvePlot");
        const int points = plot->series(rs::CurvePlot::TrainingLoss)->dataCount();
        QVERIFY(points > 0);
        child<QAction>(w.get(), "actionCheckData")->trigger();
        QVERIFY(ended.wait(180000));
        QVERIFY(w->session()->audit());
        QCOMPARE(plot->series(rs::CurvePlot::TrainingLoss)->dataCount(), points);
        QCOMPARE(plot->placeholder(), QString());
        QVERIFY(child<QLabel>(w.get(), "runLabel")->text().endsWith(QStringLiteral("the curves below are the last training's.")));
        w->setWindowModified(false);
    }

    // 9: Resume was only in the Training menu.
    void resumeSitsBesideStartAndStop()
    {
        auto w = rs::test::studioWindow(m_cache);
        auto *resume = child<QAction>(w.get(), "actionResume");
        QCOMPARE(child<QToolButton>(w.get(), "resumeButton")->defaultAction(), resume);
        QVERIFY(child<QToolBar>(w.get(), "mainToolBar")->actions().contains(resume));
    }

    // 13: offline, the download failed with "Host … not found" and no next step.
    void aFailedDownloadSaysWhatToDoInstead()
    {
        QTemporaryDir torchHome;
        qputenv("TORCH_HOME", torchHome.path().toLocal8Bit());
        QSettings().clear();
        rs::StudioOptions options;
        options.cacheRoot = m_cache;
        options.weightsUrl = QUrl(QStringLiteral("http://127.0.0.1:1/inception_v3_google-0cc3c7bd.pth"));
        rs::MainWindow w(options);
        w.show();
        rs::test::prepareRun(w, m_images, 10);
        child<QAction>(&w, "actionStart")->trigger();
        QSignalSpy downloaded(&w, &rs::MainWindow::weightsDownloaded);
        child<QPushButton>(child<QMessageBox>(&w, "weightsQuestion"), "downloadWeightsButton")->click();
        QVERIFY(downloaded.wait(30000));
        QVERIFY(!downloaded.first().first().toString().isEmpty());
        auto *failed = child<QMessageBox>(&w, "downloadFailed");
        QCOMPARE(failed->text(), downloaded.first().first().toString());
        QVERIFY2(failed->informativeText().contains(QStringLiteral("retrain-cli download-weights"))
                     && failed->informativeText().contains(torchHome.filePath(QStringLiteral("hub/checkpoints"))),
                 qPrintable(failed->informativeText()));
        // The choice comes back: a file, or untrained weights.
        QVERIFY(child<QPushButton>(failed, "chooseWeightsButton")->isVisible());
        qunsetenv("TORCH_HOME");
    }

    // 20: a new language applied only after a restart.
    void switchingTheLanguageAppliesAtOnce()
    {
        rs::addCatalogueFolder(QStringLiteral(RS_QM_DIR));
        const QString path = m_dir.filePath(QStringLiteral("language.rsproject"));
        auto *w = rs::test::studioWindow(m_cache).release();
        rs::test::prepareRun(*w, m_images, 10);
        QSignalSpy ended(w->session(), &rs::Session::trainingEnded);
        child<QAction>(w, "actionStart")->trigger();
        QVERIFY(ended.wait(180000));
        auto *predict = child<rs::PredictPage>(w, "");
        QSignalSpy predicted(predict, &rs::PredictPage::predicted);
        predict->predict({m_images + QStringLiteral("/red")});
        QVERIFY(predicted.wait(60000));
        const auto cards = [](QWidget *window) { return window->findChildren<QFrame *>(QStringLiteral("predictionCard")).size(); };
        QVERIFY(cards(w) > 0);
        const qsizetype shown = cards(w);
        QVERIFY(w->projectFiles()->save(path));
        child<QSpinBox>(w, "steps")->setValue(12); // unsaved, and must stay so
        child<QTabWidget>(w, "pages")->setCurrentIndex(1);
        const QSize size = w->size();
        rs::Session *session = w->session();

        QSignalSpy replaced(w, &rs::MainWindow::replacedBy);
        auto *chinese = child<QMenu>(w, "languageMenu")->actions().at(2);
        QCOMPARE(chinese->text(), QStringLiteral("简体中文"));
        chinese->trigger();
        QVERIFY(replaced.wait(5000));
        auto *next = replaced.first().first().value<rs::MainWindow *>();
        QPointer<rs::MainWindow> old(w);
        QTRY_VERIFY(old.isNull());
        QCOMPARE(child<QTabWidget>(next, "pages")->tabText(0), QStringLiteral("数据集(&1)"));
        QCOMPARE(child<QTabWidget>(next, "pages")->currentIndex(), 1);
        QCOMPARE(next->session(), session);
        QCOMPARE(next->projectFiles()->path(), path);
        QVERIFY(next->isWindowModified());
        QCOMPARE(child<QSpinBox>(next, "steps")->value(), 12);
        QCOMPARE(next->size(), size);
        QTRY_COMPARE(child<rs::DatasetPage>(next, "")->model()->rowCount(), 3);
        QCOMPARE(cards(next), shown); // the predictions stay on the Predict page

        // And back, for the tests after this one.
        QSignalSpy back(next, &rs::MainWindow::replacedBy);
        child<QMenu>(next, "languageMenu")->actions().at(1)->trigger();
        QVERIFY(back.wait(5000));
        auto *english = back.first().first().value<rs::MainWindow *>();
        QCOMPARE(child<QTabWidget>(english, "pages")->tabText(0), QStringLiteral("&1 Dataset"));
        english->setWindowModified(false);
        delete english;
        QSettings().remove(rs::kLanguageKey);
    }
};

QTEST_MAIN(TestGuiEdges)
#include "test_guiedges.moc"
