#include "weightsprompt.h"

#include "model/weightsdownload.h"

#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>

namespace rs {

WeightsPrompt::WeightsPrompt(const QUrl &url, QWidget *window) : QObject(window), m_url(url), m_window(window) {}

QString WeightsPrompt::describe(const WeightsSource &weights)
{
    if (weights.isRandom())
        return tr("Random weights (seed %1): for testing only").arg(*weights.randomSeed());
    const QString file = QDir::toNativeSeparators(weights.path());
    return weights.validate().isEmpty() ? tr("ImageNet weights: %1").arg(file) : tr("No ImageNet weights found at %1").arg(file);
}

void WeightsPrompt::offer(const QString &missing)
{
    ask(QStringLiteral("weightsQuestion"), tr("ImageNet weights needed"),
        tr("Training starts from InceptionV3 trained on ImageNet, and its weights file was not found at %1.")
            .arg(QDir::toNativeSeparators(missing)),
        tr("Download it from PyTorch (about 104 MB, shared with Python's torchvision), choose a copy you have, or go on "
           "with untrained weights, which only show how the tool works."),
        tr("&Download"));
}

void WeightsPrompt::ask(const QString &name, const QString &title, const QString &text, const QString &informative,
                        const QString &downloadLabel)
{
    auto *box = new QMessageBox(QMessageBox::Question, title, text, QMessageBox::Cancel, m_window);
    box->setObjectName(name);
    box->setInformativeText(informative);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *fetch = box->addButton(downloadLabel, QMessageBox::AcceptRole);
    QPushButton *choose = box->addButton(tr("&Choose file…"), QMessageBox::ActionRole);
    QPushButton *untrained = box->addButton(tr("&Untrained weights"), QMessageBox::ActionRole);
    fetch->setObjectName(QStringLiteral("downloadWeightsButton"));
    choose->setObjectName(QStringLiteral("chooseWeightsButton"));
    connect(box, &QMessageBox::buttonClicked, this, [this, fetch, choose, untrained](QAbstractButton *button) {
        if (button == fetch)
            download();
        else if (button == choose)
            Q_EMIT browseRequested();
        else if (button == untrained)
            Q_EMIT chosen(WeightsSource::random(0),
                          tr("Untrained weights (seed 0): results show how the tool works, not what it can do"));
    });
    box->open();
}

void WeightsPrompt::download()
{
    if (m_downloading)
        return;
    const QString target = QFileInfo(defaultWeightsPath()).dir().filePath(m_url.fileName());
    auto *job = new WeightsDownload(m_url, target, this);
    auto *dialog = new QProgressDialog(tr("Downloading the ImageNet weights from %1…").arg(m_url.host()), tr("Cancel"), 0,
                                       1000, m_window);
    dialog->setObjectName(QStringLiteral("downloadProgress"));
    dialog->setWindowTitle(tr("ImageNet weights"));
    dialog->setMinimumDuration(0);
    dialog->setAutoClose(false);
    dialog->setAutoReset(false);
    dialog->setValue(0);
    m_cancelled = false;
    connect(dialog, &QProgressDialog::canceled, job, [this, job] {
        m_cancelled = true;
        job->cancel();
    });
    connect(job, &WeightsDownload::progress, dialog, [dialog](qint64 received, qint64 total) {
        if (total > 0) {
            dialog->setValue(int(1000 * received / total));
            dialog->setLabelText(tr("Downloading the ImageNet weights: %1 of %2 MB")
                                     .arg(received / 1e6, 0, 'f', 1)
                                     .arg(total / 1e6, 0, 'f', 1));
        }
    });
    connect(job, &WeightsDownload::finished, this, [this, job, dialog, target](const QString &error) {
        dialog->deleteLater();
        job->deleteLater();
        m_downloading = false;
        if (error.isEmpty())
            Q_EMIT chosen(WeightsSource::file(target), tr("ImageNet weights: %1").arg(QDir::toNativeSeparators(target)));
        else if (!m_cancelled)
            // Offline most often: what to do instead, and the choice again.
            ask(QStringLiteral("downloadFailed"), tr("Download failed"), error,
                tr("Without a connection to %1: choose a copy of %2 you have, or run “retrain-cli download-weights” on a "
                   "connected computer and copy the file it saves into %3 on this one.")
                    .arg(m_url.host(), m_url.fileName(), QDir::toNativeSeparators(QFileInfo(target).absolutePath())),
                tr("Try &again"));
        Q_EMIT downloadFinished(error);
    });
    m_downloading = true;
    job->start();
}

} // namespace rs
