#include "dataset.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>
#include <map>

namespace rs {
namespace {

// retrain.py's MAX_NUM_IMAGES_PER_CLASS: the hash is taken modulo this plus one.
constexpr std::uint32_t kHashBuckets = 1u << 27;
constexpr double kImbalanceRatio = 5.0;

bool isImage(const QFileInfo &file)
{
    return imageExtensions().contains(file.suffix().toLower());
}

bool isHidden(const QFileInfo &file)
{
    return file.fileName().startsWith(QLatin1Char('.'));
}

// Every image below `folder`; everything else found there goes to `skipped`. Links to folders
// inside a class are not followed: one can loop back, or pull another class's images in.
QStringList imagesBelow(const QString &folder, QStringList &skipped)
{
    QStringList images;
    QDirIterator it(folder, QDir::Files | QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo file(it.next());
        const QString relative = QDir(folder).relativeFilePath(file.filePath());
        if (file.isDir()) {
            if (file.isSymLink())
                skipped << file.filePath() + QStringLiteral(": a link to a folder, not followed (it could loop or reach other classes)");
            continue;
        }
        if (isHidden(file) || relative.contains(QStringLiteral("/.")))
            skipped << file.filePath() + QStringLiteral(": hidden file");
        else if (!isImage(file))
            skipped << file.filePath() + QStringLiteral(": not an image file type (") + imageExtensions().join(QStringLiteral(", ")) + QLatin1Char(')');
        else
            images << file.filePath();
    }
    std::sort(images.begin(), images.end());
    return images;
}

// A folder with visible subfolders holds classes; one without holds the images of one class.
bool holdsClassFolders(const QString &folder)
{
    for (const QFileInfo &sub : QDir(folder).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot))
        if (!isHidden(sub))
            return true;
    return false;
}

} // namespace

const char *subsetName(Subset subset)
{
    switch (subset) {
    case Subset::Train: return "train";
    case Subset::Validation: return "validation";
    case Subset::Test: return "test";
    }
    return "";
}

const QStringList &imageExtensions()
{
    static const QStringList extensions{QStringLiteral("jpg"), QStringLiteral("jpeg"), QStringLiteral("png"),
                                        QStringLiteral("bmp"), QStringLiteral("webp"), QStringLiteral("tif"),
                                        QStringLiteral("tiff")};
    return extensions;
}

double splitPercentage(const QString &fileName)
{
    static const QRegularExpression noHash(QStringLiteral("_nohash_.*$"));
    const QString hashName = QString(fileName).remove(noHash);
    const QByteArray digest = QCryptographicHash::hash(hashName.toUtf8(), QCryptographicHash::Sha1);
    // int(sha1, 16) % 2^27 keeps the digest's low 27 bits: its last bytes, big-endian.
    std::uint32_t low = 0;
    for (int i = digest.size() - 4; i < digest.size(); ++i)
        low = (low << 8) | std::uint8_t(digest[i]);
    return double(low % kHashBuckets) * (100.0 / (kHashBuckets - 1));
}

Subset assignSubset(const QString &fileName, const SplitOptions &options)
{
    return subsetAt(splitPercentage(fileName), options);
}

Subset subsetAt(double p, const SplitOptions &options)
{
    if (p < options.validationPercent)
        return Subset::Validation;
    if (p < options.validationPercent + options.testPercent)
        return Subset::Test;
    return Subset::Train;
}

std::vector<ClassCounts> Dataset::counts() const
{
    std::vector<ClassCounts> out(std::size_t(classes.size()));
    for (int c = 0; c < classes.size(); ++c)
        out[std::size_t(c)].name = classes[c];
    for (const ImageEntry &image : images)
        ++out[std::size_t(image.label)].perSubset[std::size_t(image.subset)];
    return out;
}

std::vector<int> Dataset::indicesOf(Subset subset) const
{
    std::vector<int> out;
    for (std::size_t i = 0; i < images.size(); ++i)
        if (images[i].subset == subset)
            out.push_back(int(i));
    return out;
}

QStringList collectImages(const QStringList &paths, QStringList &skipped)
{
    QStringList images;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (info.isDir())
            images << imagesBelow(path, skipped);
        else if (!info.exists())
            skipped << path + QStringLiteral(": no such file");
        else
            images << path; // named explicitly: let the decoder judge it
    }
    return images;
}

DatasetSources findClasses(const QStringList &folders)
{
    DatasetSources sources;
    std::map<QString, QStringList> classFolders; // sorted by class name
    for (const QString &given : folders) {
        const QString folder = QDir::cleanPath(QFileInfo(given).absoluteFilePath());
        if (!QFileInfo(folder).isDir()) {
            sources.skipped << folder + QStringLiteral(": not a folder");
            continue;
        }
        if (!holdsClassFolders(folder)) {
            classFolders[QFileInfo(folder).fileName()] << folder;
            continue;
        }
        for (const QFileInfo &sub : QDir(folder).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name)) {
            if (isHidden(sub))
                sources.skipped << sub.filePath() + QStringLiteral(": hidden folder");
            else
                classFolders[sub.fileName()] << sub.filePath();
        }
        for (const QFileInfo &file : QDir(folder).entryInfoList(QDir::Files | QDir::Hidden))
            sources.skipped << file.filePath() + QStringLiteral(": a loose file beside class folders");
    }
    for (auto &[name, paths] : classFolders) {
        paths.removeDuplicates();
        sources.classes.push_back({name, paths, true});
    }
    return sources;
}

QStringList classImages(const ClassSource &source, QStringList &skipped)
{
    QStringList images;
    for (const QString &folder : source.folders)
        images << imagesBelow(folder, skipped);
    images.removeDuplicates();
    std::sort(images.begin(), images.end());
    return images;
}

Dataset scanDataset(const DatasetSources &sources, const SplitOptions &split)
{
    Dataset dataset;
    dataset.skipped = sources.skipped;
    std::map<QString, QStringList> classImages; // sorted by class name
    for (const ClassSource &source : sources.classes)
        if (source.included)
            classImages[source.name] << rs::classImages(source, dataset.skipped);

    for (auto &[name, paths] : classImages) {
        paths.removeDuplicates();
        std::sort(paths.begin(), paths.end());
        if (paths.isEmpty()) {
            dataset.skipped << name + QStringLiteral(": class folder holds no images");
            continue;
        }
        const int label = int(dataset.classes.size());
        dataset.classes << name;
        for (const QString &path : paths)
            dataset.images.push_back({path, label, assignSubset(QFileInfo(path).fileName(), split)});
    }

    const auto counts = dataset.counts();
    int smallest = INT_MAX, largest = 0;
    for (const ClassCounts &c : counts) {
        smallest = std::min(smallest, c.total());
        largest = std::max(largest, c.total());
        if (c.total() < kFewImagesPerClass)
            dataset.warnings << QStringLiteral("class '%1' has only %2 images; %3 or more give a more reliable classifier")
                                    .arg(c.name).arg(c.total()).arg(kFewImagesPerClass);
    }
    if (!counts.empty() && largest > kImbalanceRatio * smallest)
        dataset.warnings << QStringLiteral("classes are strongly imbalanced (%1 to %2 images); consider class-balanced sampling")
                                .arg(smallest).arg(largest);
    return dataset;
}

} // namespace rs
