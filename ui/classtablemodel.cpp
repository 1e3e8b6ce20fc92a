#include "classtablemodel.h"

#include "thumbnailcache.h"

#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QPainter>
#include <QPalette>
#include <QPixmap>

#include <algorithm>
#include <map>

namespace rs {

FolderScan scanClasses(const std::vector<ClassSource> &classes, SplitKey key)
{
    FolderScan scan;
    for (const ClassSource &source : classes) {
        const ClassImages images = classImages(source, key, scan.skipped);
        ScannedClass scanned{source, images.paths, {}};
        for (const QString &name : images.splitNames)
            scanned.percent.push_back(splitPercentage(name));
        scan.classes.push_back(std::move(scanned));
    }
    return scan;
}

FolderScan scanFolders(const QStringList &folders, SplitKey key)
{
    const DatasetSources sources = findClasses(folders);
    FolderScan scan = scanClasses(sources.classes, key);
    scan.skipped = sources.skipped + scan.skipped;
    return scan;
}

ClassTableModel::ClassTableModel(ThumbnailCache *thumbnails, QObject *parent)
    : QAbstractTableModel(parent), m_thumbnails(thumbnails)
{
    connect(m_thumbnails, &ThumbnailCache::loaded, this, &ClassTableModel::thumbnailLoaded);
}

int ClassTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ClassTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ClassTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[std::size_t(index.row())];
    const int column = index.column();
    if (role == Qt::CheckStateRole && column == Name)
        return row.source.included ? Qt::Checked : Qt::Unchecked;
    if (role == Qt::DecorationRole && column == Examples)
        return strip(row);
    if (role == Qt::TextAlignmentRole && column >= Images && column <= Test)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && column == Folders)
        return row.source.folders.join(QLatin1Char('\n'));
    if (role == Qt::ToolTipRole && column == Name)
        return row.source.included ? tr("Double-click to rename; untick to leave this class out of training.")
                                   : tr("Left out of training: tick to include it again.");
    if (role == Qt::ForegroundRole && !row.source.included)
        return QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text);
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    switch (column) {
    case Name: return row.source.name;
    case Images: return int(row.images.size());
    case Train: return row.counts[std::size_t(Subset::Train)];
    case Validation: return row.counts[std::size_t(Subset::Validation)];
    case Test: return row.counts[std::size_t(Subset::Test)];
    case Folders: {
        QStringList names;
        for (const QString &folder : row.source.folders)
            names << QDir::toNativeSeparators(folder);
        return names.join(QStringLiteral("; "));
    }
    default: return {};
    }
}

bool ClassTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) || index.column() != Name)
        return false;
    Row &row = m_rows[std::size_t(index.row())];
    if (role == Qt::CheckStateRole) {
        row.source.included = value.value<Qt::CheckState>() == Qt::Checked;
        // The whole row changes colour with it.
        Q_EMIT dataChanged(index.siblingAtColumn(0), index.siblingAtColumn(columnCount() - 1));
        return true;
    } else if (role == Qt::EditRole) {
        const QString name = value.toString().trimmed();
        const bool taken = std::any_of(m_rows.begin(), m_rows.end(), [&](const Row &r) {
            return &r != &row && r.source.name == name;
        });
        if (name.isEmpty() || taken || name.contains(QLatin1Char('\n')))
            return false;
        row.source.name = name;
    } else {
        return false;
    }
    Q_EMIT dataChanged(index, index);
    return true;
}

QVariant ClassTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name: return tr("Class");
    case Images: return tr("Images");
    case Train: return tr("Training");
    case Validation: return tr("Validation");
    case Test: return tr("Test");
    case Examples: return tr("Examples");
    case Folders: return tr("Folders");
    default: return {};
    }
}

Qt::ItemFlags ClassTableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == Name)
        f |= Qt::ItemIsEditable | Qt::ItemIsUserCheckable;
    return f;
}

bool ClassTableModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || count <= 0 || row + count > rowCount())
        return false;
    beginRemoveRows({}, row, row + count - 1);
    m_rows.erase(m_rows.begin() + row, m_rows.begin() + row + count);
    endRemoveRows();
    indexStrips();
    return true;
}

void ClassTableModel::addClasses(const std::vector<ScannedClass> &classes)
{
    for (const ScannedClass &scanned : classes) {
        auto existing = std::find_if(m_rows.begin(), m_rows.end(), [&](const Row &r) { return r.source.name == scanned.source.name; });
        if (existing != m_rows.end()) {
            const int r = int(existing - m_rows.begin());
            for (int i = 0; i < scanned.source.folders.size(); ++i)
                existing->source.addFolder(scanned.source.folders[i],
                                           scanned.source.spelledFolders.value(i, scanned.source.folders[i]));
            existing->images << scanned.images;
            existing->percent.insert(existing->percent.end(), scanned.percent.begin(), scanned.percent.end());
            sortByPath(*existing);
            count(*existing);
            Q_EMIT dataChanged(index(r, 0), index(r, ColumnCount - 1));
            continue;
        }
        const int r = rowCount();
        beginInsertRows({}, r, r);
        m_rows.push_back({scanned.source, scanned.images, scanned.percent, {}});
        count(m_rows.back());
        endInsertRows();
    }
    indexStrips();
}

void ClassTableModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_stripRow.clear();
    endResetModel();
}

void ClassTableModel::setSplit(const SplitOptions &split)
{
    m_split = split;
    for (Row &row : m_rows)
        count(row);
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, Train), index(rowCount() - 1, Test));
}

std::vector<ClassSource> ClassTableModel::sources() const
{
    std::vector<ClassSource> out;
    for (const Row &row : m_rows)
        out.push_back(row.source);
    return out;
}

int ClassTableModel::includedClasses() const
{
    return int(std::count_if(m_rows.begin(), m_rows.end(), [](const Row &r) { return r.source.included && !r.images.isEmpty(); }));
}

std::array<int, 3> ClassTableModel::includedCounts() const
{
    std::array<int, 3> total{};
    for (const Row &row : m_rows)
        if (row.source.included)
            for (std::size_t s = 0; s < total.size(); ++s)
                total[s] += row.counts[s];
    return total;
}

void ClassTableModel::sortByPath(Row &row)
{
    std::map<QString, double> byPath; // one entry per image: the same file may come twice
    for (int i = 0; i < row.images.size(); ++i)
        byPath.emplace(row.images[i], row.percent[std::size_t(i)]);
    row.images.clear();
    row.percent.clear();
    for (const auto &[path, percent] : byPath) {
        row.images << path;
        row.percent.push_back(percent);
    }
}

void ClassTableModel::count(Row &row) const
{
    // The hash was computed by the scan; a split change only compares numbers.
    row.counts = {};
    for (double p : row.percent)
        ++row.counts[std::size_t(subsetAt(p, m_split))];
}

QPixmap ClassTableModel::strip(const Row &row) const
{
    const int size = m_thumbnails->size();
    const int n = std::min<int>(kExamples, int(row.images.size()));
    QPixmap pixmap(std::max(1, n * (size + 2)), size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    for (int i = 0; i < n; ++i) {
        const QImage thumb = m_thumbnails->thumbnail(row.images[i]);
        if (!thumb.isNull())
            painter.drawImage(i * (size + 2) + (size - thumb.width()) / 2, (size - thumb.height()) / 2, thumb);
    }
    return pixmap;
}

void ClassTableModel::indexStrips()
{
    m_stripRow.clear();
    for (int r = 0; r < rowCount(); ++r)
        for (const QString &path : m_rows[std::size_t(r)].images.mid(0, kExamples))
            m_stripRow.insert(path, r);
}

void ClassTableModel::thumbnailLoaded(const QString &path)
{
    const auto it = m_stripRow.constFind(path);
    if (it != m_stripRow.constEnd() && *it < rowCount())
        Q_EMIT dataChanged(index(*it, Examples), index(*it, Examples), {Qt::DecorationRole});
}

} // namespace rs

