#pragma once

#include "images/image.h"

#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace rs {

// Distortions drawn afresh for every image at every training step, as PyTorch's
// transfer-learning recipe applies them: what whole-network fine-tuning trains on, since
// nothing of it can be cached. (Augmentation's distorted copies are the cached alternative
// for training on features.) Validation and test images are never distorted.
struct LiveAugmentation
{
    // torchvision's RandomResizedCrop with its defaults: a region of 8 % to 100 % of the
    // image's area with an aspect ratio from 3/4 to 4/3, resized to the input size. Off: the
    // whole image resized, as extraction and prediction see it.
    bool randomResizedCrop = true;
    bool flipLeftRight = true;      // mirrored with probability 1/2
    double brightnessPercent = 0;   // pixel values times U(1 - b %, 1 + b %), clamped to 0..255
    double contrastPercent = 0;     // blended with the image's mean grey by U(1 - c %, 1 + c %), clamped

    bool enabled() const;
    // Empty when usable, else the first problem in words.
    QString validate() const;
    // The settings as retrain-cli's --live_augmentation takes them: "crop,flip,brightness=20",
    // "none" with every distortion off.
    QString toText() const;
    // Parses toText()'s form; nullopt (and `error` set) for anything else.
    static std::optional<LiveAugmentation> fromText(const QString &text, QString *error = nullptr);
};

// Where RandomResizedCrop cuts a width x height image, from four uniform draws in [0, 1)
// for each of its ten tries: torchvision's algorithm, including its fallback to the
// centred largest crop of a clamped ratio.
struct CropBox
{
    int left = 0, top = 0, width = 0, height = 0;
};
CropBox randomResizedCropBox(int width, int height, std::uint64_t seed);

// The network input (CHW floats in [-1, 1], as networkInput makes) of `image` distorted as
// `augmentation` says, with every random draw made from `seed`: the same seed gives the same
// input on every platform.
std::vector<float> liveAugmentedInput(const RgbImage &image, int size, const LiveAugmentation &augmentation,
                                      std::uint64_t seed);

// A seed for draw `index` of the stream named by `stream` (splitmix64's mixing): different
// runs, steps and images get unrelated draws.
std::uint64_t mixSeed(std::uint64_t stream, std::uint64_t index);

} // namespace rs
