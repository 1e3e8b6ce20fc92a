// retrain-cli train writing to a full disk and to a read-only one. Both are real file systems:
// a small tmpfs mounted in a mount namespace of the test's own, which ends with the test's
// shell, so nothing outside it changes and nothing needs unmounting.

#include "data/sampledata.h"
#include "fileserver.h"
#include "testsupport.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QCoreApplication>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <unistd.h>

namespace {

struct ShellRun
{
    int exitCode = -1;
    QString output;
};

} // namespace

class TestWriteFailures : public QObject
{
    Q_OBJECT

public:
    static constexpr int kSkipped = 77;
    static inline bool s_skipped = false;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        rs::writeFashionMnistSamples(path(QStringLiteral("data")), 4);
        QVERIFY(QDir().mkpath(path(QStringLiteral("out"))));
        // Root mounts in a namespace of its own; anyone else needs a user namespace for it.
        const QStringList candidates[] = {{QStringLiteral("--mount")},
                                          {QStringLiteral("--user"), QStringLiteral("--map-root-user"), QStringLiteral("--mount")}};
        for (const QStringList &unshare : candidates) {
            if (unshare.size() == 1 && ::geteuid() != 0)
                continue;
            m_unshare = unshare;
            if (inSmallDisk(QStringLiteral("size=64k"), QStringLiteral("touch \"$DISK/probe\"")).exitCode == 0)
                return;
        }
        // CI's machines can mount: there, not being able to is a failure, never a quiet pass.
        if (qEnvironmentVariableIsSet("CI"))
            QFAIL("cannot mount a small file system, though CI must: needs root or user namespaces (unshare --user --mount)");
        s_skipped = true;
        QSKIP("cannot mount a small file system here: needs root or user namespaces (unshare --user --mount)");
    }

    // The cache fills the disk mid-extraction: a clear error, and once there is room again
    // every entry written before is used, none damaged.
    void fullDiskWhileCachingKeepsWhatWasCached()
    {
        const QString cli = cliCall({QStringLiteral("--bottleneck-dir"), QStringLiteral("\"$DISK/cache\"")});
        const ShellRun run = inSmallDisk(QStringLiteral("size=48k"),
                                         cli + QStringLiteral(" > \"$OUT/first\" 2>&1; echo $? > \"$OUT/first-code\"\n"
                                                              "stat -c %s \"$DISK\"/cache/*/index.bin > \"$OUT/index-size\"\n"
                                                              "stat -c %s \"$DISK\"/cache/*/entries.bin > \"$OUT/entries-size\"\n"
                                                              "mount -o remount,size=16m \"$DISK\"\n")
                                             + cli + QStringLiteral(" > \"$OUT/second\" 2>&1"));
        const QString first = outFile(QStringLiteral("first"));
        QCOMPARE(outFile(QStringLiteral("first-code")).trimmed(), QStringLiteral("1"));
        // The images' signatures (cache/signatures/*) may be the first write to fail.
        QVERIFY2(first.contains(QRegularExpression(QStringLiteral("/cache/(signatures/)?\\w+/(entries|index)\\.bin: cannot write to the "
                                                                  "bottleneck cache: No space left on device"))),
                 qPrintable(first));
        const int cached = outFile(QStringLiteral("index-size")).trimmed().toInt() / 40;
        QVERIFY2(cached > 0 && cached < 40, qPrintable(QString::number(cached)));
        // The entry cut short by the full disk was cut off: the file ends with its last whole
        // entry (a 48-byte header, then 2048 float16 values).
        QCOMPARE(outFile(QStringLiteral("entries-size")).trimmed().toInt(), cached * (48 + 2048 * 2));

        const QString second = outFile(QStringLiteral("second"));
        QVERIFY2(run.exitCode == 0, qPrintable(second + run.output));
        QVERIFY2(second.contains(QStringLiteral("features: %1 from the cache, %2 computed").arg(cached).arg(40 - cached)),
                 qPrintable(second));
        QVERIFY(!second.contains(QStringLiteral("damaged")));
    }

    // The export fills the disk: a clear error, no half export or leftovers, and the
    // previous export in that folder untouched.
    void fullDiskWhileExportingKeepsThePreviousExport()
    {
        const QString cli = cliCall({QStringLiteral("--export"), QStringLiteral("\"$DISK/model\""), QStringLiteral("--report"),
                                     QStringLiteral("\"$DISK/report.json\"")});
        const ShellRun run = inSmallDisk(QStringLiteral("size=2m"),
                                         QStringLiteral("mkdir \"$DISK/model\" && echo previous > \"$DISK/model/manifest.json\"\n")
                                             + cli + QStringLiteral(" > \"$OUT/export\" 2>&1\ncode=$?\n"
                                                                    "ls -A \"$DISK\" > \"$OUT/listing\"; ls -A \"$DISK/model\" >> \"$OUT/listing\"\n"
                                                                    "cat \"$DISK/model/manifest.json\" > \"$OUT/kept\"\nexit $code"));
        const QString output = outFile(QStringLiteral("export"));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(output.contains(QRegularExpression(QStringLiteral("/model\\.partial-\\d+/model\\.pt: cannot write: No space left on device"))),
                 qPrintable(output));
        QCOMPARE(outFile(QStringLiteral("listing")).split(QLatin1Char('\n'), Qt::SkipEmptyParts),
                 (QStringList{QStringLiteral("model"), QStringLiteral("report.json"), QStringLiteral("manifest.json")}));
        QCOMPARE(outFile(QStringLiteral("kept")), QStringLiteral("previous\n"));
    }

    // The weights download fills the disk: a clear error, and with room again it continues
    // from the bytes kept and ends whole.
    void fullDiskWhileDownloadingKeepsThePart()
    {
        QByteArray content(1 << 20, '\0');
        for (int i = 0; i < content.size(); ++i)
            content[i] = char(i * 131 % 251);
        rs::test::FileServer server(content);
        const QString download = QStringLiteral("\"$CLI\" download-weights --url %1 --out \"$DISK/weights.pth\"")
                                     .arg(server.url(QStringLiteral("weights.pth")).toString());
        const ShellRun run = inSmallDisk(QStringLiteral("size=256k"),
                                         download + QStringLiteral(" > \"$OUT/first\" 2>&1; echo $? > \"$OUT/first-code\"\n"
                                                                   "stat -c %s \"$DISK/weights.pth.part\" > \"$OUT/part-size\"\n"
                                                                   "mount -o remount,size=4m \"$DISK\"\n")
                                             + download + QStringLiteral(" && cp \"$DISK/weights.pth\" \"$OUT/weights.pth\""));
        const QString first = outFile(QStringLiteral("first"));
        QCOMPARE(outFile(QStringLiteral("first-code")).trimmed(), QStringLiteral("1"));
        QVERIFY2(first.contains(QStringLiteral("/weights.pth.part: cannot write: No space left on device")), qPrintable(first));
        const qint64 kept = outFile(QStringLiteral("part-size")).trimmed().toLongLong();
        QVERIFY2(kept > 0 && kept < content.size(), qPrintable(QString::number(kept)));
        QVERIFY2(run.exitCode == 0, qPrintable(run.output));
        QCOMPARE(server.ranges.size(), 2);
        QCOMPARE(server.ranges.last(), QByteArray::number(kept) + '-'); // continued from the bytes kept
        QVERIFY(rs::test::readAll(path(QStringLiteral("out/weights.pth"))) == content);
    }

    // Every output on a read-only disk is refused before any feature is computed, naming the
    // folder and the reason.
    void readOnlyOutputsAreRefusedBeforeTheRun_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QString>("error"); // a pattern
        const QString readOnly = QStringLiteral(": Read-only file system");
        QTest::newRow("export") << QStringList{QStringLiteral("--export"), QStringLiteral("\"$DISK/model\"")}
                                << QStringLiteral("/disk: cannot write in this folder") + readOnly;
        QTest::newRow("export below new folders") << QStringList{QStringLiteral("--export"), QStringLiteral("\"$DISK/a/b/model\"")}
                                                  << QStringLiteral("/disk/a/b: cannot create the folder") + readOnly;
        QTest::newRow("report") << QStringList{QStringLiteral("--report"), QStringLiteral("\"$DISK/report.json\"")}
                                << QStringLiteral("/disk: cannot write in this folder") + readOnly;
        QTest::newRow("checkpoint") << QStringList{QStringLiteral("--checkpoint"), QStringLiteral("\"$DISK/run.ckpt\"")}
                                    << QStringLiteral("/disk: cannot write in this folder") + readOnly;
        QTest::newRow("cache") << QStringList{QStringLiteral("--bottleneck-dir"), QStringLiteral("\"$DISK/cache\"")}
                               << QStringLiteral("/disk/cache/") + QString(24, QLatin1Char('.'))
                                      + QStringLiteral(": cannot create the bottleneck cache folder") + readOnly;
    }

    void readOnlyOutputsAreRefusedBeforeTheRun()
    {
        QFETCH(QStringList, options);
        QFETCH(QString, error);
        const ShellRun run = inSmallDisk(QStringLiteral("ro"), cliCall(options));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.output.contains(QRegularExpression(error)), qPrintable(run.output));
        QVERIFY2(!run.output.contains(QRegularExpression(QStringLiteral("features +\\d+/"))), qPrintable(run.output));
    }

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QString outFile(const QString &name) const { return QString::fromUtf8(rs::test::readAll(path(QStringLiteral("out/")) + name)); }

    // A short training run on 40 images; `options` are shell words (they may name $DISK). The
    // cache is in $OUT unless `options` say otherwise (the last value of an option counts).
    QString cliCall(const QStringList &options) const
    {
        return QStringLiteral("\"$CLI\" train --random-weights 0 --steps 20 --precision fp32 --bottleneck-dir \"$OUT/cache\" ")
            + options.join(QLatin1Char(' ')) + QStringLiteral(" \"$DATA\"");
    }

    // Runs `script` with a tmpfs mounted on $DISK with `mountOptions`; $OUT is a folder
    // outside it, $CLI retrain-cli and $DATA the images.
    ShellRun inSmallDisk(const QString &mountOptions, const QString &script) const
    {
        const QString disk = path(QStringLiteral("disk"));
        QDir().mkpath(disk);
        QProcess shell;
        shell.setProcessChannelMode(QProcess::MergedChannels);
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("DISK"), disk);
        environment.insert(QStringLiteral("OUT"), path(QStringLiteral("out")));
        environment.insert(QStringLiteral("CLI"), rs::test::cliPath());
        environment.insert(QStringLiteral("DATA"), path(QStringLiteral("data")));
        shell.setProcessEnvironment(environment);
        const QString mounted = QStringLiteral("mount -t tmpfs -o %1 tmpfs \"$DISK\" || exit 90\n").arg(mountOptions);
        shell.start(QStringLiteral("unshare"), m_unshare + QStringList{QStringLiteral("sh"), QStringLiteral("-c"), mounted + script});
        // An event loop, not a blocking wait: a test's FileServer serves from this thread.
        QEventLoop loop;
        connect(&shell, &QProcess::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(300000, &loop, &QEventLoop::quit);
        // Without `unshare` nothing starts and nothing finishes: do not wait for it.
        if (shell.waitForStarted())
            loop.exec();
        if (shell.state() != QProcess::NotRunning) {
            shell.kill();
            shell.waitForFinished();
        }
        return {shell.exitStatus() == QProcess::NormalExit ? shell.exitCode() : -1, QString::fromUtf8(shell.readAll())};
    }

    QTemporaryDir m_dir;
    QStringList m_unshare;
};

// A skipped suite exits with kSkipped, which CTest reports as skipped (SKIP_RETURN_CODE),
// not as passed.
int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    TestWriteFailures test;
    const int failures = QTest::qExec(&test, argc, argv);
    return failures == 0 && TestWriteFailures::s_skipped ? TestWriteFailures::kSkipped : failures;
}
#include "test_writefailures.moc"
