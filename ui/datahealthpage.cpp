#include "datahealthpage.h"

#include "embeddingmap.h"
#include "health/dataaudit.h"
#include "thumbnailcache.h"

#include <QAction>
#include <QComboBox>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPixmap>
#include <QPushButton>
#include <QSet>
#include <QTabWidget>
#include <QToolButton>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace rs {
namespace {

enum Column { Image, Class, Set, Finding, Fix, ColumnCount };
constexpr int kPathRole = Qt::UserRole;
constexpr int kSuggestedRole = Qt::UserRole + 1;

QString setName(Subset subset)
{
    switch (subset) {
    case Subset::Train:
        return DataHealthPage::tr("training");
    case Subset::Validation:
        return DataHealthPage::tr("validation");
    case Subset::Test:
        break;
    }
    return DataHealthPage::tr("test");
}

QString fixText(const ImageFix *fix)
{
    if (!fix)
        return {};
    switch (fix->kind) {
    case ImageFix::Kind::Relabel:
        return DataHealthPage::tr("relabelled as %1").arg(fix->className);
    case ImageFix::Kind::Exclude:
        return DataHealthPage::tr("excluded");
    case ImageFix::Kind::Reviewed:
        break;
    }
    return DataHealthPage::tr("reviewed");
}

QString reasonText(Outlier::Reason reason)
{
    switch (reason) {
    case Outlier::Reason::Blank:
        return DataHealthPage::tr("blank");
    case Outlier::Reason::Noise:
        return DataHealthPage::tr("noise");
    case Outlier::Reason::UnlikeEveryClass:
        break;
    }
    return DataHealthPage::tr("unlike every class");
}

} // namespace

DataHealthPage::DataHealthPage(ThumbnailCache *thumbnails, QAction *check, QWidget *parent)
    : QWidget(parent), m_thumbnails(thumbnails)
{
    auto *checkButton = new QToolButton;
    checkButton->setDefaultAction(check);
    checkButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("healthSummary"));
    m_summary->setWordWrap(true);

    m_findings = new QTreeWidget;
    m_findings->setObjectName(QStringLiteral("healthFindings"));
    m_findings->setColumnCount(ColumnCount);
    m_findings->setHeaderLabels({tr("Image"), tr("Class"), tr("Set"), tr("Finding"), tr("Fix")});
    m_findings->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_findings->setIconSize(QSize(thumbnails->size(), thumbnails->size()));
    m_findings->header()->setStretchLastSection(false);
    m_findings->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_findings->header()->setSectionResizeMode(Finding, QHeaderView::Stretch);
    m_findings->setToolTip(tr("Select images, then relabel, exclude or mark them reviewed below. Fixes are kept in the "
                              "project, not in your folders, and apply to the next training."));
    connect(m_findings, &QTreeWidget::itemSelectionChanged, this, &DataHealthPage::selectionChanged);
    m_map = new EmbeddingMap(thumbnails);
    connect(m_map, &EmbeddingMap::selectionChanged, this, &DataHealthPage::selectionChanged);
    connect(m_map, &EmbeddingMap::imageClicked, this, [](const QString &path) {
        QDesktopServices::openUrl(QUrl::fromLocalFile(path));
    });
    m_views = new QTabWidget;
    m_views->setObjectName(QStringLiteral("healthViews"));
    m_views->addTab(m_findings, tr("Findings"));
    m_views->addTab(m_map, tr("Map"));
    connect(m_views, &QTabWidget::currentChanged, this, &DataHealthPage::selectionChanged);

    m_relabelTarget = new QComboBox;
    m_relabelTarget->setObjectName(QStringLiteral("relabelTarget"));
    m_relabel = new QPushButton(tr("&Relabel as"));
    m_relabel->setObjectName(QStringLiteral("relabelButton"));
    m_exclude = new QPushButton(tr("E&xclude"));
    m_exclude->setObjectName(QStringLiteral("excludeButton"));
    m_exclude->setToolTip(tr("Leave the selected images out of training, validation and test"));
    m_reviewed = new QPushButton(tr("Mark re&viewed"));
    m_reviewed->setObjectName(QStringLiteral("reviewedButton"));
    m_reviewed->setToolTip(tr("The label is right: stop reporting the selected images"));
    m_undo = new QPushButton(tr("&Undo last fix"));
    m_undo->setObjectName(QStringLiteral("undoFixButton"));
    connect(m_relabel, &QPushButton::clicked, this, [this] { requestFix(ImageFix::Kind::Relabel); });
    connect(m_exclude, &QPushButton::clicked, this, [this] { requestFix(ImageFix::Kind::Exclude); });
    connect(m_reviewed, &QPushButton::clicked, this, [this] { requestFix(ImageFix::Kind::Reviewed); });
    connect(m_undo, &QPushButton::clicked, this, &DataHealthPage::undoRequested);

    m_fixesTitle = new QLabel;
    m_fixesList = new QListWidget;
    m_fixesList->setObjectName(QStringLiteral("fixesList"));
    m_fixesList->setMaximumHeight(120);

    auto *top = new QHBoxLayout;
    top->addWidget(checkButton);
    top->addWidget(m_summary, 1);
    auto *fixBar = new QHBoxLayout;
    fixBar->addWidget(m_relabel);
    fixBar->addWidget(m_relabelTarget);
    fixBar->addWidget(m_exclude);
    fixBar->addWidget(m_reviewed);
    fixBar->addStretch(1);
    fixBar->addWidget(m_undo);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_views, 1);
    layout->addLayout(fixBar);
    layout->addWidget(m_fixesTitle);
    layout->addWidget(m_fixesList);

    connect(m_thumbnails, &ThumbnailCache::loaded, this, &DataHealthPage::thumbnailLoaded);
    setAudit(nullptr);
    setFixes({});
}

void DataHealthPage::setAudit(std::shared_ptr<const DataAudit> audit)
{
    m_audit = std::move(audit);
    m_items.clear();
    m_findings->clear();
    m_relabelTarget->clear();
    if (!m_audit) {
        m_summary->setText(tr("Not checked yet. Check data scores every image with classifiers that never saw it, "
                              "from the cached features, to find labels that look wrong, the same image twice and "
                              "images unlike every class."));
        selectionChanged();
        return;
    }
    const DataAudit &a = *m_audit;
    const QStringList &classes = a.run.dataset.classes;
    m_relabelTarget->addItems(classes);
    m_summary->setText(tr("%1 images checked in %2 s: about %3 labels may be wrong.")
                           .arg(a.run.dataset.images.size())
                           .arg(a.seconds, 0, 'f', 1)
                           .arg(a.labels.estimatedWrong, 0, 'f', 0));

    auto *labels = new QTreeWidgetItem(m_findings, {tr("Labels that look wrong: %1").arg(a.labels.issues.size())});
    for (const LabelIssue &issue : a.labels.issues)
        imageItem(labels, issue.row, tr("looks like %1 (score %2)").arg(classes[issue.suggested]).arg(issue.score, 0, 'g', 2),
                  classes[issue.suggested]);
    auto *duplicates = new QTreeWidgetItem(m_findings, {tr("Duplicate groups: %1").arg(a.duplicates.size())});
    for (const DuplicateGroup &group : a.duplicates) {
        QStringList kinds{group.kind == DuplicateGroup::Kind::Exact ? tr("exact copies") : tr("near copies")};
        if (a.isLeak(group))
            kinds << tr("leak: in training and in validation or test");
        if (a.isConflict(group))
            kinds << tr("conflict: in more than one class");
        auto *node = new QTreeWidgetItem(duplicates, {tr("%n images", nullptr, int(group.rows.size())), {}, {}, kinds.join(QStringLiteral(" · "))});
        for (std::int64_t row : group.rows)
            imageItem(node, row, {});
        node->setExpanded(true);
    }
    auto *outliers = new QTreeWidgetItem(m_findings, {tr("Outliers: %1").arg(a.outliers.size())});
    for (const Outlier &outlier : a.outliers)
        imageItem(outliers, outlier.row, tr("%1 (score %2)").arg(reasonText(outlier.reason)).arg(outlier.score, 0, 'f', 2));
    for (QTreeWidgetItem *section : {labels, duplicates, outliers}) {
        section->setFirstColumnSpanned(true);
        section->setFlags(Qt::ItemIsEnabled);
        section->setExpanded(true);
    }
    showFixState();
    showMap();
    selectionChanged();
}

void DataHealthPage::setMistakes(const QStringList &paths)
{
    m_mistakes = paths;
    showMap();
}

void DataHealthPage::showMap()
{
    if (!m_audit || m_audit->map.empty()) {
        m_map->setPoints({}, {}, {});
        return;
    }
    const DataAudit &a = *m_audit;
    QSet<std::int64_t> found;
    for (const LabelIssue &issue : a.labels.issues)
        found.insert(issue.row);
    for (const DuplicateGroup &group : a.duplicates)
        for (std::int64_t row : group.rows)
            found.insert(row);
    for (const Outlier &outlier : a.outliers)
        found.insert(outlier.row);
    const QSet<QString> mistakes(m_mistakes.begin(), m_mistakes.end());
    std::vector<MapPoint> points;
    for (std::size_t r = 0; r < a.run.dataset.images.size(); ++r) {
        const ImageEntry &image = a.run.dataset.images[r];
        points.push_back({image.path, image.label, mistakes.contains(image.path), found.contains(std::int64_t(r))});
    }
    m_map->setPoints(a.run.dataset.classes, std::move(points), a.map);
}

QTreeWidgetItem *DataHealthPage::imageItem(QTreeWidgetItem *parent, std::int64_t row, const QString &finding,
                                           const QString &suggested)
{
    const ImageEntry &image = m_audit->run.dataset.images[std::size_t(row)];
    auto *item = new QTreeWidgetItem(parent, {QFileInfo(image.path).fileName(), m_audit->run.dataset.classes[image.label],
                                              setName(image.subset), finding});
    item->setToolTip(Image, QDir::toNativeSeparators(image.path));
    item->setData(Image, kPathRole, image.path);
    item->setData(Image, kSuggestedRole, suggested);
    const QImage thumbnail = m_thumbnails->thumbnail(image.path);
    if (!thumbnail.isNull())
        item->setIcon(Image, QPixmap::fromImage(thumbnail));
    m_items[image.path] << item;
    return item;
}

void DataHealthPage::thumbnailLoaded(const QString &path)
{
    const auto items = m_items.constFind(path);
    if (items == m_items.constEnd())
        return;
    const QPixmap pixmap = QPixmap::fromImage(m_thumbnails->thumbnail(path));
    for (QTreeWidgetItem *item : *items)
        item->setIcon(Image, pixmap);
}

void DataHealthPage::setFixes(const ImageFixes &fixes)
{
    m_fixes = fixes;
    const std::vector<ImageFix> current = fixes.current();
    m_fixesTitle->setText(current.empty() ? tr("No fixes yet.")
                                          : tr("Fixes kept in the project, applied to the next training: %1").arg(current.size()));
    m_fixesList->clear();
    for (const ImageFix &fix : current)
        m_fixesList->addItem(QDir::toNativeSeparators(fix.path) + QStringLiteral(": ") + fixText(&fix));
    m_undo->setEnabled(!fixes.empty());
    m_fixesList->setVisible(!current.empty());
    showFixState();
}

void DataHealthPage::showFixState()
{
    for (auto it = m_items.cbegin(); it != m_items.cend(); ++it)
        for (QTreeWidgetItem *item : it.value())
            item->setText(Fix, fixText(m_fixes.find(it.key())));
}

QStringList DataHealthPage::selectedPaths() const
{
    if (m_views->currentWidget() == m_map)
        return m_map->selectedPaths();
    QStringList paths;
    for (const QTreeWidgetItem *item : m_findings->selectedItems()) {
        const QString path = item->data(Image, kPathRole).toString();
        if (!path.isEmpty() && !paths.contains(path))
            paths << path;
    }
    return paths;
}

void DataHealthPage::selectionChanged()
{
    const bool any = !selectedPaths().isEmpty();
    for (QWidget *w : {static_cast<QWidget *>(m_relabel), static_cast<QWidget *>(m_relabelTarget),
                       static_cast<QWidget *>(m_exclude), static_cast<QWidget *>(m_reviewed)})
        w->setEnabled(any);
    // A label issue suggests the class it looks like.
    const QList<QTreeWidgetItem *> selected = m_findings->selectedItems();
    if (selected.size() == 1)
        if (const QString suggested = selected.front()->data(Image, kSuggestedRole).toString(); !suggested.isEmpty())
            m_relabelTarget->setCurrentText(suggested);
}

void DataHealthPage::requestFix(ImageFix::Kind kind)
{
    const QString target = m_relabelTarget->currentText();
    for (const QString &path : selectedPaths())
        Q_EMIT fixRequested({path, kind, kind == ImageFix::Kind::Relabel ? target : QString()});
}

} // namespace rs
