#pragma once

#include <cstdint>
#include <vector>

namespace rs {

// Softmax cross-entropy of a linear layer (logits = x W^T + b) over a batch of rows sampled
// from a feature matrix, with its gradient: the whole step of the classic head, in one pass
// that reads each sampled row where it lies (no gathered copy) and blocks rows so each
// weight is loaded once per four rows. BLAS serves this shape (batch x 2048 x 10) poorly:
// this kernel made a 10 000-step run of batch 100 3x faster than LibTorch's linear +
// cross_entropy + backward (bench_head_training: 2.14 s -> 0.72 s).
struct SoftmaxLinearBatch
{
    const float *features = nullptr;      // all rows, row-major, `cols` wide
    std::int64_t cols = 0;
    const std::int64_t *rows = nullptr;   // the batch: indices into `features` and `labels`
    int batch = 0;
    const std::int64_t *labels = nullptr; // per feature row
    const float *classWeights = nullptr;  // per class, or null: the loss is the weighted mean, as torch's
    // The weighted mean's denominator: the sum of the class weights of the whole batch's rows
    // (so a batch can be split into parts whose results add up), or 0 for this batch's own.
    double weightTotal = 0;
    const float *weight = nullptr;        // classes x cols
    const float *bias = nullptr;          // classes
    int classes = 0;
};

struct SoftmaxLinearResult
{
    double loss = 0;
    int correct = 0; // rows whose largest logit is their label
};

// The denominator of the batch's weighted mean loss: its rows' class weights summed.
double batchWeightTotal(const SoftmaxLinearBatch &in);

// Writes dLoss/dW (classes x cols) and dLoss/db (classes), overwriting them. `scratch` is
// reused between calls to avoid allocating per step.
SoftmaxLinearResult softmaxLinearGradient(const SoftmaxLinearBatch &in, float *gradWeight, float *gradBias,
                                          std::vector<float> &scratch);

} // namespace rs
