#pragma once

#include <QCryptographicHash>
#include <QFile>
#include <QObject>
#include <QPointer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace rs {

// The SHA-256 prefix a torchvision file name carries ("...-0cc3c7bd.pth" -> "0cc3c7bd"); empty
// when the name has none.
QString hashPrefixOf(const QString &fileName);

// Downloads a weights file as torchvision does: into `target` (normally the torch hub cache,
// which Python shares), verified against the SHA-256 prefix in the file name, moved into place
// only when whole and verified. The bytes arrive in `target.part`; a later start continues an
// interrupted download from there (an HTTP range request), so nothing fetched is lost.
class WeightsDownload final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WeightsDownload)

public:
    WeightsDownload(const QUrl &url, const QString &target, QObject *parent = nullptr);
    ~WeightsDownload() override;

    QString target() const { return m_target; }
    void start();
    void cancel(); // keeps the partial file for a later start

Q_SIGNALS:
    void progress(qint64 received, qint64 total); // total -1 when the server does not say
    // Empty `error` on success; else "<url or file>: <reason>". Emitted once per start().
    void finished(const QString &error);

private:
    void readyRead();
    void replyFinished();
    void fail(const QString &error);
    QString verifyAndPlace();

    QUrl m_url;
    QString m_target;
    QNetworkAccessManager *m_network;
    QPointer<QNetworkReply> m_reply;
    QFile m_part;
    QCryptographicHash m_hash{QCryptographicHash::Sha256}; // of the part, kept up to date as bytes arrive
    qint64 m_resumedFrom = 0;
    bool m_cancelled = false;
};

} // namespace rs
