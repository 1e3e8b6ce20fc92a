#pragma once

#include "data/imagefixes.h"

#include <QHash>
#include <QWidget>

#include <memory>

class QAction;
class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QTabWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace rs {

struct DataAudit;
class EmbeddingMap;
class ThumbnailCache;

// The data audit's findings (labels that look wrong, duplicate groups, outliers), each image
// with its thumbnail and the fix it has, and the fixes: relabel, exclude, mark reviewed, undo.
// Shows what it is given and asks for fixes; the session keeps them.
class DataHealthPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DataHealthPage)

public:
    DataHealthPage(ThumbnailCache *thumbnails, QAction *check, QWidget *parent = nullptr);

    // Null: nothing checked yet (or a project was opened).
    void setAudit(std::shared_ptr<const DataAudit> audit);
    void setFixes(const ImageFixes &fixes);
    // The test images the last run got wrong, ringed on the map.
    void setMistakes(const QStringList &paths);
    EmbeddingMap *map() const { return m_map; }

Q_SIGNALS:
    void fixRequested(const rs::ImageFix &fix);
    void undoRequested();

private:
    QTreeWidgetItem *imageItem(QTreeWidgetItem *parent, std::int64_t row, const QString &finding, const QString &suggested = {});
    QStringList selectedPaths() const;
    void selectionChanged();
    void requestFix(ImageFix::Kind kind);
    void showFixState();
    void thumbnailLoaded(const QString &path);
    void showMap();

    ThumbnailCache *m_thumbnails;
    std::shared_ptr<const DataAudit> m_audit;
    ImageFixes m_fixes;
    QHash<QString, QList<QTreeWidgetItem *>> m_items; // by image path
    QLabel *m_summary;
    QStringList m_mistakes;
    QTabWidget *m_views;
    QTreeWidget *m_findings;
    EmbeddingMap *m_map;
    QComboBox *m_relabelTarget;
    QPushButton *m_relabel;
    QPushButton *m_exclude;
    QPushButton *m_reviewed;
    QPushButton *m_undo;
    QLabel *m_fixesTitle;
    QListWidget *m_fixesList;
};

} // namespace rs
