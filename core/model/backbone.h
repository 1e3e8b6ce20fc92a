#pragma once

#include "base/cancellation.h"
#include "model/featurematrix.h"
#include "model/precision.h"

// The pretrained InceptionV3 as the rest of the application sees it: no torch types here,
// so ui/ and cli/ compile without LibTorch's headers.

#include <QString>
#include <QStringList>

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <vector>

namespace rs {

// A weights file that cannot be used; the message names the file and the reason.
class WeightsError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

struct WeightsInfo
{
    QString source;          // the file, or a description of the random initialisation
    QString format;          // "zip", "legacy" or "random"
    bool pretrained = false; // false for random weights: features carry no ImageNet knowledge
    std::uint64_t randomSeed = 0; // the seed of random weights
    int tensorCount = 0;
    std::int64_t parameterCount = 0;
    QString fingerprint; // SHA-256 of the tensors that affect outputs, hex
};

class Backbone
{
public:
    // Side length of the square input the network takes.
    static constexpr int kInputSize = 299;
    // The default feature layer: the 2048-d pooled output after Mixed_7c.
    static inline const QString kBottleneck = QStringLiteral("bottleneck");
    static inline const QString kLogits = QStringLiteral("logits");

    // Loads a torchvision state dict strictly (every key, shape and dtype checked).
    // Throws WeightsError naming the file and the reason.
    static Backbone fromFile(const QString &path);
    // Seeded random weights (He-initialised convolutions), for tests and demos.
    static Backbone untrained(std::uint64_t seed);

    Backbone(Backbone &&) noexcept;
    Backbone &operator=(Backbone &&) noexcept;
    ~Backbone();

    const WeightsInfo &weights() const;

    // What features in `precision` depend on besides layer and input: the weights fingerprint,
    // plus the resolved precision when it is not float32, plus for int8 the calibration's id.
    // Keys the bottleneck cache. Throws std::invalid_argument for int8 without a calibration.
    QString featureKey(Precision precision, const QString &int8Calibration = {}) const;

    // Int8 computes with every activation's range measured on sample inputs (a calibration;
    // features/int8calibration chooses the sample). `id` names the sample: features computed
    // with it are cached under it, so those of different samples never mix. Measuring is one
    // pass over the `count` inputs (as for extract()) in resolvePrecision(Auto), which `id`
    // must therefore name too. It happens when extract() first needs it: until then the
    // sample is only kept. The two calibrations given last are kept; giving one already kept
    // under `id` again changes nothing.
    bool hasInt8Calibration(const QString &id) const;
    void calibrateInt8(const QString &id, const float *images, std::int64_t count) const;

    // "bottleneck", "logits" and every stage from Conv2d_1a_3x3 to Mixed_7c.
    static QStringList layerNames();
    // Throws std::invalid_argument for an unknown layer.
    static void checkLayer(const QString &layer);

    // `images` holds `count` inputs of 3 x 299 x 299 floats (RGB, CHW, scaled to [-1, 1]).
    // Returns one row per image: the layer's output, average-pooled over space when `pooled`
    // (always so for bottleneck and logits), computed in `precision` (Auto: bfloat16 where the
    // CPU has it). The backbone itself is never changed, so runs in different precisions can
    // share it. Throws Cancelled between network stages once `cancel` is set. Int8 needs the
    // id of a calibration kept by calibrateInt8() (std::invalid_argument otherwise).
    FeatureMatrix extract(const float *images, std::int64_t count, const QString &layer, Precision precision,
                          bool pooled = true, const CancelFlag *cancel = nullptr,
                          const QString &int8Calibration = {}) const;

    // core/ internals (export) reach the torch model through backboneimpl.h.
    struct Impl;
    const Impl &impl() const { return *d; }
    // core/ internals (fine-tuning) build backbones themselves.
    static Backbone adopt(std::unique_ptr<Impl> impl);

private:
    explicit Backbone(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> d;
};

// LibTorch's intra-op thread count; on Debian it starts at 1 whatever the core count. Set once
// at start-up by each front end: torch's pool is process-wide, so changing it while the
// network runs on another thread would change that run.
void setComputeThreads(int threads);
int computeThreads();

} // namespace rs
