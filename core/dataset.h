#pragma once

#include <QString>
#include <QStringList>

#include <array>
#include <vector>

namespace rs {

enum class Subset { Train = 0, Validation = 1, Test = 2 };
const char *subsetName(Subset subset);

struct SplitOptions
{
    double validationPercent = 10.0;
    double testPercent = 10.0;
};

// Where a file goes, from a hash of its name as TensorFlow's retrain.py computes it: adding
// images never moves old ones, and everything after "_nohash_" in a name is ignored, so
// near-identical shots (photo_nohash_1.jpg, photo_nohash_2.jpg) land in the same set.
double splitPercentage(const QString &fileName);
Subset assignSubset(const QString &fileName, const SplitOptions &options);

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

// Reads a dataset from `folders`: a folder with subfolders holds classes (one class per
// subfolder, searched recursively; images beside them are skipped), a folder without holds
// the images of one class, named after the folder. Class names are folder names exactly, Unicode included. Never fails on a file:
// hidden files, other file types and empty classes are listed in `skipped`.
Dataset scanDataset(const QStringList &folders, const SplitOptions &split = {});

} // namespace rs
