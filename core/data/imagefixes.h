#pragma once

#include "data/dataset.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace rs {

// A correction the user made to one image. Fixes live in the project, not in the image
// folders: they can be listed and taken back, and the next run applies them to the scan.
struct ImageFix
{
    enum class Kind {
        Relabel,  // the image belongs to `className`
        Exclude,  // the image is left out of every set
        Reviewed, // the label was checked and is right: the audit stops reporting the image
    };
    QString path; // absolute and clean
    Kind kind = Kind::Reviewed;
    QString className; // Relabel only
};

const char *fixKindName(ImageFix::Kind kind); // "relabel", "exclude", "reviewed"
std::optional<ImageFix::Kind> parseFixKind(const QString &name);

// The fixes in the order they were made. For each image the latest one counts (relabel, then
// mark reviewed: reviewed with its folder's class), and undo takes the latest back.
class ImageFixes
{
public:
    void add(ImageFix fix);
    // Takes back the latest fix; false when there is none.
    bool undo();
    bool empty() const { return m_history.empty(); }
    const std::vector<ImageFix> &history() const { return m_history; }
    // The fix that counts for each image, in the order of those fixes.
    std::vector<ImageFix> current() const;
    // The fix that counts for `path`; nullptr when it has none.
    const ImageFix *find(const QString &path) const;

private:
    std::vector<ImageFix> m_history;
};

struct FixesApplied
{
    int relabelled = 0;
    int excluded = 0;
    int reviewed = 0;
    // "<file>: <reason>" for each fix that could not be applied: its image is no longer in the
    // dataset, or its class is not.
    QStringList stale;
    bool any() const { return relabelled + excluded + reviewed > 0 || !stale.isEmpty(); }
};

// Applies the current fixes to a scanned dataset: excluded images leave it, relabelled ones
// take their new class's label and keep their subset (a file's set comes from its name, not its
// class), and images stay sorted by class, then path. The warnings are those of the fixed
// counts; a class left with no image stays in `classes` and is named there.
FixesApplied applyFixes(Dataset &dataset, const ImageFixes &fixes);

} // namespace rs
