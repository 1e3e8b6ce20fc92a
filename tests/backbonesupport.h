#pragma once

// For tests of core's torch-facing internals (rs_add_test's TORCH): comparing networks.

#include "model/backbone.h"

#include <string>

namespace rs::test {

// Whether every parameter (with `buffers`: every buffer, the BatchNorm statistics) of `a`
// whose name begins with `prefix` equals `b`'s bit for bit.
bool sameTensors(const Backbone &a, const Backbone &b, const std::string &prefix, bool buffers = false);

} // namespace rs::test
