#include "resultspage.h"

#include "folderopener.h"
#include "gallerymodel.h"
#include "imageviewer.h"
#include "reliabilityplot.h"
#include "resultmodels.h"
#include "thumbnailcache.h"

#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QListView>
#include <QMenu>
#include <QPainter>
#include <QPushButton>
#include <QSlider>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

namespace rs {
namespace {

QLabel *heading(const QString &text)
{
    auto *label = new QLabel(text);
    label->setWordWrap(true); // long headings wrap rather than widen a small window
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

// Draws a selected cell in its own colours with a frame around it: the selection colour would
// paint a mistake the colour of correct answers.
class FramedSelection final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem plain = option;
        const bool selected = option.state.testFlag(QStyle::State_Selected);
        plain.state.setFlag(QStyle::State_Selected, false);
        plain.state.setFlag(QStyle::State_HasFocus, false);
        QStyledItemDelegate::paint(painter, plain, index);
        if (selected) {
            painter->save();
            painter->setPen(QPen(option.palette.color(QPalette::Text), 3));
            painter->drawRect(option.rect.adjusted(1, 1, -2, -2));
            painter->restore();
        }
    }
};

} // namespace

ResultsPage::ResultsPage(ThumbnailCache *thumbnails, QWidget *parent)
    : QWidget(parent), m_metrics(new MetricsModel(this)), m_confusion(new ConfusionModel(this)),
      m_gallery(new GalleryModel(thumbnails, this))
{
    m_summary = new QLabel(tr("No results yet: train a classifier first."));
    m_summary->setObjectName(QStringLiteral("resultsSummary"));
    QFont big = m_summary->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    m_summary->setFont(big);
    m_summary->setWordWrap(true);
    m_origin = new QLabel;
    m_origin->setObjectName(QStringLiteral("resultsOrigin"));

    m_skippedTitle = new QLabel;
    m_skippedTitle->setObjectName(QStringLiteral("runSkippedTitle"));
    m_skipped = new QListWidget;
    m_skipped->setObjectName(QStringLiteral("runSkippedList"));
    m_skipped->setMaximumHeight(90);
    m_skipped->setToolTip(tr("Files of the last run that were not trained on, each with the reason."));

    auto *metricsView = new QTableView;
    metricsView->setObjectName(QStringLiteral("metricsTable"));
    metricsView->setModel(m_metrics);
    metricsView->verticalHeader()->hide();
    metricsView->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);

    m_confusionView = new QTableView;
    m_confusionView->setObjectName(QStringLiteral("confusionMatrix"));
    m_confusionView->setModel(m_confusion);
    m_confusionView->setToolTip(tr("Rows: true class; columns: predicted class. Click a cell to see its images."));
    m_confusionView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_confusionView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_confusionView->setItemDelegate(new FramedSelection(m_confusionView));
    connect(m_confusionView, &QTableView::clicked, this, [this](const QModelIndex &index) { showCell(index.row(), index.column()); });

    m_reliability = new ReliabilityPlot;
    m_reliability->setToolTip(tr("How often the classifier was right against how sure it was, on the validation "
                                 "images: bars on the diagonal mean its percentages can be taken at their word."));

    m_galleryTitle = heading(tr("Misclassified test images"));
    m_galleryTitle->setObjectName(QStringLiteral("galleryTitle"));
    m_galleryTitle->setWordWrap(true);
    m_allMistakes = new QPushButton(tr("All &misclassified"));
    m_allMistakes->setObjectName(QStringLiteral("allMistakesButton"));
    m_showInFolder = new QPushButton(tr("Show in &folder"));
    m_showInFolder->setObjectName(QStringLiteral("showInFolderButton"));
    m_showInFolder->setEnabled(false);
    m_galleryView = new QListView;
    m_galleryView->setObjectName(QStringLiteral("gallery"));
    m_galleryView->setModel(m_gallery);
    m_galleryView->setViewMode(QListView::IconMode);
    m_galleryView->setResizeMode(QListView::Adjust);
    m_galleryView->setMovement(QListView::Static);
    m_galleryView->setUniformItemSizes(true);
    m_galleryView->setIconSize(QSize(thumbnails->size(), thumbnails->size()));
    m_thumbnailSize = new QSlider(Qt::Horizontal);
    m_thumbnailSize->setObjectName(QStringLiteral("thumbnailSize"));
    m_thumbnailSize->setRange(32, 2 * thumbnails->size());
    m_thumbnailSize->setMaximumWidth(120);
    m_thumbnailSize->setToolTip(tr("Thumbnail size"));
    connect(m_thumbnailSize, &QSlider::valueChanged, this, [this](int side) {
        m_galleryView->setIconSize(QSize(side, side));
        // Room for a caption of two lines under the thumbnail, as wide as a long class pair needs.
        const int line = m_galleryView->fontMetrics().lineSpacing();
        m_galleryView->setGridSize(QSize(std::max(side + 24, 150), side + 2 * line + 16));
    });
    m_thumbnailSize->setValue(thumbnails->size());
    m_galleryView->setWordWrap(true);
    m_galleryView->setToolTip(tr("Double-click an image to see it large, with where the network looked; right-click to "
                                 "relabel, exclude or mark it reviewed."));
    connect(m_galleryView, &QListView::doubleClicked, this, [this](const QModelIndex &index) { openViewer(index.row()); });
    m_galleryView->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_galleryView, &QWidget::customContextMenuRequested, this, [this](const QPoint &at) {
        if (QMenu *menu = fixMenu(m_galleryView->indexAt(at), this)) {
            menu->setAttribute(Qt::WA_DeleteOnClose);
            menu->popup(m_galleryView->viewport()->mapToGlobal(at));
        }
    });
    connect(m_galleryView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { m_showInFolder->setEnabled(current.isValid()); });
    connect(m_gallery, &QAbstractItemModel::modelReset, this, [this] { m_showInFolder->setEnabled(false); });
    connect(m_allMistakes, &QPushButton::clicked, this, &ResultsPage::showAllMistakes);
    connect(m_showInFolder, &QPushButton::clicked, this, &ResultsPage::showInFolder);

    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(heading(tr("Per class")));
    leftLayout->addWidget(metricsView, 2);
    leftLayout->addWidget(heading(tr("Confusion matrix (rows: true class, columns: predicted)")));
    leftLayout->addWidget(m_confusionView, 3);
    auto *right = new QWidget;
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    auto *galleryBar = new QHBoxLayout;
    galleryBar->addWidget(m_galleryTitle, 1);
    galleryBar->addWidget(m_thumbnailSize);
    galleryBar->addWidget(m_allMistakes);
    galleryBar->addWidget(m_showInFolder);
    rightLayout->addLayout(galleryBar);
    rightLayout->addWidget(m_galleryView, 3);
    rightLayout->addWidget(heading(tr("Reliability of the probabilities")));
    rightLayout->addWidget(m_reliability, 2);
    auto *splitter = new QSplitter;
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_origin);
    layout->addWidget(m_skippedTitle);
    layout->addWidget(m_skipped);
    layout->addWidget(splitter, 1);
    setSkipped({});
}

void ResultsPage::setSkipped(const QStringList &skipped)
{
    m_skippedTitle->setText(tr("Files skipped in this run: %1").arg(skipped.size()));
    m_skipped->clear();
    for (const QString &file : skipped)
        m_skipped->addItem(file);
    m_skippedTitle->setVisible(!skipped.isEmpty());
    m_skipped->setVisible(!skipped.isEmpty());
}

void ResultsPage::setResults(const QStringList &classes, const Evaluation &evaluation, const Calibration &calibration,
                             const QStringList &skipped, const QString &origin)
{
    setSkipped(skipped);
    m_origin->setText(origin);
    m_reliability->setCalibration(calibration);
    m_classes = classes;
    m_evaluation = evaluation;
    m_summary->setText(tr("Test accuracy %1 % · balanced accuracy %2 % · test images: %3")
                           .arg(100 * evaluation.accuracy, 0, 'f', 1)
                           .arg(100 * evaluation.balancedAccuracy, 0, 'f', 1)
                           .arg(evaluation.count));
    m_metrics->setEvaluation(classes, evaluation);
    m_confusion->setEvaluation(classes, evaluation);
    m_confusionView->resizeColumnsToContents();
    showAllMistakes();
}

void ResultsPage::clear()
{
    setResults({}, {}, {});
    m_summary->setText(tr("No results yet: train a classifier first."));
}

void ResultsPage::showCell(int trueLabel, int predicted)
{
    std::vector<ImagePrediction> images;
    for (const ImagePrediction &p : m_evaluation.predictions)
        if (p.trueLabel == trueLabel && p.predicted == predicted)
            images.push_back(p);
    m_galleryTitle->setText(trueLabel == predicted
                                ? tr("“%1” recognised: %2").arg(m_classes.value(trueLabel)).arg(images.size())
                                : tr("“%1” taken for “%2”: %3")
                                      .arg(m_classes.value(trueLabel), m_classes.value(predicted))
                                      .arg(images.size()));
    m_gallery->setImages(m_classes, std::move(images));
    m_allMistakes->setEnabled(true);
}

void ResultsPage::showAllMistakes()
{
    std::vector<ImagePrediction> mistakes = m_evaluation.misclassified();
    m_galleryTitle->setText(tr("Misclassified test images: %1").arg(mistakes.size()));
    m_confusionView->clearSelection();
    // Already showing every mistake (or there are none): nothing more to show.
    m_allMistakes->setEnabled(false);
    m_gallery->setImages(m_classes, std::move(mistakes));
}

QMenu *ResultsPage::fixMenu(const QModelIndex &index, QWidget *parent)
{
    if (!index.isValid())
        return nullptr;
    const ImagePrediction &image = m_gallery->image(index.row());
    const QString path = image.path;
    auto *menu = new QMenu(parent);
    menu->setObjectName(QStringLiteral("galleryFixMenu"));
    QMenu *relabel = menu->addMenu(tr("&Relabel as"));
    for (int c = 0; c < m_classes.size(); ++c) {
        QAction *to = relabel->addAction(m_classes[c], this, [this, path, name = m_classes[c]] {
            Q_EMIT fixRequested({path, ImageFix::Kind::Relabel, name});
        });
        to->setEnabled(c != image.trueLabel);
    }
    menu->addAction(tr("E&xclude"), this, [this, path] { Q_EMIT fixRequested({path, ImageFix::Kind::Exclude, {}}); });
    menu->addAction(tr("Mark re&viewed"), this, [this, path] { Q_EMIT fixRequested({path, ImageFix::Kind::Reviewed, {}}); });
    return menu;
}

ImageViewer *ResultsPage::openViewer(int row)
{
    if (row < 0 || row >= m_gallery->rowCount())
        return nullptr;
    if (m_viewer)
        m_viewer->close();
    m_viewer = new ImageViewer(m_gallery, row, this);
    connect(m_viewer, &ImageViewer::heatMapRequested, this, &ResultsPage::heatMapRequested);
    m_viewer->show();
    return m_viewer;
}

void ResultsPage::showHeatMap(const QString &path, int label, const GradCam &cam)
{
    if (m_viewer)
        m_viewer->setHeatMap(path, label, cam);
}

void ResultsPage::showInFolder()
{
    const QModelIndex current = m_galleryView->currentIndex();
    if (current.isValid())
        openFolderOf(m_gallery->image(current.row()).path, this);
}

} // namespace rs
