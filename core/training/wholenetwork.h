#pragma once

#include "training/trainingrun.h"

namespace rs {

// What runTraining does when options.fineTuning.wholeNetwork(): every image is decoded once
// (unreadable ones skipped and listed), the training images kept in memory when they fit;
// every layer of InceptionV3 and a head train on the training images distorted afresh at
// each step (options.fineTuning.liveAugmentation), with the auxiliary classifier's loss
// added (weight 0.4); the test images are then classified through the trained network.
//
// Steps compute in bfloat16 where the CPU does so natively (convolutions and matrix products;
// BatchNorm statistics, the loss and the optimizer's state stay float32) and in float32
// otherwise, channels-last, a few images per pass (the gradients add up to the batch's),
// and the next step's images are made while the network works. Stop is honoured between
// the network's stages on the forward pass; the checkpoint then holds the step before.
TrainingRun runWholeNetworkTraining(const Backbone &backbone, const TrainingRunOptions &options,
                                    const TrainingRunCallbacks &callbacks, const CancelFlag *cancel);

} // namespace rs
