// Searching from the window, as a user does it: Find good settings and train fills the trial
// table and adopts the winner; the learning-rate finder's curve and its Use button; fine-tuning
// chosen on the Settings page. Random InceptionV3 weights stand in for the ImageNet file.

#include "customplot.h"
#include "guitestsupport.h"
#include "mainwindow.h"
#include "predictpage.h"
#include "ratefinderdialog.h"
#include "settingspage.h"
#include "training/jsonformat.h"
#include "trialtable.h"

#include <QAction>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFrame>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

namespace {

constexpr int kRunTimeoutMs = 180000;

using rs::test::child;

} // namespace

class TestFindSettings : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_images;
    QString m_cache;

private Q_SLOTS:
    void initTestCase()
    {
        const rs::test::StudioData data = rs::test::prepareStudioData(m_dir.path(), 16);
        m_images = data.images;
        m_cache = data.cache;
    }

    // The trials fill a table as they finish; the winner trains, is marked, and becomes the
    // settings the page shows and the project saves.
    void findsGoodSettingsThenTrainsWithThem()
    {
        auto w = rs::test::studioWindow(m_cache);
        rs::test::prepareRun(*w, m_images, 30);
        QSignalSpy ended(w->session(), &rs::Session::trainingEnded);
        QSignalSpy modified(w->session(), &rs::Session::modified);
        QTest::mouseClick(child<QToolButton>(w.get(), "findSettingsButton"), Qt::LeftButton);
        QVERIFY(w->session()->isTraining());
        QVERIFY(!child<QAction>(w.get(), "actionFindSettings")->isEnabled());
        QVERIFY(ended.wait(kRunTimeoutMs));
        const std::shared_ptr<const rs::TrainedModel> model = w->session()->model();
        QVERIFY2(model && model->run().tuning, qPrintable(child<QLabel>(w.get(), "phaseLabel")->text()));
        const rs::Tuning &tuning = *model->run().tuning;

        auto *table = child<rs::TrialTable>(w.get(), "trialTable");
        QVERIFY(!table->isHidden());
        QCOMPARE(std::size_t(table->rowCount()), tuning.trials.size());
        QVERIFY(table->verticalHeaderItem(tuning.best)->text().endsWith(QStringLiteral("(chosen)")));
        QCOMPARE(table->selectionModel()->selectedRows().size(), 1);

        const QJsonObject chosen = rs::toJson(tuning.bestOptions());
        QCOMPARE(rs::toJson(model->run().options.training), chosen);
        QCOMPARE(rs::toJson(w->session()->project().training), chosen);
        QJsonObject shown = rs::toJson(child<rs::SettingsPage>(w.get(), "")->settings().training);
        shown.remove(QStringLiteral("eval_interval")); // the page derives it from the length
        QJsonObject chosenSettings = chosen;
        chosenSettings.remove(QStringLiteral("eval_interval"));
        QCOMPARE(shown, chosenSettings);
        QCOMPARE(child<QSpinBox>(w.get(), "steps")->value(), tuning.bestOptions().steps);
        QVERIFY(!modified.isEmpty());
        QVERIFY(child<QAction>(w.get(), "actionFindSettings")->isEnabled());
    }

    // From the Settings page: the sweep runs as a job, its curve and suggestion appear, and
    // "Use" makes the suggestion the base rate.
    void findsALearningRateFromTheSettings()
    {
        auto w = rs::test::studioWindow(m_cache);
        rs::test::prepareRun(*w, m_images, 30);
        auto *button = child<QToolButton>(w.get(), "findRateButton");
        QVERIFY(!button->isHidden());
        QSignalSpy found(w->session(), &rs::Session::learningRateFound);
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(w->session()->isTraining());
        QVERIFY(!button->isEnabled());
        QVERIFY(found.wait(kRunTimeoutMs));
        const auto sweep = found.takeFirst().at(0).value<rs::LearningRateSweep>();
        QVERIFY(sweep.suggested > 0);

        auto *dialog = child<rs::RateFinderDialog>(w.get(), "rateFinder");
        QTRY_VERIFY(dialog->isVisible());
        QCOMPARE(child<QTabWidget>(w.get(), "pages")->currentWidget(), child<rs::SettingsPage>(w.get(), ""));
        auto *plot = child<QCustomPlot>(dialog, "rateSweepPlot");
        QCOMPARE(std::size_t(plot->graph(0)->dataCount()), sweep.probes.size());
        QVERIFY(child<QLabel>(dialog, "rateSummary")->text().contains(QString::number(dialog->suggestedRate())));
        QTest::mouseClick(child<QPushButton>(dialog, "useRateButton"), Qt::LeftButton);
        QTRY_VERIFY(!dialog->isVisible());
        QCOMPARE(child<QDoubleSpinBox>(w.get(), "baseRate")->value(), dialog->suggestedRate());
        QVERIFY(child<QDoubleSpinBox>(w.get(), "minRate")->value() <= dialog->suggestedRate());
        QCOMPARE(w->session()->settings().training.schedule.base, dialog->suggestedRate());
        QVERIFY(button->isEnabled());
    }

    void fineTunesFromTheSettings()
    {
        auto w = rs::test::studioWindow(m_cache);
        rs::test::prepareRun(*w, m_images, 3);
        auto *fineTune = child<QComboBox>(w.get(), "fineTuneFrom");
        fineTune->setCurrentIndex(fineTune->findData(QStringLiteral("Mixed_7b")));
        QSignalSpy ended(w->session(), &rs::Session::trainingEnded);
        child<QAction>(w.get(), "actionStart")->trigger();
        QVERIFY(ended.wait(kRunTimeoutMs));
        QVERIFY2(w->session()->model() && w->session()->model()->run().tunedBackbone, qPrintable(child<QLabel>(w.get(), "phaseLabel")->text()));

        auto *predict = child<rs::PredictPage>(w.get(), "");
        QSignalSpy predicted(predict, &rs::PredictPage::predicted);
        predict->predict({m_images + QStringLiteral("/green/img1.png")});
        QVERIFY(predicted.wait(60000));
        QCOMPARE(predict->findChildren<QFrame *>(QStringLiteral("predictionCard")).size(), 1);
    }
};

QTEST_MAIN(TestFindSettings)
#include "test_findsettings.moc"
