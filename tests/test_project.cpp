// Project files: a save and open round trip (fixes included, in the order made), relative
// folders and images, and refusals that name the file.

#include "project/project.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

namespace {

rs::RunSummary summary()
{
    const QStringList classes{QStringLiteral("cats"), QStringLiteral("dogs")};
    const rs::Evaluation evaluation = rs::evaluate(rs::FeatureMatrix{2, 2, {0.9f, 0.1f, 0.6f, 0.4f}}, {0, 1},
                                                   {QStringLiteral("/a.jpg"), QStringLiteral("/b.jpg")});
    rs::TrainingPoint point{100, 200, 0.05, 0.7, 0.5, std::nan(""), std::nan("")};
    QJsonArray classesJson;
    for (const QString &c : classes)
        classesJson.append(QJsonObject{{QStringLiteral("name"), c}});
    QJsonArray curve{QJsonObject{{QStringLiteral("step"), point.step}, {QStringLiteral("total_steps"), point.totalSteps},
                                 {QStringLiteral("learning_rate"), point.learningRate},
                                 {QStringLiteral("train_loss"), point.trainLoss}}};
    return rs::RunSummary::fromReport(
        QJsonObject{{QStringLiteral("classes"), classesJson},
                    {QStringLiteral("training"), QJsonObject{{QStringLiteral("curve"), curve}}},
                    {QStringLiteral("test"), rs::toJson(evaluation, classes)}});
}

} // namespace

class TestProject : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip()
    {
        QTemporaryDir dir;
        rs::Project project;
        project.sources.classes = {{QStringLiteral("cats"), {dir.filePath(QStringLiteral("images/cats"))}, true, {}},
                                   {QStringLiteral("hunde"), {dir.filePath(QStringLiteral("images/dogs"))}, false, {}}};
        project.split = {15, 5, rs::SplitKey::RetrainPy};
        project.layer = QStringLiteral("Mixed_6e");
        project.training.steps = 1234;
        project.training.batchSize = 0;
        project.training.schedule.kind = rs::LearningRateSchedule::Kind::Cosine;
        project.training.optimizer = rs::TrainingOptions::Optimizer::Adam;
        project.training.seed = 18446744073709551615ull;
        project.epochs = 2.5;
        project.augmentation.copies = 3;
        project.augmentation.flipLeftRight = true;
        project.augmentation.scalePercent = 15;
        project.fineTuning.fromBlock = QStringLiteral("Mixed_7a");
        project.fineTuning.backboneRateMultiplier = 0.05;
        project.fineTuning.backboneRateDecay = 0.8;
        project.fineTuning.updateBatchNormStatistics = true;
        project.lastRun = summary();
        const QString cat = dir.filePath(QStringLiteral("images/cats/1.jpg"));
        project.fixes.add({cat, rs::ImageFix::Kind::Relabel, QStringLiteral("hunde")});
        project.fixes.add({dir.filePath(QStringLiteral("images/dogs/2.jpg")), rs::ImageFix::Kind::Exclude, {}});
        project.fixes.add({cat, rs::ImageFix::Kind::Reviewed, {}});
        const QString path = dir.filePath(QStringLiteral("work.rsproject"));
        rs::saveProject(path, project);

        // Moved together with its images, the project still finds them.
        const QString moved = dir.filePath(QStringLiteral("moved"));
        QVERIFY(QDir().mkpath(moved));
        QVERIFY(QFile::copy(path, moved + QStringLiteral("/work.rsproject")));
        const rs::Project back = rs::loadProject(moved + QStringLiteral("/work.rsproject"));
        QCOMPARE(back.sources.classes.size(), std::size_t(2));
        QCOMPARE(back.sources.classes[1].name, QStringLiteral("hunde"));
        QCOMPARE(back.sources.classes[1].included, false);
        QCOMPARE(back.sources.classes[0].folders, QStringList{moved + QStringLiteral("/images/cats")});
        QCOMPARE(back.split.validationPercent, 15.0);
        QCOMPARE(back.split.key, rs::SplitKey::RetrainPy);
        QCOMPARE(back.layer, QStringLiteral("Mixed_6e"));
        QCOMPARE(back.training.steps, 1234);
        QCOMPARE(back.training.batchSize, 0);
        QCOMPARE(back.training.schedule.kind, rs::LearningRateSchedule::Kind::Cosine);
        QCOMPARE(back.training.optimizer, rs::TrainingOptions::Optimizer::Adam);
        QCOMPARE(back.training.seed, 18446744073709551615ull);
        QCOMPARE(back.epochs, 2.5);
        QCOMPARE(back.augmentation.copies, 3);
        QVERIFY(back.augmentation.flipLeftRight);
        QCOMPARE(back.augmentation.scalePercent, 15.0);
        QCOMPARE(back.fineTuning.fromBlock, QStringLiteral("Mixed_7a"));
        QCOMPARE(back.fineTuning.backboneRateMultiplier, 0.05);
        QCOMPARE(back.fineTuning.backboneRateDecay, 0.8);
        QVERIFY(back.fineTuning.updateBatchNormStatistics);
        QVERIFY(back.lastRun);
        QCOMPARE(back.lastRun->curve.size(), std::size_t(1));
        QCOMPARE(back.lastRun->curve[0].learningRate, 0.05);
        QVERIFY(std::isnan(back.lastRun->curve[0].validationLoss));
        QCOMPARE(back.lastRun->evaluation.confusion, (std::vector<std::vector<int>>{{1, 0}, {1, 0}}));

        const std::vector<rs::ImageFix> &fixes = back.fixes.history();
        QCOMPARE(fixes.size(), std::size_t(3));
        QCOMPARE(fixes[0].path, moved + QStringLiteral("/images/cats/1.jpg"));
        QCOMPARE(fixes[0].kind, rs::ImageFix::Kind::Relabel);
        QCOMPARE(fixes[0].className, QStringLiteral("hunde"));
        QCOMPARE(fixes[1].path, moved + QStringLiteral("/images/dogs/2.jpg"));
        QCOMPARE(fixes[1].kind, rs::ImageFix::Kind::Exclude);
        QCOMPARE(fixes[2].kind, rs::ImageFix::Kind::Reviewed);
        // Undo after reopening takes back the latest fix: the relabel counts again.
        rs::ImageFixes reopened = back.fixes;
        QVERIFY(reopened.undo());
        QCOMPARE(reopened.find(fixes[0].path)->kind, rs::ImageFix::Kind::Relabel);
    }

    void refusesWhatIsNotAProject_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("reason");
        QTest::newRow("not json") << QByteArray("{\"format\": ") << QStringLiteral("not JSON");
        QTest::newRow("other json") << QByteArray("{\"a\": 1}") << QStringLiteral("not a Retrain Studio project");
        QTest::newRow("newer") << QByteArray(R"({"format": "retrain-studio-project", "version": 99})")
                               << QStringLiteral("newer Retrain Studio");
        QTest::newRow("bad schedule")
            << QByteArray(R"({"format": "retrain-studio-project", "version": 1, "training": {"schedule": "zigzag"}})")
            << QStringLiteral("unknown learning rate schedule 'zigzag'");
        QTest::newRow("bad fix")
            << QByteArray(R"({"format": "retrain-studio-project", "version": 1, "fixes": [{"path": "a.jpg", "fix": "delete"}]})")
            << QStringLiteral("the fix of 'a.jpg' is 'delete'; expected relabel, exclude or reviewed");
        QTest::newRow("relabel to nothing")
            << QByteArray(R"({"format": "retrain-studio-project", "version": 1, "fixes": [{"path": "a.jpg", "fix": "relabel"}]})")
            << QStringLiteral("'a.jpg' is relabelled to no class");
    }

    void refusesWhatIsNotAProject()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.rsproject"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();
        try {
            rs::loadProject(path);
            QFAIL("accepted");
        } catch (const std::runtime_error &e) {
            const QString message = QString::fromStdString(e.what());
            QVERIFY2(message.startsWith(QDir::toNativeSeparators(path)) && message.contains(reason), qPrintable(message));
        }
    }
};

QTEST_GUILESS_MAIN(TestProject)
#include "test_project.moc"
