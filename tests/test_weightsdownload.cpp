// Downloading weights as torchvision does, against a local HTTP server on 127.0.0.1: a good
// file, a corrupted one, a dropped connection, and the resume that follows; also through
// retrain-cli. Nothing here contacts any other host.

#include "fileserver.h"
#include "model/weightsdownload.h"
#include "model/weightssource.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

QByteArray randomBytes(int size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator random(3);
    for (char &c : bytes)
        c = char(random.bounded(256));
    return bytes;
}

QString nameFor(const QByteArray &content)
{
    return QStringLiteral("inception_v3_google-%1.pth")
        .arg(QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex().left(8)));
}

QString download(const QUrl &url, const QString &target)
{
    rs::WeightsDownload job(url, target);
    QSignalSpy finished(&job, &rs::WeightsDownload::finished);
    job.start();
    if (!finished.wait(30000))
        return QStringLiteral("timed out");
    return finished.first().first().toString();
}

QByteArray contentOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestWeightsDownload : public QObject
{
    Q_OBJECT

private:
    const QByteArray m_content = randomBytes(3 << 20);

private Q_SLOTS:
    void readsTheHashPrefixAsTorchvisionDoes()
    {
        QCOMPARE(rs::hashPrefixOf(QStringLiteral("inception_v3_google-0cc3c7bd.pth")), QStringLiteral("0cc3c7bd"));
        QCOMPARE(rs::hashPrefixOf(QStringLiteral("weights.pth")), QString());
        QCOMPARE(rs::officialWeightsUrl().fileName(), QStringLiteral("inception_v3_google-0cc3c7bd.pth"));
    }

    void downloadsAndVerifies()
    {
        rs::test::FileServer server(m_content);
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("hub/checkpoints/") + nameFor(m_content));
        QCOMPARE(download(server.url(nameFor(m_content)), target), QString());
        QCOMPARE(contentOf(target), m_content);
        QVERIFY(!QFile::exists(target + QStringLiteral(".part")));
    }

    void refusesACorruptedFile()
    {
        QByteArray corrupted = m_content;
        corrupted[1000] = char(corrupted[1000] ^ 1);
        rs::test::FileServer server(corrupted);
        QTemporaryDir dir;
        const QString target = dir.filePath(nameFor(m_content)); // named for the good bytes
        const QString error = download(server.url(nameFor(m_content)), target);
        QVERIFY2(error.contains(QStringLiteral("the download is damaged")), qPrintable(error));
        QVERIFY(!QFile::exists(target));
        QVERIFY(!QFile::exists(target + QStringLiteral(".part")));
    }

    void resumesADroppedDownload()
    {
        rs::test::FileServer server(m_content);
        server.dropAfter = 1 << 20;
        QTemporaryDir dir;
        const QString target = dir.filePath(nameFor(m_content));
        const QString error = download(server.url(nameFor(m_content)), target);
        QVERIFY2(!error.isEmpty() && error.startsWith(server.url(nameFor(m_content)).toDisplayString()), qPrintable(error));
        QVERIFY(!QFile::exists(target));
        const qint64 kept = QFileInfo(target + QStringLiteral(".part")).size();
        QVERIFY2(kept > 0 && kept <= (1 << 20), qPrintable(QString::number(kept) + QStringLiteral(" ") + error + QStringLiteral(" requests ") + QString::number(server.ranges.size())));

        server.dropAfter = -1;
        QCOMPARE(download(server.url(nameFor(m_content)), target), QString());
        QCOMPARE(server.ranges.last(), QByteArray::number(kept) + '-');
        QCOMPARE(contentOf(target), m_content);
    }

    void cancelKeepsWhatArrived()
    {
        rs::test::FileServer server(m_content);
        QTemporaryDir dir;
        const QString target = dir.filePath(nameFor(m_content));
        rs::WeightsDownload job(server.url(nameFor(m_content)), target);
        QSignalSpy finished(&job, &rs::WeightsDownload::finished);
        connect(&job, &rs::WeightsDownload::progress, &job, &rs::WeightsDownload::cancel);
        job.start();
        QVERIFY(finished.wait(30000));
        QVERIFY2(finished.first().first().toString().contains(QStringLiteral("cancelled")), qPrintable(finished.first().first().toString()));
        QVERIFY(!QFile::exists(target));
        QCOMPARE(download(server.url(nameFor(m_content)), target), QString());
        QCOMPARE(contentOf(target), m_content);
    }

    void downloadsFromTheCommandLine()
    {
        rs::test::FileServer server(m_content);
        QTemporaryDir dir;
        const QString target = dir.filePath(nameFor(m_content));
        QProcess cli;
        cli.start(rs::test::cliPath(), {QStringLiteral("download-weights"), QStringLiteral("--url"),
                                        server.url(nameFor(m_content)).toString(), QStringLiteral("--out"), target});
        QSignalSpy done(&cli, &QProcess::finished);
        QVERIFY(done.wait(60000));
        QCOMPARE(cli.exitCode(), 0);
        QCOMPARE(contentOf(target), m_content);
    }
};

QTEST_GUILESS_MAIN(TestWeightsDownload)
#include "test_weightsdownload.moc"
