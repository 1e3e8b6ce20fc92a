#pragma once

#include "base/cancellation.h"
#include "data/dataset.h"
#include "model/backbone.h"

#include <QStringList>

namespace rs {

// How many images int8's activation ranges are measured on: as many as torchvision's recipe
// is calibrated on in bench/torchvision_extract.py. On the test images, 32 gave the same
// cosines to float32 (median 0.99977) and cost twice the measuring (about 0.25 s per 16).
constexpr int kInt8CalibrationImages = 16;

// Chooses the calibration sample from `paths` and hands it to `backbone`, which measures it
// when int8 features are first computed with it (so a run whose features are all cached
// never does).
// The sample: the readable images whose `names` (one per path; empty: the paths themselves)
// hash lowest under a fixed seed, so it is the same whatever order the images come in, and
// every shard of a cluster run names the same images when `names` are shardPath()s. Returns
// the calibration's id: a hash of the chosen images' bytes, which keys their features' cache.
// Throws std::invalid_argument when no image can be read, Cancelled once `cancel` is set.
QString calibrateInt8(const Backbone &backbone, const QStringList &paths, const QStringList &names = {},
                      const CancelFlag *cancel = nullptr);

// A run's calibration: the sample comes from the training images of `dataset` (all of its
// images when none is for training), named by shardPath() so that each shard of a cluster
// run, scanning the whole dataset before keeping its part, measures the same images.
QString calibrateInt8(const Backbone &backbone, const Dataset &dataset, const DatasetSources &sources,
                      const CancelFlag *cancel);

} // namespace rs
