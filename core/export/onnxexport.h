#pragma once

#include <QString>

namespace rs {

class Backbone;
class ClassifierHead;

// The whole model as ONNX (opset 13): preprocessed images in ("images", N x 3 x 299 x 299,
// values in [-1, 1]), class probabilities out ("probabilities", N x classes); BatchNorm folded
// into the convolutions. ONNX Runtime, OpenCV's DNN module and TensorRT read it. Written
// atomically; `layer` as in writeTorchScript.
void writeOnnx(const QString &path, const Backbone &backbone, const QString &layer, const ClassifierHead &head);

} // namespace rs
