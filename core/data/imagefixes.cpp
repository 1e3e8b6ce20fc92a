#include "data/imagefixes.h"

#include <QDir>
#include <QHash>

#include <algorithm>

namespace rs {
namespace {

constexpr ImageFix::Kind kKinds[] = {ImageFix::Kind::Relabel, ImageFix::Kind::Exclude, ImageFix::Kind::Reviewed};

} // namespace

const char *fixKindName(ImageFix::Kind kind)
{
    switch (kind) {
    case ImageFix::Kind::Relabel:
        return "relabel";
    case ImageFix::Kind::Exclude:
        return "exclude";
    case ImageFix::Kind::Reviewed:
        break;
    }
    return "reviewed";
}

std::optional<ImageFix::Kind> parseFixKind(const QString &name)
{
    for (ImageFix::Kind kind : kKinds)
        if (name == QLatin1String(fixKindName(kind)))
            return kind;
    return std::nullopt;
}

void ImageFixes::add(ImageFix fix)
{
    m_history.push_back(std::move(fix));
}

bool ImageFixes::undo()
{
    if (m_history.empty())
        return false;
    m_history.pop_back();
    return true;
}

std::vector<ImageFix> ImageFixes::current() const
{
    std::vector<ImageFix> latest;
    QHash<QString, bool> seen;
    for (auto it = m_history.rbegin(); it != m_history.rend(); ++it)
        if (!seen.contains(it->path)) {
            seen.insert(it->path, true);
            latest.push_back(*it);
        }
    std::reverse(latest.begin(), latest.end());
    return latest;
}

const ImageFix *ImageFixes::find(const QString &path) const
{
    for (auto it = m_history.rbegin(); it != m_history.rend(); ++it)
        if (it->path == path)
            return &*it;
    return nullptr;
}

FixesApplied applyFixes(Dataset &dataset, const ImageFixes &fixes)
{
    FixesApplied applied;
    if (fixes.empty())
        return applied;
    QHash<QString, std::size_t> rowOf;
    for (std::size_t i = 0; i < dataset.images.size(); ++i)
        rowOf.insert(dataset.images[i].path, i);
    std::vector<bool> excluded(dataset.images.size(), false);
    for (const ImageFix &fix : fixes.current()) {
        const auto row = rowOf.constFind(fix.path);
        const QString shown = QDir::toNativeSeparators(fix.path);
        if (row == rowOf.constEnd()) {
            applied.stale << shown + QStringLiteral(": a fix (%1) for an image that is no longer in the dataset")
                                         .arg(QLatin1String(fixKindName(fix.kind)));
            continue;
        }
        ImageEntry &image = dataset.images[*row];
        switch (fix.kind) {
        case ImageFix::Kind::Relabel: {
            const int label = int(dataset.classes.indexOf(fix.className));
            if (label < 0) {
                applied.stale << shown + QStringLiteral(": relabelled to '%1', a class that is not in the dataset")
                                             .arg(fix.className);
            } else if (label != image.label) {
                image.label = label;
                ++applied.relabelled;
            }
            break;
        }
        case ImageFix::Kind::Exclude:
            excluded[*row] = true;
            ++applied.excluded;
            break;
        case ImageFix::Kind::Reviewed:
            ++applied.reviewed;
            break;
        }
    }

    std::vector<ImageEntry> kept;
    kept.reserve(dataset.images.size());
    for (std::size_t i = 0; i < dataset.images.size(); ++i)
        if (!excluded[i])
            kept.push_back(std::move(dataset.images[i]));
    std::stable_sort(kept.begin(), kept.end(), [](const ImageEntry &a, const ImageEntry &b) {
        return a.label != b.label ? a.label < b.label : a.path < b.path;
    });
    dataset.images = std::move(kept);
    dataset.warnings = sizeWarnings(dataset);
    return applied;
}

} // namespace rs
