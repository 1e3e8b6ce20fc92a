#pragma once

#include "data/dataset.h"

#include <QAbstractTableModel>
#include <QHash>

#include <array>
#include <vector>

namespace rs {

class ThumbnailCache;

// A class with the images found for it, as the dataset page shows it.
struct ScannedClass
{
    ClassSource source;
    QStringList images;
    std::vector<double> percent; // splitPercentage of each image
};

struct FolderScan
{
    std::vector<ScannedClass> classes;
    QStringList skipped;
};

// Reads dropped folders (see findClasses) or a project's classes; disk work, run off the
// GUI thread.
FolderScan scanFolders(const QStringList &folders, SplitKey key);
FolderScan scanClasses(const std::vector<ClassSource> &classes, SplitKey key);

// The class table: one row per class. The name is editable (a name already taken is
// refused) and checkable (unchecked classes are excluded from training); the counts follow
// the split percentages at once, since the split is a hash computed once per file.
class ClassTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClassTableModel)

public:
    enum Column { Name, Images, Train, Validation, Test, Examples, Folders, ColumnCount };
    static constexpr int kExamples = 6; // thumbnails in a row's strip

    explicit ClassTableModel(ThumbnailCache *thumbnails, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool removeRows(int row, int count, const QModelIndex &parent = {}) override;

    // Adds classes; one named like a class already here joins it.
    void addClasses(const std::vector<ScannedClass> &classes);
    void clear();
    void setSplit(const SplitOptions &split);

    std::vector<ClassSource> sources() const;
    // Included classes and their images per subset, summed.
    int includedClasses() const;
    std::array<int, 3> includedCounts() const;

private:
    struct Row
    {
        ClassSource source;
        QStringList images;
        std::vector<double> percent; // splitPercentage of each image
        std::array<int, 3> counts{};
    };
    void count(Row &row) const;
    static void sortByPath(Row &row);
    QPixmap strip(const Row &row) const;
    void thumbnailLoaded(const QString &path);
    void indexStrips();

    ThumbnailCache *m_thumbnails;
    std::vector<Row> m_rows;
    SplitOptions m_split;
    QHash<QString, int> m_stripRow; // example image -> its row
};

} // namespace rs
