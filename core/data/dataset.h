#pragma once

#include <QString>
#include <QStringList>

#include <array>
#include <optional>
#include <vector>

namespace rs {

enum class Subset { Train = 0, Validation = 1, Test = 2 };

// Below this many images a class gets a warning: its accuracy figures mean little.
constexpr int kFewImagesPerClass = 20;
const char *subsetName(Subset subset);

// What a file's place in the split is hashed from (docs/pipeline.md, "The split").
enum class SplitKey {
    FileName,  // the file's name alone: a file keeps its set when folders are moved or renamed
    RetrainPy, // IMAGE_DIR/CLASS/FILE as TensorFlow retrain.py hashes it, for the files it collects
};
const char *splitKeyName(SplitKey key); // "file-name", "retrain-py"
std::optional<SplitKey> parseSplitKey(const QString &name);
QStringList splitKeyNames();

struct SplitOptions
{
    double validationPercent = 10.0;
    double testPercent = 10.0;
    SplitKey key = SplitKey::FileName;
};

// Where a file goes, from a hash of its split name (see SplitKey) computed as retrain.py
// computes it: adding images never moves old ones, and everything after "_nohash_" is
// ignored, so near-identical shots (photo_nohash_1.jpg, photo_nohash_2.jpg) land in the same set.
double splitPercentage(const QString &splitName);
Subset assignSubset(const QString &splitName, const SplitOptions &options);
// The subset of a file whose splitPercentage is `percentage`.
Subset subsetAt(double percentage, const SplitOptions &options);

struct ImageEntry
{
    QString path;
    int label = 0;
    Subset subset = Subset::Train;
};

struct ClassCounts
{
    QString name;
    std::array<int, 3> perSubset{}; // indexed by Subset
    int total() const { return perSubset[0] + perSubset[1] + perSubset[2]; }
};

struct Dataset
{
    QStringList classes;             // label -> name, sorted by name
    std::vector<ImageEntry> images;  // sorted by class, then path
    QStringList skipped;             // "<file>: <reason>" for files that were not taken
    QStringList warnings;            // small or imbalanced classes

    std::vector<ClassCounts> counts() const;
    std::vector<int> indicesOf(Subset subset) const;
};

// The image files accepted, by extension (compared case-insensitively).
const QStringList &imageExtensions();

// The image files among `paths`, folders searched recursively, in the order given (each
// folder's images sorted). Anything else is listed in `skipped`.
QStringList collectImages(const QStringList &paths, QStringList &skipped);

// One class as the user arranged it: its name and the folders its images come from.
struct ClassSource
{
    QString name;
    QStringList folders;  // absolute and clean
    bool included = true; // excluded classes stay listed but are not trained on
    // Each folder as the user spelled it (relative, trailing slash…), which the retrain-py
    // split key hashes; empty when unknown (a project's classes): then `folders`.
    QStringList spelledFolders;

    // Adds `folder`, spelled `spelled`, unless the class has it already.
    void addFolder(const QString &folder, const QString &spelled);
};

struct DatasetSources
{
    std::vector<ClassSource> classes; // sorted by name, names unique
    QStringList skipped;              // what was found beside or instead of class folders
};

// The classes in `folders`: a folder with subfolders holds classes (one class per subfolder),
// a folder without holds the images of one class, named after the folder. Class names are
// folder names exactly, Unicode included; classes of the same name from several folders
// are merged.
DatasetSources findClasses(const QStringList &folders);

// A class's images, sorted, each with the name its split is hashed from. With the file-name
// key its folders are searched recursively for every image type; with the retrain-py key only
// the files retrain.py collects are taken (*.jpg, *.jpeg, *.JPG, *.JPEG, *.png directly in a
// class folder). Hidden files and everything not taken go to `skipped` with the reason.
struct ClassImages
{
    QStringList paths;
    QStringList splitNames;
};
ClassImages classImages(const ClassSource &source, SplitKey key, QStringList &skipped);

// Classes too small to trust, empty, or far apart in size, in the words both front ends show.
QStringList sizeWarnings(const Dataset &dataset);

// Reads the included classes' images and splits them. Never fails on a file: hidden files,
// other file types and empty classes are listed in `skipped`.
Dataset scanDataset(const DatasetSources &sources, const SplitOptions &split = {});
inline Dataset scanDataset(const QStringList &folders, const SplitOptions &split = {})
{
    return scanDataset(findClasses(folders), split);
}

} // namespace rs
