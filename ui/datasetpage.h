#pragma once

#include "classtablemodel.h"

#include <QFutureWatcher>
#include <QWidget>

class QComboBox;
class QLabel;
class QMimeData;
class QListWidget;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTableView;

namespace rs {

class DatasetWelcome;
class ThumbnailCache;

// The first page: classes come in by dropping folders (or "Add folder…"); the table shows
// them with their split, and what was skipped is listed with the reason.
class DatasetPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DatasetPage)

public:
    explicit DatasetPage(ThumbnailCache *thumbnails, QWidget *parent = nullptr);

    ClassTableModel *model() const { return m_model; }
    // What the page shows before it has classes.
    DatasetWelcome *welcome() const { return m_welcome; }
    std::vector<ClassSource> classes() const { return m_model->sources(); }
    SplitOptions split() const;
    bool isScanning() const { return m_scans > 0; }

    void addFolders(const QStringList &folders);
    // The local folders a drag carries: what this page takes from a drop.
    static QStringList droppedFolders(const QMimeData *mime);
    // Asks for a folder with a dialog and adds it.
    void chooseFolder();
    // Replaces everything, as opening a project does.
    void setDataset(const std::vector<ClassSource> &classes, const SplitOptions &split);

Q_SIGNALS:
    void changed();
    void sampleDataRequested();

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void startScan(const std::function<FolderScan()> &scan);
    void scanDone(const FolderScan &scan);
    void removeSelected();
    void updateSummary();

    ClassTableModel *m_model;
    QTableView *m_table;
    QSpinBox *m_validation;
    QSpinBox *m_test;
    QComboBox *m_splitKey;
    DatasetWelcome *m_welcome;
    QStackedWidget *m_views;
    QLabel *m_summary;
    QLabel *m_warnings;
    QListWidget *m_skipped;
    QStringList m_skippedFiles;
    int m_scans = 0;
    int m_generation = 0; // scans started before setDataset() are dropped
};

} // namespace rs
