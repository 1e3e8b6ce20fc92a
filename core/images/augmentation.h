#pragma once

#include "images/image.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace rs {

// retrain.py's four distortions, with its percentages. Instead of distorting every image at
// every step (which rules out cached features), `copies` distorted variants of each training
// image are made once and their features cached; training then draws from the originals and
// the variants. Validation and test images are never distorted.
struct Augmentation
{
    bool flipLeftRight = false;
    double cropPercent = 0;       // margin added around the image before a random crop
    double scalePercent = 0;      // extra random enlargement, up to this much
    double brightnessPercent = 0; // pixel values multiplied by up to ±this much
    int copies = 0;               // variants per training image; 0 switches augmentation off

    bool enabled() const;
    // Names the settings, for cache folders and reports: "flip-crop10-scale0-brightness20".
    QString id() const;
    // Empty when usable, else the first problem in words.
    QString validate() const;
};

// The network input (as networkInput) of variant `variant` of an image: resized whole to
// size * (1 + crop%) * U(1, 1 + scale%) square, cropped to size at a random place, mirrored
// with probability 1/2 if flipping, pixel values multiplied by U(1 - b%, 1 + b%), unclamped as
// in retrain.py. The random draws come from the image's content hash and the variant number,
// so a variant is the same whenever and wherever it is made, as its cache entry requires.
std::vector<float> augmentedInput(const RgbImage &image, int size, const Augmentation &augmentation,
                                  const QByteArray &contentHash, int variant);

} // namespace rs
