#pragma once

#include <QString>

namespace rs {

class Backbone;
class ClassifierHead;

// Writes a self-contained TorchScript module: input N x 3 x 299 x 299 RGB scaled to [-1, 1]
// (the application's preprocessing), output N x classes softmax probabilities. BatchNorm is
// folded into the convolutions. torch.jit.load (Python) and torch::jit::load (C++) read it.
// Throws std::runtime_error naming the file on failure.
void writeTorchScript(const QString &path, const Backbone &backbone, const QString &layer,
                      const ClassifierHead &head);

} // namespace rs
