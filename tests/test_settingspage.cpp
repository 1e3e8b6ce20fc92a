// The settings page: every field explains itself, steps and epochs show each other, the
// learning-rate preview follows the schedule, impossible combinations are refused by name.

#include "customplot.h"
#include "fieldproblems.h"
#include "guitestsupport.h"
#include "settingspage.h"
#include "testsupport.h"
#include "training/settingrules.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using rs::test::child;

class TestSettingsPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyFieldHasATooltip()
    {
        rs::SettingsPage page;
        for (const char *name : {"steps", "epochs", "lengthUnit", "batchSize", "fullBatch", "baseRate", "minRate", "schedule",
                                 "optimizer", "momentum", "hiddenUnits", "dropout", "classBalance", "seed", "featureLayer", "augmentedCopies", "flipLeftRight", "randomCrop", "randomScale", "randomBrightness",
                                 "weightsFile", "precision", "ratePreview"})
            QVERIFY2(child<QWidget>(&page, name)->toolTip().size() > 30, name);
    }

    void defaultsAreTheClassicRecipe()
    {
        rs::SettingsPage page;
        const rs::TrainingOptions t = page.options();
        QCOMPARE(t.steps, 10000);
        QCOMPARE(t.batchSize, 100);
        QCOMPARE(t.schedule.kind, rs::LearningRateSchedule::Kind::Exponential);
        QCOMPARE(t.schedule.base, 0.1);
        QCOMPARE(t.schedule.minimum, 0.001);
        QCOMPARE(page.epochs(), 0.0);
        QCOMPARE(page.layer(), QStringLiteral("bottleneck"));
        for (const char *error : {"rateError", "momentumError", "layerError"})
            QVERIFY2(child<QLabel>(&page, error)->text().isEmpty(), error);
    }

    void stepsAndEpochsShowEachOther()
    {
        rs::SettingsPage page;
        page.setTrainingImages(400);
        child<QSpinBox>(&page, "steps")->setValue(1000);
        // 1000 steps of 100 images over 400 images: 250 passes.
        QCOMPARE(child<QLabel>(&page, "otherUnit")->text(), QStringLiteral("≈ 250.0 epochs (training images: 400)"));
        child<QComboBox>(&page, "lengthUnit")->setCurrentIndex(1);
        child<QDoubleSpinBox>(&page, "epochs")->setValue(2.5);
        QCOMPARE(page.epochs(), 2.5);
        QCOMPARE(page.options().steps, 10); // 2.5 * 400 / 100
        QCOMPARE(child<QLabel>(&page, "otherUnit")->text(), QStringLiteral("= steps: 10"));
    }

    void previewFollowsTheSchedule()
    {
        rs::SettingsPage page;
        auto *preview = child<QCustomPlot>(&page, "ratePreview");
        auto *schedule = child<QComboBox>(&page, "schedule");
        schedule->setCurrentIndex(schedule->findData(QStringLiteral("geometric")));
        const QCPGraphDataContainer &data = *preview->graph(0)->data();
        QCOMPARE(data.at(0)->value, 0.1);
        QVERIFY(qAbs(data.at(data.size() - 1)->value - 0.001) < 1e-12); // geometric reaches the minimum
        schedule->setCurrentIndex(schedule->findData(QStringLiteral("constant")));
        QCOMPARE(preview->graph(0)->data()->at(preview->graph(0)->data()->size() - 1)->value, 0.1);
    }

    // Core's rules, shown beside the field they concern, in the words retrain-cli prints for
    // the same mistake.
    void refusesImpossibleCombinationsAsTheCliDoes_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("label");
        QTest::addColumn<QStringList>("cliArguments");
        QTest::newRow("minimum rate above the base rate")
            << "minRate" << "rateError" << QStringList{QStringLiteral("--min-learning-rate"), QStringLiteral("0.5")};
        QTest::newRow("momentum with Adam")
            << "momentum" << "momentumError"
            << QStringList{QStringLiteral("--optimizer"), QStringLiteral("adam"), QStringLiteral("--momentum"), QStringLiteral("0.9")};
        QTest::newRow("fine-tuning off the bottleneck")
            << "featureLayer" << "layerError"
            << QStringList{QStringLiteral("--fine-tune-from"), QStringLiteral("Mixed_7b"), QStringLiteral("--layer"),
                           QStringLiteral("Mixed_6e")};
    }

    void refusesImpossibleCombinationsAsTheCliDoes()
    {
        QFETCH(QString, field);
        QFETCH(QString, label);
        QFETCH(QStringList, cliArguments);
        rs::SettingsPage page;
        auto *error = child<QLabel>(&page, label.toUtf8().constData());
        if (field == QLatin1String("minRate")) {
            child<QDoubleSpinBox>(&page, "minRate")->setValue(0.5);
        } else if (field == QLatin1String("momentum")) {
            child<QComboBox>(&page, "optimizer")->setCurrentIndex(1);
            child<QDoubleSpinBox>(&page, "momentum")->setValue(0.9);
        } else {
            auto *block = child<QComboBox>(&page, "fineTuneFrom");
            block->setCurrentIndex(block->findData(QStringLiteral("Mixed_7b")));
            child<QComboBox>(&page, "featureLayer")->setCurrentText(QStringLiteral("Mixed_6e"));
        }
        QVERIFY(!error->text().isEmpty());

        QTemporaryDir dir;
        for (const char *name : {"a", "b"})
            QVERIFY(QDir(dir.path()).mkpath(QString::fromLatin1(name)));
        const rs::test::CliRun run = rs::test::runCli(QStringList{QStringLiteral("train"), QStringLiteral("--random-weights"),
                                                                  QStringLiteral("0"), dir.path()}
                                                      + cliArguments);
        QCOMPARE(run.exitCode, 2);
        // The same words; beside the field they begin a sentence.
        const QString prefix = QStringLiteral("retrain-cli: train: ");
        QVERIFY2(run.err.startsWith(prefix), qPrintable(run.err));
        QCOMPARE(rs::FieldProblems::sentence(run.err.trimmed().mid(prefix.size())), error->text());

        // Undone, the message goes.
        if (field == QLatin1String("minRate"))
            child<QDoubleSpinBox>(&page, "minRate")->setValue(0.001);
        else if (field == QLatin1String("momentum"))
            child<QComboBox>(&page, "optimizer")->setCurrentIndex(0);
        else
            child<QComboBox>(&page, "featureLayer")->setCurrentText(QStringLiteral("bottleneck"));
        QVERIFY(error->text().isEmpty());
    }

    // The fields' ranges and defaults are core's table's, which retrain-cli's help prints.
    void rangesAndDefaultsComeFromCoresTable()
    {
        rs::SettingsPage page;
        const rs::SettingRule &rate = rs::ruleFor(rs::Setting::LearningRate);
        const auto *base = child<QDoubleSpinBox>(&page, "baseRate");
        QCOMPARE(base->minimum(), rate.minimum);
        QCOMPARE(base->maximum(), rate.maximum);
        QCOMPARE(base->value(), rate.defaultValue);
        QCOMPARE(child<QSpinBox>(&page, "steps")->minimum(), int(rs::ruleFor(rs::Setting::Steps).minimum));
        QCOMPARE(child<QDoubleSpinBox>(&page, "momentum")->maximum(), rs::ruleFor(rs::Setting::Momentum).maximum);
        const QString help = rs::test::runCli({QStringLiteral("train"), QStringLiteral("--help")}).out.simplified();
        QVERIFY(help.contains(QStringLiteral("Base learning rate BLR (default %1)").arg(rs::defaultText(rs::Setting::LearningRate))));
        QVERIFY(help.contains(QStringLiteral("Training steps (default %1)").arg(rs::defaultText(rs::Setting::Steps))));
    }

    // Automatic by default, naming what it means on this computer; each choice reads back.
    void precisionChoice()
    {
        rs::SettingsPage page;
        QCOMPARE(page.precision(), rs::Precision::Auto);
        const auto *box = child<QComboBox>(&page, "precision");
        QVERIFY(box->currentText().contains(rs::precisionLabel(rs::resolvePrecision(rs::Precision::Auto))));
        for (rs::Precision p : {rs::Precision::BFloat16, rs::Precision::Int8, rs::Precision::Float32, rs::Precision::Auto}) {
            page.setPrecision(p);
            QCOMPARE(page.precision(), p);
        }
        QVERIFY(rs::int8Available()); // Debian's LibTorch has oneDNN's quantized engine
        QCOMPARE(box->count(), 4);
    }

    void augmentationRoundTrip()
    {
        rs::SettingsPage page;
        QVERIFY(!page.findChild<QCheckBox *>(QStringLiteral("flipLeftRight"))->isEnabled()); // no copies yet
        rs::Augmentation a;
        a.copies = 4;
        a.flipLeftRight = true;
        a.cropPercent = 10;
        a.brightnessPercent = 25;
        page.setAugmentation(a);
        QVERIFY(page.findChild<QCheckBox *>(QStringLiteral("flipLeftRight"))->isEnabled());
        const rs::Augmentation back = page.augmentation();
        QCOMPARE(back.copies, 4);
        QVERIFY(back.flipLeftRight);
        QCOMPARE(back.cropPercent, 10.0);
        QCOMPARE(back.scalePercent, 0.0);
        QCOMPARE(back.brightnessPercent, 25.0);
    }

    // The distortions drawn at every step apply to whole-network fine-tuning only, so their
    // fields are live with it alone; a project's settings come back as they went in.
    void liveAugmentationRoundTrip()
    {
        rs::SettingsPage page;
        auto *crop = page.findChild<QCheckBox *>(QStringLiteral("liveCrop"));
        QVERIFY(crop && !crop->isEnabled());
        rs::FineTuning f;
        f.fromBlock = QLatin1String(rs::FineTuning::kWholeNetwork);
        f.liveAugmentation.randomResizedCrop = false;
        f.liveAugmentation.brightnessPercent = 20;
        f.liveAugmentation.contrastPercent = 35;
        page.setFineTuning(f);
        QVERIFY(crop->isEnabled());
        QCOMPARE(page.fineTuning().liveAugmentation.toText(), QStringLiteral("flip,brightness=20,contrast=35"));
        page.findChild<QCheckBox *>(QStringLiteral("liveFlip"))->setChecked(false);
        page.findChild<QSpinBox *>(QStringLiteral("liveBrightness"))->setValue(0);
        page.findChild<QSpinBox *>(QStringLiteral("liveContrast"))->setValue(0);
        QCOMPARE(page.fineTuning().liveAugmentation.toText(), QStringLiteral("none"));
        f.fromBlock = QStringLiteral("Mixed_7b");
        page.setFineTuning(f);
        QVERIFY(!crop->isEnabled());
    }

    // The rate decay's range and default are core's; the field is live with fine-tuning alone and
    // a project's value comes back.
    void rateDecayFollowsFineTuning()
    {
        rs::SettingsPage page;
        const auto *decay = child<QDoubleSpinBox>(&page, "backboneRateDecay");
        const rs::SettingRule &rule = rs::ruleFor(rs::Setting::RateDecay);
        QCOMPARE(decay->minimum(), rule.minimum);
        QCOMPARE(decay->maximum(), rule.maximum);
        QCOMPARE(decay->value(), 1.0);
        QVERIFY(!decay->isEnabled());
        rs::FineTuning f;
        f.fromBlock = QStringLiteral("Mixed_7a");
        f.backboneRateDecay = 0.75;
        page.setFineTuning(f);
        QVERIFY(decay->isEnabled());
        QCOMPARE(page.fineTuning().backboneRateDecay, 0.75);
    }

    // Fine-tuning's default optimizer is Adam at lower rates (core's offerDefaultOptimizer):
    // the fields follow the choice while they hold a default, and keep a rate the user typed.
    void theOptimizerFollowsFineTuningWhileItIsADefault()
    {
        rs::SettingsPage page;
        auto *block = child<QComboBox>(&page, "fineTuneFrom");
        block->setCurrentIndex(block->findData(QStringLiteral("Mixed_7b")));
        QCOMPARE(page.options().optimizer, rs::TrainingOptions::Optimizer::Adam);
        QCOMPARE(page.options().schedule.base, rs::kFineTuningBaseRate);
        QCOMPARE(page.options().schedule.minimum, rs::kFineTuningMinimumRate);
        block->setCurrentIndex(block->findData(QStringLiteral("input")));
        QCOMPARE(page.options().schedule.base, rs::kFineTuningBaseRate);
        block->setCurrentIndex(0);
        const rs::TrainingOptions head;
        QCOMPARE(page.options().optimizer, head.optimizer);
        QCOMPARE(page.options().schedule.base, head.schedule.base);
        QCOMPARE(page.options().schedule.minimum, head.schedule.minimum);

        child<QDoubleSpinBox>(&page, "baseRate")->setValue(0.05);
        block->setCurrentIndex(block->findData(QStringLiteral("Mixed_7b")));
        QCOMPARE(page.options().optimizer, rs::TrainingOptions::Optimizer::Sgd);
        QCOMPARE(page.options().schedule.base, 0.05);
    }

    void optionsRoundTrip()
    {
        rs::SettingsPage page;
        rs::TrainingOptions t;
        t.steps = 777;
        t.batchSize = 0;
        t.schedule.kind = rs::LearningRateSchedule::Kind::Cosine;
        t.schedule.base = 0.02;
        t.optimizer = rs::TrainingOptions::Optimizer::Adam;
        t.hiddenUnits = 64;
        t.dropout = 0.25;
        t.seed = 99;
        t.balancedSampling = true;
        page.setOptions(t, 0, QStringLiteral("Mixed_6e"));
        const rs::TrainingOptions back = page.options();
        QCOMPARE(back.steps, 777);
        QCOMPARE(back.batchSize, 0);
        QCOMPARE(back.schedule.kind, rs::LearningRateSchedule::Kind::Cosine);
        QCOMPARE(back.schedule.base, 0.02);
        QCOMPARE(back.optimizer, rs::TrainingOptions::Optimizer::Adam);
        QCOMPARE(back.hiddenUnits, 64);
        QCOMPARE(back.dropout, 0.25);
        QCOMPARE(back.seed, std::uint64_t(99));
        QVERIFY(back.balancedSampling);
        t.balancedSampling = false;
        t.classWeights = true;
        page.setOptions(t, 0, {});
        QVERIFY(page.options().classWeights && !page.options().balancedSampling);
        QCOMPARE(page.layer(), QStringLiteral("Mixed_6e"));
        QVERIFY(!child<QSpinBox>(&page, "batchSize")->isEnabled());
    }
};

QTEST_MAIN(TestSettingsPage)
#include "test_settingspage.moc"
