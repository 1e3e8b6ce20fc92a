#pragma once

#include "model/backbone.h"

#include <QString>
#include <QUrl>

#include <cstdint>
#include <optional>

namespace rs {

// $TORCH_HOME/hub/checkpoints/<officialWeightsFileName()>, with TORCH_HOME defaulting to
// $XDG_CACHE_HOME/torch or ~/.cache/torch, as torch.hub does.
QString defaultWeightsPath();
QString officialWeightsFileName();
// Where PyTorch publishes that file.
QUrl officialWeightsUrl();

// Where the InceptionV3 weights come from: a torchvision file (one chosen, or the one torch.hub
// caches) or seeded random weights. The GUI's flags and Settings page, retrain-cli and the
// export reload all decide through this class, so the same choice gives the same answer and
// the same message everywhere.
class WeightsSource
{
public:
    // The file torchvision caches the ImageNet weights in (defaultWeightsPath()).
    static WeightsSource defaultFile();
    // A torchvision state dict; an empty path means the default file.
    static WeightsSource file(const QString &path);
    // Untrained, He-initialised weights: for tests and demonstrations only.
    static WeightsSource random(std::uint64_t seed);
    // --weights FILE and --random-weights SEED as both front ends take them (nullopt: not
    // given). Throws std::invalid_argument with the message both print when both are given or
    // the seed is not a whole number.
    static WeightsSource fromFlags(const std::optional<QString> &file, const std::optional<QString> &seed);

    bool isRandom() const { return m_seed.has_value(); }
    bool isDefaultFile() const { return !isRandom() && m_file == defaultWeightsPath(); }
    // The file load() reads; empty for random weights.
    QString path() const { return m_file; }
    std::optional<std::uint64_t> randomSeed() const { return m_seed; }

    // Empty when load() can be tried, else why not: the file does not exist (for the default
    // file, with where to get it).
    QString validate() const;
    // Throws WeightsError naming the file and the reason.
    Backbone load() const;

    bool operator==(const WeightsSource &other) const { return m_file == other.m_file && m_seed == other.m_seed; }
    bool operator!=(const WeightsSource &other) const { return !(*this == other); }

private:
    QString m_file;
    std::optional<std::uint64_t> m_seed;
};

} // namespace rs
