#include "model/weightsdownload.h"

#include "io/atomicfile.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>

#include <stdexcept>
#include <system_error>

namespace rs {

QString hashPrefixOf(const QString &fileName)
{
    // torchvision's HASH_REGEX: the hex digits between the last '-' and the extension.
    static const QRegularExpression hash(QStringLiteral("-([a-f0-9]+)\\.[^.]*$"));
    return hash.match(fileName).captured(1);
}

WeightsDownload::WeightsDownload(const QUrl &url, const QString &target, QObject *parent)
    : QObject(parent), m_url(url), m_target(target), m_network(new QNetworkAccessManager(this))
{
    m_part.setFileName(target + QStringLiteral(".part"));
}

WeightsDownload::~WeightsDownload()
{
    // Quietly: whoever listens to finished() may be going away too.
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
}

void WeightsDownload::start()
{
    m_cancelled = false;
    try {
        createFolder(QFileInfo(m_target).absolutePath(), "folder");
    } catch (const std::runtime_error &e) {
        return fail(QString::fromStdString(e.what()));
    }
    // Unbuffered: chunks go to the file as they come (writeFully), and a full disk is told at
    // the chunk that meets it.
    if (!m_part.open(QIODevice::ReadWrite | QIODevice::Append | QIODevice::Unbuffered))
        return fail(QDir::toNativeSeparators(m_part.fileName()) + QStringLiteral(": ") + m_part.errorString());
    m_resumedFrom = m_part.size();
    m_hash.reset();
    if (m_resumedFrom > 0) {
        m_part.seek(0);
        m_hash.addData(&m_part);
        m_part.seek(m_resumedFrom);
    }
    QNetworkRequest request(m_url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    if (m_resumedFrom > 0)
        request.setRawHeader("Range", "bytes=" + QByteArray::number(m_resumedFrom) + '-');
    m_reply = m_network->get(request);
    connect(m_reply, &QNetworkReply::readyRead, this, &WeightsDownload::readyRead);
    connect(m_reply, &QNetworkReply::finished, this, &WeightsDownload::replyFinished);
    connect(m_reply, &QNetworkReply::downloadProgress, this, [this](qint64 received, qint64 total) {
        Q_EMIT progress(m_resumedFrom + received, total < 0 ? -1 : m_resumedFrom + total);
    });
}

void WeightsDownload::cancel()
{
    m_cancelled = true;
    if (m_reply)
        m_reply->abort();
}

void WeightsDownload::readyRead()
{
    // A server that ignores the range sends the whole file again: start the part over.
    if (m_resumedFrom > 0 && m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200) {
        m_part.resize(0);
        m_hash.reset();
        m_resumedFrom = 0;
    }
    const QByteArray bytes = m_reply->readAll();
    m_hash.addData(bytes);
    if (const int error = writeFully(m_part.handle(), bytes.constData(), bytes.size(), m_part.size())) {
        m_cancelled = false;
        m_reply->abort();
        fail(QDir::toNativeSeparators(m_part.fileName()) + QStringLiteral(": cannot write: ")
             + QString::fromStdString(std::generic_category().message(error)));
    }
}

void WeightsDownload::replyFinished()
{
    QNetworkReply *reply = m_reply;
    reply->deleteLater();
    if (!m_part.isOpen())
        return; // already failed while writing
    readyRead();
    m_part.close();
    if (m_cancelled)
        return fail(QStringLiteral("%1: cancelled; the %2 bytes received are kept for a later start")
                        .arg(m_url.toDisplayString())
                        .arg(QFileInfo(m_part.fileName()).size()));
    // 416: nothing left to send, the part is already whole.
    const bool alreadyWhole = m_resumedFrom > 0 && reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 416;
    if (reply->error() != QNetworkReply::NoError && !alreadyWhole)
        return fail(m_url.toDisplayString() + QStringLiteral(": ") + reply->errorString());
    // A connection that ends early can look like a normal end; the announced length tells.
    const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
    const qint64 received = QFileInfo(m_part.fileName()).size();
    if (!alreadyWhole && length.isValid() && received < m_resumedFrom + length.toLongLong())
        return fail(QStringLiteral("%1: the connection ended after %2 of %3 bytes; start again to continue")
                        .arg(m_url.toDisplayString())
                        .arg(received)
                        .arg(m_resumedFrom + length.toLongLong()));
    Q_EMIT finished(verifyAndPlace());
}

QString WeightsDownload::verifyAndPlace()
{
    const QString prefix = hashPrefixOf(QFileInfo(m_target).fileName());
    QFile part(m_part.fileName());
    const QString digest = QString::fromLatin1(m_hash.result().toHex());
    if (!prefix.isEmpty() && !digest.startsWith(prefix)) {
        // A damaged download cannot be continued: the next start begins afresh.
        part.remove();
        return QStringLiteral("%1: the download is damaged (SHA-256 %2 does not start with %3); it was deleted")
            .arg(m_url.toDisplayString(), digest.left(16), prefix);
    }
    QFile::remove(m_target);
    if (!part.rename(m_target))
        return QDir::toNativeSeparators(m_target) + QStringLiteral(": cannot move the download into place: ") + part.errorString();
    return {};
}

void WeightsDownload::fail(const QString &error)
{
    m_part.close();
    Q_EMIT finished(error);
}

} // namespace rs
