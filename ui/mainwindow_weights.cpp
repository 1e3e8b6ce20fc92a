// MainWindow's side of the ImageNet weights: offering them when missing, downloading them.

#include "mainwindow.h"

#include "settingspage.h"

#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QStatusBar>

namespace rs {

void MainWindow::offerWeights(const QString &missing)
{
    auto *box = new QMessageBox(QMessageBox::Question, tr("ImageNet weights needed"),
                                tr("Training starts from InceptionV3 trained on ImageNet, and its weights file was not "
                                   "found at %1.")
                                    .arg(QDir::toNativeSeparators(missing)),
                                QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("weightsQuestion"));
    box->setInformativeText(tr("Download it from PyTorch (about 104 MB, shared with Python's torchvision), choose a "
                               "copy you have, or go on with untrained weights, which only show how the tool works."));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *download = box->addButton(tr("&Download"), QMessageBox::AcceptRole);
    QPushButton *choose = box->addButton(tr("&Choose file…"), QMessageBox::ActionRole);
    QPushButton *untrained = box->addButton(tr("&Untrained weights"), QMessageBox::ActionRole);
    download->setObjectName(QStringLiteral("downloadWeightsButton"));
    connect(box, &QMessageBox::buttonClicked, this, [this, download, choose, untrained](QAbstractButton *button) {
        if (button == download) {
            downloadWeights();
        } else if (button == choose) {
            m_settings->browseWeights();
        } else if (button == untrained) {
            m_settings->setWeights({{}, 0});
            statusBar()->showMessage(tr("Untrained weights (seed 0): results show how the tool works, not what it can do"));
        }
    });
    box->open();
}

void MainWindow::downloadWeights()
{
    const QUrl url = m_options.weightsUrl;
    const QString target = QFileInfo(defaultWeightsPath()).dir().filePath(url.fileName());
    auto *job = new WeightsDownload(url, target, this);
    auto *dialog = new QProgressDialog(tr("Downloading the ImageNet weights from %1…").arg(url.host()), tr("Cancel"), 0, 1000, this);
    dialog->setObjectName(QStringLiteral("downloadProgress"));
    dialog->setWindowTitle(tr("ImageNet weights"));
    dialog->setMinimumDuration(0);
    dialog->setAutoClose(false);
    dialog->setAutoReset(false);
    dialog->setValue(0);
    connect(dialog, &QProgressDialog::canceled, job, &WeightsDownload::cancel);
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
        m_downloadWeights->setEnabled(true);
        if (error.isEmpty()) {
            m_settings->setWeights({target, {}});
            statusBar()->showMessage(tr("ImageNet weights: %1").arg(QDir::toNativeSeparators(target)));
        } else {
            showError(tr("Download stopped"), error);
        }
        Q_EMIT weightsDownloaded(error);
    });
    m_downloadWeights->setEnabled(false);
    job->start();
}

} // namespace rs
