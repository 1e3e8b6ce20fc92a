#include "fileserver.h"

#include <QTcpSocket>
#include <QTimer>

namespace rs::test {

FileServer::FileServer(QByteArray content) : m_content(std::move(content))
{
    connect(this, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = nextPendingConnection())
            connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { serve(socket); });
    });
    if (!listen(QHostAddress::LocalHost))
        qFatal("cannot listen on 127.0.0.1");
}

QUrl FileServer::url(const QString &fileName) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/models/%2").arg(serverPort()).arg(fileName));
}

void FileServer::serve(QTcpSocket *socket)
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
    if (dropAfter < 0) {
        socket->write(body);
        socket->disconnectFromHost();
        return;
    }
    // A connection lost mid-file: the client gets time to take the bytes sent before it breaks.
    socket->write(body.left(dropAfter));
    socket->flush();
    QTimer::singleShot(500, socket, [socket] { socket->abort(); });
}

} // namespace rs::test
