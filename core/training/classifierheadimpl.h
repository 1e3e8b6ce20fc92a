#pragma once

// Internal to core/: the torch module behind a ClassifierHead, for export and fine-tuning.

#include "training/classifierhead.h"
#include "training/headmodule.h"

namespace rs {

struct ClassifierHead::Impl
{
    HeadShape shape;
    HeadModule module;
    int keptStep; // the training step whose weights it holds; 0 for a loaded head
    Calibration calibration; // the temperature folded into its last layer; none for a loaded head
    double spreadFloor = 0;  // the standardisation's, as trained; 0 when not standardised or loaded
};

} // namespace rs
