#pragma once

// Internal to core/: the torch module behind a ClassifierHead, for export and fine-tuning.

#include "training/classifierhead.h"
#include "training/headmodule.h"

namespace rs {

struct ClassifierHead::Impl
{
    HeadShape shape;
    HeadModule module;
};

} // namespace rs
