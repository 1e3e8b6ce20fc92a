// retrain-cli train killed with SIGKILL at random moments, during feature extraction and
// during training, then started again each time: nothing it leaves may be corrupt, and the
// run that finally completes must equal one that was never interrupted.

#include "data/sampledata.h"
#include "export/modelexport.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

class TestCrashSafety : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        rs::writeFashionMnistSamples(path(QStringLiteral("data")), 12);
    }

    void survivesKillsAndFinishesAsIfUninterrupted()
    {
        QRandomGenerator random(20261128);
        int duringExtraction = 0, duringTraining = 0;
        const QStringList resumed = arguments(QStringLiteral("chain"));
        QStringList outputs; // each process's, in order
        for (int kill = 0; kill < kKills; ++kill) {
            QProcess process;
            process.setProcessChannelMode(QProcess::MergedChannels);
            process.start(rs::test::cliPath(), resumed);
            QVERIFY(process.waitForStarted());
            // Kills follow the run's own progress, not the clock, so a slow machine (or a
            // sanitized build) kills in the same phases: the first two while features are
            // computed, the others while training, a random moment after each has begun.
            const bool extracting = kill < 2;
            QString output;
            // "features 12/120 …" is extraction's progress line, "step   200/10000 …" training's
            // (right-aligned: a single space matched only the last step's line, so these kills
            // fell after training, during the export).
            const QRegularExpression phase(extracting ? QStringLiteral("features \\d+/") : QStringLiteral("step +\\d+/"));
            if (!waitFor(process, phase, output) || process.waitForFinished(int(random.bounded(extracting ? 200 : 1500)))) {
                outputs << output + QString::fromUtf8(process.readAll());
                break; // finished first: the chain is complete
            }
            process.kill(); // SIGKILL: no handler runs, as in a crash or power loss
            QVERIFY(process.waitForFinished(10000));
            output += QString::fromUtf8(process.readAll());
            (output.contains(QRegularExpression(QStringLiteral("step +\\d+/"))) ? duringTraining : duringExtraction) += 1;
            outputs << output;
            checkNothingIsCorrupt();
        }
        const rs::test::CliRun last = rs::test::runCli(resumed);
        QVERIFY2(last.exitCode == 0, qPrintable(last.err));
        outputs << last.out + last.err;
        checkEachRunCarriedOnFromTheCheckpoint(outputs);
        qInfo("%d kills survived: %d during extraction, %d during training", duringExtraction + duringTraining,
              duringExtraction, duringTraining);
        QVERIFY(duringExtraction > 0);
        QVERIFY(duringTraining > 0);

        // Every cached entry is whole: a clean run reads all of them and repairs none.
        const rs::test::CliRun reference = rs::test::runCli(arguments(QStringLiteral("reference")));
        const QString output = reference.out + reference.err;
        QVERIFY2(reference.exitCode == 0, qPrintable(output));
        QVERIFY2(output.contains(QStringLiteral("features: 120 from the cache, 0 computed")), qPrintable(output));
        QVERIFY(!output.contains(QStringLiteral("damaged")));

        // The interrupted chain trained exactly as the uninterrupted run.
        const QJsonObject chain = report(QStringLiteral("chain"));
        const QJsonObject clean = report(QStringLiteral("reference"));
        QCOMPARE(chain.value(QStringLiteral("test")), clean.value(QStringLiteral("test")));
        QCOMPARE(chain[QStringLiteral("training")][QStringLiteral("curve")], clean[QStringLiteral("training")][QStringLiteral("curve")]);
        QCOMPARE(rs::loadExportedModel(path(QStringLiteral("chain-model"))).classes.size(), 10);
    }

private:
    static constexpr int kKills = 8;
    static constexpr int kCheckpointInterval = 200;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    QStringList arguments(const QString &name) const
    {
        return {QStringLiteral("train"), QStringLiteral("--random-weights"), QStringLiteral("0"),
                QStringLiteral("--bottleneck-dir"), path(QStringLiteral("cache")),
                QStringLiteral("--steps"), QStringLiteral("10000"), QStringLiteral("--hidden-units"), QStringLiteral("64"),
                QStringLiteral("--checkpoint"), path(name + QStringLiteral(".ckpt")), QStringLiteral("--checkpoint_interval"),
                QString::number(kCheckpointInterval), QStringLiteral("--resume"), QStringLiteral("--export"), path(name + QStringLiteral("-model")),
                QStringLiteral("--report"), path(name + QStringLiteral(".json")), path(QStringLiteral("data"))};
    }

    // Reads the process's output until it holds `text`; false if the process ends first.
    static bool waitFor(QProcess &process, const QRegularExpression &text, QString &output)
    {
        while (!output.contains(text)) {
            if (process.state() == QProcess::NotRunning)
                return false;
            process.waitForReadyRead(100);
            output += QString::fromUtf8(process.readAll());
        }
        return true;
    }

    QJsonObject report(const QString &name) const
    {
        return QJsonDocument::fromJson(rs::test::readAll(path(name + QStringLiteral(".json")))).object();
    }

    // A restarted run must carry on from the checkpoint the killed one wrote last (every 200
    // steps, just after the step's progress line), not start again: restarting from step 0
    // would end with the same weights and hide an ignored --resume.
    void checkEachRunCarriedOnFromTheCheckpoint(const QStringList &outputs)
    {
        static const QRegularExpression stepLine(QStringLiteral("^step +(\\d+)/"), QRegularExpression::MultilineOption);
        static const QRegularExpression resumedLine(QStringLiteral("^resumed from (.+) at step (\\d+)$"),
                                                    QRegularExpression::MultilineOption);
        int resumes = 0;
        for (int i = 1; i < outputs.size(); ++i) {
            int lastStep = 0; // the furthest the previous run got
            for (auto it = stepLine.globalMatch(outputs[i - 1]); it.hasNext();)
                lastStep = std::max(lastStep, it.next().captured(1).toInt());
            const QRegularExpressionMatch match = resumedLine.match(outputs[i]);
            const int checkpoint = lastStep / kCheckpointInterval * kCheckpointInterval;
            if (checkpoint < 2 * kCheckpointInterval && !match.hasMatch())
                continue; // killed before its first checkpoint, or between a step's line and its checkpoint
            QVERIFY2(match.hasMatch(), qPrintable(QStringLiteral("run %1 started afresh after a run that reached step %2:\n%3")
                                                      .arg(i).arg(lastStep).arg(outputs[i].left(2000))));
            QCOMPARE(match.captured(1), path(QStringLiteral("chain.ckpt")));
            const int from = match.captured(2).toInt();
            QVERIFY2(from == checkpoint || from == checkpoint - kCheckpointInterval,
                     qPrintable(QStringLiteral("resumed at step %1 after a run that reached step %2").arg(from).arg(lastStep)));
            ++resumes;
        }
        QVERIFY(resumes > 0);
    }

    // What a kill may leave: no file half-written under its final name (atomic writes leave
    // only stray temporaries), and an export folder only when it is whole.
    void checkNothingIsCorrupt()
    {
        const QString model = path(QStringLiteral("chain-model"));
        if (QFile::exists(model + QStringLiteral("/manifest.json")))
            QCOMPARE(rs::loadExportedModel(model).classes.size(), 10);
        const QString ckpt = path(QStringLiteral("chain.ckpt"));
        if (QFile::exists(ckpt))
            QVERIFY(QFileInfo(ckpt).size() > 0);
        const QString json = path(QStringLiteral("chain.json"));
        if (QFile::exists(json))
            QVERIFY(!QJsonDocument::fromJson(rs::test::readAll(json)).isNull());
    }

    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "test_crashsafety.moc"
