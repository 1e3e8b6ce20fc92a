#pragma once

#include <QHash>
#include <QTcpServer>
#include <QUrl>

class QTcpSocket;

namespace rs::test {

// Serves one file over HTTP/1.1 on 127.0.0.1, honouring "Range: bytes=N-", optionally cutting
// the connection after `dropAfter` body bytes: a stand-in for download.pytorch.org.
class FileServer : public QTcpServer
{
public:
    explicit FileServer(QByteArray content);

    QUrl url(const QString &fileName) const;

    qint64 dropAfter = -1;
    QList<QByteArray> ranges; // the Range header of each request, empty when none

private:
    void serve(QTcpSocket *socket);

    QByteArray m_content;
    QHash<QTcpSocket *, QByteArray> m_requests;
};

} // namespace rs::test
