#include "data/dataset.h"

#include "images/image.h"

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

// TensorFlow Hub's retrain.py globs '*.' + each of these in a class folder; on Linux the
// glob is case-sensitive, so 'photo.PNG' and 'photo.Jpg' are not collected.
bool retrainPyCollects(const QFileInfo &file)
{
    static const QStringList extensions{QStringLiteral("JPEG"), QStringLiteral("JPG"), QStringLiteral("jpeg"),
                                        QStringLiteral("jpg"), QStringLiteral("png")};
    return extensions.contains(file.suffix());
}

// Python's os.path.join(folder, name) for a relative name: how retrain.py spells the path it
// hashes (no separator is added after one already there; nothing is normalised).
QString pythonJoin(const QString &folder, const QString &name)
{
    if (folder.isEmpty() || folder.endsWith(QLatin1Char('/')))
        return folder + name;
    return folder + QLatin1Char('/') + name;
}

// Every image below `folder` that the split key takes; everything else found there goes to
// `skipped`, and so do files that cannot be images (empty, unreadable, text renamed .png: see
// screenImageFile), so that they are listed while scanning rather than after extraction. Links to folders inside a class are not followed: one can loop back, or pull
// another class's images in.
QStringList imagesBelow(const QString &folder, SplitKey key, QStringList &skipped)
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
        else if (key == SplitKey::RetrainPy && (relative.contains(QLatin1Char('/')) || !retrainPyCollects(file)))
            skipped << file.filePath() + QStringLiteral(": not collected with the retrain-py split key (retrain.py takes only "
                                                        "*.jpg, *.jpeg, *.JPG, *.JPEG and *.png directly in a class folder)");
        else if (const QString problem = screenImageFile(file.filePath()); !problem.isEmpty())
            skipped << problem;
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

const char *splitKeyName(SplitKey key)
{
    return key == SplitKey::RetrainPy ? "retrain-py" : "file-name";
}

std::optional<SplitKey> parseSplitKey(const QString &name)
{
    for (SplitKey key : {SplitKey::FileName, SplitKey::RetrainPy})
        if (name == QLatin1String(splitKeyName(key)))
            return key;
    return std::nullopt;
}

QStringList splitKeyNames()
{
    return {QLatin1String(splitKeyName(SplitKey::FileName)), QLatin1String(splitKeyName(SplitKey::RetrainPy))};
}

const QStringList &imageExtensions()
{
    static const QStringList extensions{QStringLiteral("jpg"), QStringLiteral("jpeg"), QStringLiteral("png"),
                                        QStringLiteral("bmp"), QStringLiteral("webp"), QStringLiteral("tif"),
                                        QStringLiteral("tiff")};
    return extensions;
}

double splitPercentage(const QString &splitName)
{
    static const QRegularExpression noHash(QStringLiteral("_nohash_.*$"));
    const QString hashName = QString(splitName).remove(noHash);
    const QByteArray digest = QCryptographicHash::hash(hashName.toUtf8(), QCryptographicHash::Sha1);
    // int(sha1, 16) % 2^27 keeps the digest's low 27 bits: its last bytes, big-endian.
    std::uint32_t low = 0;
    for (int i = digest.size() - 4; i < digest.size(); ++i)
        low = (low << 8) | std::uint8_t(digest[i]);
    return double(low % kHashBuckets) * (100.0 / (kHashBuckets - 1));
}

Subset assignSubset(const QString &splitName, const SplitOptions &options)
{
    return subsetAt(splitPercentage(splitName), options);
}

Subset subsetAt(double p, const SplitOptions &options)
{
    if (p < options.validationPercent)
        return Subset::Validation;
    if (p < options.validationPercent + options.testPercent)
        return Subset::Test;
    return Subset::Train;
}

void ClassSource::addFolder(const QString &folder, const QString &spelled)
{
    if (folders.contains(folder))
        return;
    if (spelledFolders.size() < folders.size()) // spelled as it is, where that was not kept
        spelledFolders = folders;
    folders << folder;
    spelledFolders << spelled;
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
            images << imagesBelow(path, SplitKey::FileName, skipped);
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
    std::map<QString, ClassSource> classes; // sorted by name
    const auto add = [&](const QString &name, const QString &folder, const QString &spelled) {
        classes[name].name = name;
        classes[name].addFolder(folder, spelled);
    };
    for (const QString &given : folders) {
        const QString folder = QDir::cleanPath(QFileInfo(given).absoluteFilePath());
        if (!QFileInfo(folder).isDir()) {
            sources.skipped << folder + QStringLiteral(": not a folder");
            continue;
        }
        if (!holdsClassFolders(folder)) {
            add(QFileInfo(folder).fileName(), folder, given);
            continue;
        }
        for (const QFileInfo &sub : QDir(folder).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name)) {
            if (isHidden(sub))
                sources.skipped << sub.filePath() + QStringLiteral(": hidden folder");
            else
                add(sub.fileName(), sub.filePath(), pythonJoin(given, sub.fileName()));
        }
        for (const QFileInfo &file : QDir(folder).entryInfoList(QDir::Files | QDir::Hidden))
            sources.skipped << file.filePath() + QStringLiteral(": a loose file beside class folders");
    }
    for (auto &[name, source] : classes)
        sources.classes.push_back(std::move(source));
    return sources;
}

ClassImages classImages(const ClassSource &source, SplitKey key, QStringList &skipped)
{
    std::map<QString, QString> splitNames; // path -> split name, sorted by path
    for (int i = 0; i < source.folders.size(); ++i) {
        const QString spelled = source.spelledFolders.value(i, source.folders[i]);
        for (const QString &path : imagesBelow(source.folders[i], key, skipped)) {
            const QString fileName = QFileInfo(path).fileName();
            splitNames.emplace(path, key == SplitKey::RetrainPy ? pythonJoin(spelled, fileName) : fileName);
        }
    }
    ClassImages images;
    for (const auto &[path, name] : splitNames) {
        images.paths << path;
        images.splitNames << name;
    }
    return images;
}

QStringList sizeWarnings(const Dataset &dataset)
{
    QStringList warnings;
    int smallest = INT_MAX, largest = 0;
    for (const ClassCounts &c : dataset.counts()) {
        if (c.total() == 0) {
            warnings << QStringLiteral("class '%1' has no images left: every one was excluded").arg(c.name);
            continue;
        }
        smallest = std::min(smallest, c.total());
        largest = std::max(largest, c.total());
        if (c.total() < kFewImagesPerClass)
            warnings << QStringLiteral("class '%1' has only %2 images; %3 or more give a more reliable classifier")
                            .arg(c.name).arg(c.total()).arg(kFewImagesPerClass);
    }
    if (largest > 0 && largest > kImbalanceRatio * smallest)
        warnings << QStringLiteral("classes are strongly imbalanced (%1 to %2 images); consider class-balanced sampling")
                        .arg(smallest).arg(largest);
    return warnings;
}

Dataset scanDataset(const DatasetSources &sources, const SplitOptions &split)
{
    Dataset dataset;
    dataset.skipped = sources.skipped;
    // class name -> (path -> split name), both sorted
    std::map<QString, std::map<QString, QString>> classFiles;
    for (const ClassSource &source : sources.classes) {
        if (!source.included)
            continue;
        const ClassImages found = classImages(source, split.key, dataset.skipped);
        auto &files = classFiles[source.name];
        for (int i = 0; i < found.paths.size(); ++i)
            files.emplace(found.paths[i], found.splitNames[i]);
    }

    for (const auto &[name, files] : classFiles) {
        if (files.empty()) {
            dataset.skipped << name + QStringLiteral(": class folder holds no images");
            continue;
        }
        const int label = int(dataset.classes.size());
        dataset.classes << name;
        for (const auto &[path, splitName] : files)
            dataset.images.push_back({path, label, assignSubset(splitName, split)});
    }

    dataset.warnings = sizeWarnings(dataset);
    return dataset;
}

} // namespace rs
