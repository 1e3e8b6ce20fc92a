#pragma once

#include "model/backbone.h"
#include "training/classifierhead.h"

#include <QString>

#include <vector>

namespace rs {

// Where the network looked when it scored a class: Grad-CAM (Selvaraju et al.) on the output A
// of one Inception stage. The class score y is differentiated with respect to A; each channel k
// is weighted by its gradient's mean over the grid, w_k = mean_ij dy/dA_kij, and the map is
// ReLU(sum_k w_k A_k), divided by its largest value (all zero when nothing scores for the class).
// The formula of pytorch-grad-cam's GradCAM; test_gradcam holds it to torchvision's within 1e-4.
struct GradCam
{
    QString stage;             // the stage explained, e.g. "Mixed_7c"
    int side = 0;              // the map is side x side cells over the 299 x 299 input
    std::vector<float> values; // row-major, in [0, 1]
};

// The class score being explained: the head's logit for `label` on `layer`'s pooled output, or,
// without a head, the network's own ImageNet logit for `label`.
struct CamTarget
{
    const ClassifierHead *head = nullptr;
    QString layer = Backbone::kBottleneck; // what the head reads
    int label = 0;
};

// Grad-CAM of `target` for one network input (3 x 299 x 299 floats, CHW, in [-1, 1]), computed
// in float32 with the backbone's own weights (the fine-tuned ones after fine-tuning), on the last
// stage the head depends on: Mixed_7c for a bottleneck head, else the head's layer. The backbone
// is not changed; several maps may be computed at once. Throws std::invalid_argument for a label
// or layer the target does not have.
GradCam gradCam(const Backbone &backbone, const float *input, const CamTarget &target);

} // namespace rs
