#pragma once

#include <QByteArray>
#include <QString>

#include <optional>
#include <vector>

namespace rs {

// Features computed once per image and kept on disk. An entry is found by the SHA-256 of the
// image file's bytes inside a folder named by everything else the features depend on: the
// weights fingerprint, the layer and the preprocessing. Renaming or moving an image keeps its
// entry; editing it, or changing weights or layer, does not.
class BottleneckCache
{
public:
    // Identifies the preprocessing; bump it whenever networkInput() changes its output.
    static constexpr const char *kPreprocessing = "resize299-pil-bilinear-pm1-v1";

    // `variant` names anything else that shapes the input, such as an augmented copy's settings.
    BottleneckCache(const QString &root, const QString &weightsFingerprint, const QString &layer,
                    const QString &variant = {});

    // $XDG_CACHE_HOME/retrain-studio/bottlenecks, shared by the GUI and the CLI.
    static QString defaultRoot();

    QString folder() const { return m_folder; }

    enum class Lookup { Hit, Miss, Damaged };
    // A damaged entry (cut short by a crash, or altered) reads as Damaged and is rewritten
    // by the next store().
    Lookup load(const QByteArray &contentHash, std::vector<float> &features) const;

    // Atomic: written to a temporary file and renamed, so readers see a whole entry or none.
    // Throws std::runtime_error naming the file when the disk refuses.
    void store(const QByteArray &contentHash, const float *features, int count) const;

private:
    QString entryPath(const QByteArray &contentHash) const;
    QString m_folder;
};

} // namespace rs
