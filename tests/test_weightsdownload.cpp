// Downloading weights as torchvision does, against a local HTTP server on 127.0.0.1: a good
// file, a corrupted one, a dropped connection, and the resume that follows; also through
// retrain-cli. Nothing here contacts any other host.

#include "testsupport.h"
#include "weightsdownload.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

namespace {

// Serves one file over HTTP/1.1, honouring "Range: bytes=N-", optionally cutting the
// connection after `dropAfter` body bytes.
class FileServer : public QTcpServer
{
public:
    explicit FileServer(QByteArray content) : m_content(std::move(content))
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection())
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { serve(socket); });
        });
        if (!listen(QHostAddress::LocalHost))
            qFatal("cannot listen on 127.0.0.1");
    }

    QUrl url(const QString &fileName) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1/models/%2").arg(serverPort()).arg(fileName));
    }

    qint64 dropAfter = -1;
    QList<QByteArray> ranges; // the Range header of each request, empty when none

private:
    void serve(QTcpSocket *socket)
    {
        QByteArray &request = m_requests[socket];
        request += socket->readAll();
        if (!request.contains("\r\n\r\n"))
            return;
        qint64 from = 0;
        QByteArray range;
        for (const QByteArray &line : request.split('\n'))
            if (line.toLower().startsWith("range: bytes=")) {
                range = line.trimmed().mid(13);
                from = range.left(range.indexOf('-')).toLongLong();
            }
        ranges << range;
        const qint64 size = m_content.size();
        QByteArray head = from > 0 ? "HTTP/1.1 206 Partial Content\r\n" : "HTTP/1.1 200 OK\r\n";
        head += "Content-Length: " + QByteArray::number(size - from) + "\r\n";
        if (from > 0)
            head += "Content-Range: bytes " + QByteArray::number(from) + '-' + QByteArray::number(size - 1) + '/'
                    + QByteArray::number(size) + "\r\n";
        head += "Connection: close\r\n\r\n";
        socket->write(head);
        const QByteArray body = m_content.mid(from);
        socket->write(dropAfter >= 0 ? body.left(dropAfter) : body);
        socket->flush();
        socket->disconnectFromHost();
    }

    QByteArray m_content;
    QHash<QTcpSocket *, QByteArray> m_requests;
};

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
        FileServer server(m_content);
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
        FileServer server(corrupted);
        QTemporaryDir dir;
        const QString target = dir.filePath(nameFor(m_content)); // named for the good bytes
        const QString error = download(server.url(nameFor(m_content)), target);
        QVERIFY2(error.contains(QStringLiteral("the download is damaged")), qPrintable(error));
        QVERIFY(!QFile::exists(target));
        QVERIFY(!QFile::exists(target + QStringLiteral(".part")));
    }

    void resumesADroppedDownload()
    {
        FileServer server(m_content);
        server.dropAfter = 1 << 20;
        QTemporaryDir dir;
        const QString target = dir.filePath(nameFor(m_content));
        const QString error = download(server.url(nameFor(m_content)), target);
        QVERIFY2(!error.isEmpty() && error.startsWith(server.url(nameFor(m_content)).toDisplayString()), qPrintable(error));
        QVERIFY(!QFile::exists(target));
        const qint64 kept = QFileInfo(target + QStringLiteral(".part")).size();
        QVERIFY2(kept > 0 && kept <= (1 << 20), qPrintable(QString::number(kept)));

        server.dropAfter = -1;
        QCOMPARE(download(server.url(nameFor(m_content)), target), QString());
        QCOMPARE(server.ranges.last(), QByteArray::number(kept) + '-');
        QCOMPARE(contentOf(target), m_content);
    }

    void cancelKeepsWhatArrived()
    {
        FileServer server(m_content);
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
        FileServer server(m_content);
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
