// The widget-free Session: runs through the one job mechanism, keeps each run's model as it
// was made, and decides the weights as retrain-cli does.

#include "data/dataset.h"
#include "export/prediction.h"
#include "guitestsupport.h"
#include "session.h"
#include "testsupport.h"
#include "training/settingrules.h"

#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

constexpr int kRunTimeoutMs = 300000;

std::vector<std::pair<int, double>> flatten(const rs::TopClassPredictions &predictions)
{
    std::vector<std::pair<int, double>> out;
    for (const rs::ImageTopClasses &image : predictions.images)
        out.insert(out.end(), image.top.begin(), image.top.end());
    return out;
}

} // namespace

class TestSession : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_images;

    std::shared_ptr<const rs::TrainedModel> train(rs::Session &session, rs::Precision precision)
    {
        session.setPrecision(precision);
        QSignalSpy ended(&session, &rs::Session::trainingEnded);
        session.startTraining();
        if (!session.isTraining())
            qFatal("the run did not start");
        if (!ended.wait(kRunTimeoutMs))
            qFatal("the run did not end");
        return session.model();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_images = m_dir.filePath(QStringLiteral("images"));
        rs::test::writeClassImages(m_images, {QStringLiteral("red"), QStringLiteral("green")}, 12);
    }

    // The old window changed the precision of the backbone the previous run's predictor used.
    void aRunInAnotherPrecisionLeavesTheFirstModelAsItWas()
    {
        rs::Session session({m_dir.filePath(QStringLiteral("cache")), m_dir.filePath(QStringLiteral("data"))});
        rs::Project project;
        project.sources = rs::findClasses({m_images});
        project.split = {20, 20};
        project.training.steps = 20;
        // Small steps: probabilities that saturate at 0 and 1 would hide the difference.
        project.training.schedule.base = 0.001;
        project.training.schedule.minimum = 0.0001;
        session.loadProject(project);
        session.setWeights(rs::WeightsSource::random(3));

        const std::shared_ptr<const rs::TrainedModel> first = train(session, rs::Precision::Float32);
        QVERIFY(first);
        QCOMPARE(first->precision(), rs::Precision::Float32);
        const QStringList images{m_images + QStringLiteral("/red/img0.png"), m_images + QStringLiteral("/green/img1.png")};
        const auto before = flatten(rs::predictTopClasses(*first, images, 2));

        const std::shared_ptr<const rs::TrainedModel> second = train(session, rs::Precision::BFloat16);
        QVERIFY(second && second != first);
        QCOMPARE(second->precision(), rs::Precision::BFloat16);
        // The weights were loaded once and are shared; each model computes in its own precision.
        QCOMPARE(&second->base(), &first->base());
        QCOMPARE(flatten(rs::predictTopClasses(*first, images, 2)), before);
        QVERIFY(flatten(rs::predictTopClasses(*second, images, 2)) != before);
    }

    // Int8 computes its own features (the cache keys them apart from float32's, computed
    // first) and predicts in float.
    void anInt8RunPredictsInFloat()
    {
#ifdef __SANITIZE_ADDRESS__
        // Under AddressSanitizer, oneDNN's JIT code here shares a page with the sanitizer's heap
        // chunks and making it executable makes a neighbour's write fault (SEGV_ACCERR inside
        // dnnl_primitive_create); the plain suite runs this. Same cause:
        // openvinotoolkit/openvino#34908.
        QSKIP("oneDNN's JIT buffers and AddressSanitizer's heap share pages (see the comment)");
#endif
        rs::Session session({m_dir.filePath(QStringLiteral("cache-int8")), m_dir.filePath(QStringLiteral("data-int8"))});
        rs::Project project;
        project.sources = rs::findClasses({m_images});
        project.split = {20, 20};
        project.training.steps = 20;
        session.loadProject(project);
        session.setWeights(rs::WeightsSource::random(3));
        const std::shared_ptr<const rs::TrainedModel> fp32 = train(session, rs::Precision::Float32);
        QVERIFY(fp32);
        const std::shared_ptr<const rs::TrainedModel> int8 = train(session, rs::Precision::Int8);
        QVERIFY(int8);
        QCOMPARE(int8->precision(), rs::Precision::Int8);
        QCOMPARE(int8->run().computed, int(int8->run().dataset.images.size()));
        QCOMPARE(int8->report()[QStringLiteral("extraction")][QStringLiteral("precision")].toString(), QStringLiteral("int8"));
        const QStringList images{m_images + QStringLiteral("/red/img0.png"), m_images + QStringLiteral("/green/img1.png")};
        QCOMPARE(flatten(rs::predictTopClasses(*int8, images, 2)).size(), std::size_t(4));
    }

    void stoppedRunKeepsThePreviousModel()
    {
        rs::Session session({m_dir.filePath(QStringLiteral("cache")), m_dir.filePath(QStringLiteral("data-stop"))});
        rs::Project project;
        project.sources = rs::findClasses({m_images});
        project.training.steps = 10;
        session.loadProject(project);
        session.setWeights(rs::WeightsSource::random(3));
        const std::shared_ptr<const rs::TrainedModel> first = train(session, rs::Precision::Float32);
        QVERIFY(first);

        rs::RunSettings endless = session.settings();
        endless.training.steps = 50000000;
        session.setSettings(endless);
        QSignalSpy ended(&session, &rs::Session::trainingEnded);
        QSignalSpy modelChanged(&session, &rs::Session::modelChanged);
        session.startTraining();
        QTest::qWait(300);
        session.stopTraining();
        QVERIFY(ended.wait(kRunTimeoutMs));
        QVERIFY(ended.first().first().toString().startsWith(QStringLiteral("Stopped. The previous run's results are kept.")));
        QCOMPARE(session.model(), first);
        QCOMPARE(modelChanged.count(), 0);
    }

    void startProblemsComeFromCoresRules()
    {
        rs::Session session({m_dir.filePath(QStringLiteral("cache")), m_dir.filePath(QStringLiteral("data-rules"))});
        QCOMPARE(session.startProblem(),
                 QStringLiteral("Training needs at least two classes with images. Drop folders on the Dataset page."));
        session.setDatasetState(false, 2);
        QCOMPARE(session.startProblem(), QString());
        rs::Project project;
        project.split = {60, 40};
        session.loadProject(project);
        rs::TrainingRunOptions options;
        options.split = project.split;
        const std::vector<rs::SettingProblem> problems = rs::checkRunOptions(options);
        QVERIFY(!problems.empty());
        QCOMPARE(session.startProblem(), problems.front().message);
    }

    // The same conflicting flags, the same refusal in the same words from both programs.
    void conflictingWeightsFlagsAreRefusedAsByTheCli()
    {
        QString expected;
        try {
            rs::WeightsSource::fromFlags(QStringLiteral("w.pth"), QStringLiteral("1"));
            QFAIL("both weights flags were accepted");
        } catch (const std::invalid_argument &e) {
            expected = QString::fromUtf8(e.what());
        }
        QProcess studio;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        studio.setProcessEnvironment(environment);
        studio.start(QStringLiteral(RS_STUDIO_PATH),
                     {QStringLiteral("--weights"), QStringLiteral("w.pth"), QStringLiteral("--random-weights"), QStringLiteral("1")});
        QVERIFY(studio.waitForFinished(60000));
        QCOMPARE(studio.exitCode(), 2);
        // Qt may warn first (no XDG_RUNTIME_DIR); the refusal is the last line.
        QCOMPARE(QString::fromUtf8(studio.readAllStandardError()).trimmed().split(QLatin1Char('\n')).last(),
                 QStringLiteral("retrain-studio: ") + expected);

        const rs::test::CliRun cli = rs::test::runCli({QStringLiteral("features"), QStringLiteral("--weights"), QStringLiteral("w.pth"),
                                                       QStringLiteral("--random-weights"), QStringLiteral("1"),
                                                       QStringLiteral("--out"), m_dir.filePath(QStringLiteral("f.npy")), m_images});
        QCOMPARE(cli.exitCode, 2);
        QCOMPARE(cli.err.trimmed(), QStringLiteral("retrain-cli: features: ") + expected);
    }
};

QTEST_MAIN(TestSession)
#include "test_session.moc"
