#include "health/gradcam.h"

#include "model/backboneimpl.h"
#include "training/classifierheadimpl.h"

#include <torch/autograd.h>

#include <stdexcept>

namespace rs {

GradCam gradCam(const Backbone &backbone, const float *input, const CamTarget &target)
{
    const bool bottleneck = target.layer == Backbone::kBottleneck;
    GradCam cam;
    cam.stage = bottleneck ? QStringLiteral("Mixed_7c") : target.layer;
    const std::string stage = cam.stage.toStdString();
    if (!bottleneck && activationFor(target.layer).second)
        throw std::invalid_argument("Grad-CAM needs a head on the bottleneck or on a stage; got " + stage);
    const int classes = target.head ? target.head->impl().shape.classCount : 1000;
    if (target.label < 0 || target.label >= classes)
        throw std::invalid_argument("no class " + std::to_string(target.label) + " to explain (there are "
                                    + std::to_string(classes) + ")");
    if (!target.head && !bottleneck)
        throw std::invalid_argument("the ImageNet logits read the bottleneck, not " + stage);

    // The shared module is only read: the activation is a fresh leaf and autograd::grad
    // returns its gradient without accumulating into any parameter.
    InceptionV3 model = backbone.impl().model;
    const at::Tensor x = at::from_blob(const_cast<float *>(input), {1, 3, Backbone::kInputSize, Backbone::kInputSize},
                                       at::kFloat);
    at::Tensor activation;
    {
        torch::NoGradGuard noGrad;
        activation = model->activations(x, {stage}).at(stage);
    }
    activation = activation.detach().requires_grad_(true);
    torch::AutoGradMode withGrad(true);
    const at::Tensor pooled = bottleneck ? model->bottleneckFrom(stage, activation)
                                         : at::adaptive_avg_pool2d(activation, {1, 1}).flatten(1);
    if (target.head && pooled.size(1) != target.head->impl().shape.inputSize)
        throw std::invalid_argument(stage + " gives " + std::to_string(pooled.size(1)) + " features; the head reads "
                                    + std::to_string(target.head->impl().shape.inputSize));
    HeadModule head = target.head ? target.head->impl().module : HeadModule(nullptr);
    const at::Tensor logits = target.head ? head->forward(pooled) : model->fc->forward(pooled);
    const at::Tensor score = logits.select(1, target.label).sum();
    const at::Tensor gradient = torch::autograd::grad({score}, {activation}).at(0);

    torch::NoGradGuard noGrad;
    const at::Tensor weights = gradient.mean({2, 3}, /*keepdim=*/true);
    at::Tensor map = at::relu((weights * activation.detach()).sum(1)).squeeze(0);
    const float peak = map.max().item<float>();
    if (peak > 0)
        map = map / peak;
    map = map.contiguous();
    cam.side = int(map.size(0));
    cam.values.assign(map.data_ptr<float>(), map.data_ptr<float>() + map.numel());
    return cam;
}

} // namespace rs
