#include "predictpage.h"

#include "data/dataset.h"
#include "thumbnailcache.h"

#include <QDir>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace rs {
namespace {

constexpr int kPreviewSize = 128;

QStringList localPaths(const QMimeData *mime)
{
    QStringList paths;
    for (const QUrl &url : mime->urls())
        if (url.isLocalFile())
            paths << url.toLocalFile();
    return paths;
}

} // namespace

PredictPage::PredictPage(QWidget *parent) : QWidget(parent)
{
    setAcceptDrops(true);
    auto *choose = new QPushButton(tr("&Choose images…"));
    choose->setObjectName(QStringLiteral("chooseImagesButton"));
    auto *chooseFolder = new QPushButton(tr("Choose a &folder…"));
    chooseFolder->setObjectName(QStringLiteral("chooseFolderButton"));
    m_clear = new QPushButton(tr("C&lear"));
    m_clear->setObjectName(QStringLiteral("clearPredictionsButton"));
    m_clear->setEnabled(false);
    m_message = new QLabel;
    m_message->setObjectName(QStringLiteral("predictMessage"));
    m_message->setWordWrap(true);
    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Drop images or folders here to classify them.")), 1);
    bar->addWidget(choose);
    bar->addWidget(chooseFolder);
    bar->addWidget(m_clear);

    auto *content = new QWidget;
    m_cards = new QVBoxLayout(content);
    m_cards->addStretch();
    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setWidget(content);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_message);
    layout->addWidget(scroll, 1);
    connect(choose, &QPushButton::clicked, this, &PredictPage::chooseImages);
    connect(chooseFolder, &QPushButton::clicked, this, [this] {
        const QString folder = QFileDialog::getExistingDirectory(this, tr("Folder of images to classify"));
        if (!folder.isEmpty())
            predict({folder});
    });
    connect(m_clear, &QPushButton::clicked, this, &PredictPage::clear);
    connect(&m_watcher, &QFutureWatcher<TopClassPredictions>::finished, this, &PredictPage::showResults);
    setPredictor({}, {}, tr("Train a classifier first."));
}

void PredictPage::setPredictor(Predictor predictor, const QStringList &classes, const QString &reason)
{
    m_predictor = std::move(predictor);
    m_classes = classes;
    m_reason = reason;
    m_message->setText(m_predictor ? tr("Classes: %1").arg(classes.join(QStringLiteral(", "))) : reason);
}

void PredictPage::predict(const QStringList &given)
{
    if (!m_predictor || isBusy())
        return;
    QStringList skipped;
    const QStringList paths = collectImages(given, skipped);
    if (paths.isEmpty()) {
        m_message->setText(tr("No image among what was dropped.") + QLatin1Char('\n') + skipped.join(QLatin1Char('\n')));
        return;
    }
    m_message->setText(tr("Classifying images: %1…").arg(paths.size()));
    const Predictor predictor = m_predictor;
    m_watcher.setFuture(QtConcurrent::run([predictor, paths, skipped] {
        Batch batch{predictor(paths, kTopClasses), {}};
        batch.predictions.errors = skipped + batch.predictions.errors;
        for (const ImageTopClasses &image : batch.predictions.images)
            batch.previews << loadQImage(image.path).scaled(kPreviewSize, kPreviewSize, Qt::KeepAspectRatio,
                                                             Qt::SmoothTransformation);
        return batch;
    }));
}

void PredictPage::dragEnterEvent(QDragEnterEvent *event)
{
    if (!localPaths(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void PredictPage::dropEvent(QDropEvent *event)
{
    event->acceptProposedAction();
    predict(localPaths(event->mimeData()));
}

void PredictPage::chooseImages()
{
    const QString filter = tr("Images (%1)").arg(QStringLiteral("*.") + imageExtensions().join(QStringLiteral(" *.")));
    predict(QFileDialog::getOpenFileNames(this, tr("Images to classify"), {}, filter));
}

void PredictPage::removeCards()
{
    // The stretch at the end stays; each card goes with the layout item that held it.
    while (m_cards->count() > 1) {
        QLayoutItem *item = m_cards->takeAt(0);
        delete item->widget();
        delete item;
    }
}

void PredictPage::clear()
{
    removeCards();
    m_shown = {};
    m_clear->setEnabled(false);
    setPredictor(m_predictor, m_classes, m_reason);
}

void PredictPage::showResults()
{
    Batch batch;
    try {
        batch = m_watcher.result();
    } catch (const std::exception &e) {
        m_message->setText(tr("Classification failed: %1").arg(QString::fromStdString(e.what())));
        return;
    }
    showBatch(batch);
}

void PredictPage::takeOver(const PredictPage &previous)
{
    if (m_predictor && !previous.m_shown.predictions.images.empty())
        showBatch(previous.m_shown);
}

void PredictPage::showBatch(const Batch &batch)
{
    m_shown = batch;
    removeCards();
    const TopClassPredictions &result = batch.predictions;
    for (std::size_t i = 0; i < result.images.size(); ++i)
        m_cards->insertWidget(m_cards->count() - 1, card(result.images[i], batch.previews[qsizetype(i)]));
    QString message = tr("Images classified: %1.").arg(result.images.size());
    if (!result.errors.isEmpty())
        message += QLatin1Char(' ') + tr("Not readable:") + QLatin1Char('\n') + result.errors.join(QLatin1Char('\n'));
    m_message->setText(message);
    m_clear->setEnabled(!result.images.empty());
    Q_EMIT predicted();
}

QWidget *PredictPage::card(const ImageTopClasses &image, const QImage &preview) const
{
    auto *frame = new QFrame;
    frame->setObjectName(QStringLiteral("predictionCard"));
    frame->setFrameShape(QFrame::StyledPanel);
    auto *picture = new QLabel;
    picture->setPixmap(QPixmap::fromImage(preview));
    picture->setFixedSize(kPreviewSize, kPreviewSize);
    picture->setAlignment(Qt::AlignCenter);
    auto *grid = new QGridLayout;
    auto *name = new QLabel(QFileInfo(image.path).fileName());
    name->setToolTip(QDir::toNativeSeparators(image.path));
    name->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = name->font();
    bold.setBold(true);
    name->setFont(bold);
    grid->addWidget(name, 0, 0, 1, 2);
    int row = 1;
    for (const auto &[label, probability] : image.top) {
        auto *bar = new QProgressBar;
        bar->setRange(0, 1000);
        bar->setValue(int(std::lround(probability * 1000)));
        bar->setFormat(QStringLiteral("%1 %").arg(100 * probability, 0, 'f', 1));
        auto *className = new QLabel(m_classes.value(label));
        className->setMinimumWidth(140);
        grid->addWidget(className, row, 0);
        grid->addWidget(bar, row++, 1);
    }
    grid->setColumnStretch(1, 1);
    auto *layout = new QHBoxLayout(frame);
    layout->addWidget(picture);
    layout->addLayout(grid, 1);
    return frame;
}

} // namespace rs
