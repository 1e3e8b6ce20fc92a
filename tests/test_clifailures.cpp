// What retrain-cli does when something throws that no command expects: LibTorch's c10::Error,
// std::bad_alloc. A memory limit from outside (RLIMIT_DATA, as `ulimit -d` sets it) makes a
// large hidden layer's allocation fail inside training: the command must end with exit status
// 1 and one line naming what failed, never with an abort and a core dump.
//
// Not run under AddressSanitizer (tools/sanitize.sh leaves it out): its shadow memory alone
// exceeds any such limit, and its allocator aborts on a failed allocation by design.

#include "data/sampledata.h"
#include "testsupport.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>

class TestCliFailures : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        rs::writeFashionMnistSamples(m_dir.filePath(QStringLiteral("data")), 3);
    }

    void outOfMemoryEndsInOneLine_data()
    {
        QTest::addColumn<int>("limitMiB");
        // The process needs ~550 MiB before training; the head asks for 512 MiB at a time.
        QTest::newRow("1 GiB") << 1024;
        QTest::newRow("1.5 GiB") << 1536;
    }

    void outOfMemoryEndsInOneLine()
    {
        QFETCH(int, limitMiB);
        QProcess process;
        const rlim_t limit = rlim_t(limitMiB) << 20;
        process.setChildProcessModifier([limit] {
            const rlimit data{limit, limit};
            ::setrlimit(RLIMIT_DATA, &data);
        });
        process.start(rs::test::cliPath(),
                      {QStringLiteral("train"), QStringLiteral("--random-weights"), QStringLiteral("0"),
                       QStringLiteral("--bottleneck-dir"), m_dir.filePath(QStringLiteral("cache")),
                       QStringLiteral("--steps"), QStringLiteral("2"), QStringLiteral("--hidden-units"), QStringLiteral("65536"),
                       QStringLiteral("--optimizer"), QStringLiteral("adam"), QStringLiteral("--learning_rate"), QStringLiteral("0.001"),
                       QStringLiteral("--min-learning-rate"), QStringLiteral("0.0001"), m_dir.filePath(QStringLiteral("data"))});
        QVERIFY(process.waitForFinished(300000));
        const QString err = QString::fromUtf8(process.readAllStandardError());
        QVERIFY2(process.exitStatus() == QProcess::NormalExit, qPrintable(QStringLiteral("crashed:\n") + err));
        QCOMPARE(process.exitCode(), 1);
        const QStringList lines = err.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        const QStringList failures = lines.filter(QStringLiteral("retrain-cli: train: "));
        QCOMPARE(failures.size(), 1);
        QCOMPARE(lines.last(), failures.first()); // the last line, with no backtrace after it
        QVERIFY2(failures.first().contains(QStringLiteral("can't allocate memory")), qPrintable(failures.first()));
        // Extraction had finished: the failure is the training's, not the start-up's.
        QVERIFY2(err.contains(QStringLiteral("features 30/30")), qPrintable(err));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestCliFailures)
#include "test_clifailures.moc"
