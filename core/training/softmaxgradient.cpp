#include "training/softmaxgradient.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace rs {
namespace {

constexpr int kBlock = 4; // rows per pass over the weights

// Sixteen floats, one AVX-512 register; GCC splits it into two AVX2 or four SSE registers
// where the CPU has no AVX-512. aligned(4): loads straight from unaligned rows.
typedef float Vec __attribute__((vector_size(64), aligned(4)));
constexpr int kLanes = int(sizeof(Vec) / sizeof(float));

// Compiled for AVX-512, AVX2+FMA and the x86-64 baseline; the loader picks the best the CPU
// runs. The order of the sums is fixed by the code, so a machine repeats its results exactly;
// machines with and without FMA round differently in the last bits.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define RS_VECTOR_CLONES __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#else
#define RS_VECTOR_CLONES
#endif

// Inlined into each clone: a vector passed between functions compiled for different
// instruction sets would go through memory.
#define RS_LOAD(p) (*reinterpret_cast<const Vec *>(p))

constexpr int kClassGroup = 5; // classes per pass: kBlock x kClassGroup sums stay in registers

// out[r * classes + c] = dot(x[r], w[c]) for the block's rows and `count` <= kClassGroup
// classes starting at w (rows `cols` apart). A short group repeats its first class.
RS_VECTOR_CLONES
void blockDots(const float *const *x, const float *w, int count, std::int64_t cols, float *out, int classes)
{
    const float *wc[kClassGroup];
    for (int c = 0; c < kClassGroup; ++c)
        wc[c] = w + (c < count ? c : 0) * cols;
    Vec sum[kBlock][kClassGroup] = {};
    std::int64_t k = 0;
    for (; k + kLanes <= cols; k += kLanes) {
        Vec xv[kBlock];
        for (int r = 0; r < kBlock; ++r)
            xv[r] = RS_LOAD(x[r] + k);
        for (int c = 0; c < kClassGroup; ++c) {
            const Vec wv = RS_LOAD(wc[c] + k);
            for (int r = 0; r < kBlock; ++r)
                sum[r][c] += xv[r] * wv;
        }
    }
    for (int r = 0; r < kBlock; ++r)
        for (int c = 0; c < count; ++c) {
            float total = 0;
            for (int j = 0; j < kLanes; ++j)
                total += sum[r][c][j];
            for (std::int64_t t = k; t < cols; ++t)
                total += x[r][t] * wc[c][t];
            out[r * classes + c] = total;
        }
}

// g[c] += sum over the block's rows of d[r * classes + c] * x[r], for `count` <= kClassGroup
// classes starting at g (rows `cols` apart). d is 0 for a short block's repeated rows.
RS_VECTOR_CLONES
void blockAxpy(const float *const *x, const float *d, int classes, int count, std::int64_t cols, float *g)
{
    Vec scale[kBlock][kClassGroup];
    for (int r = 0; r < kBlock; ++r)
        for (int c = 0; c < kClassGroup; ++c)
            scale[r][c] = Vec{} + (c < count ? d[r * classes + c] : 0.f);
    std::int64_t k = 0;
    for (; k + kLanes <= cols; k += kLanes) {
        Vec xv[kBlock];
        for (int r = 0; r < kBlock; ++r)
            xv[r] = RS_LOAD(x[r] + k);
        for (int c = 0; c < count; ++c) {
            Vec &gc = *reinterpret_cast<Vec *>(g + c * cols + k);
            gc += (xv[0] * scale[0][c] + xv[1] * scale[1][c]) + (xv[2] * scale[2][c] + xv[3] * scale[3][c]);
        }
    }
    for (; k < cols; ++k)
        for (int c = 0; c < count; ++c)
            for (int r = 0; r < kBlock; ++r)
                g[c * cols + k] += d[r * classes + c] * x[r][k];
}

// The feature rows of the batch's block starting at `b`; a short block repeats its last row.
void blockRows(const SoftmaxLinearBatch &in, int b, int count, const float *(&x)[kBlock])
{
    for (int r = 0; r < kBlock; ++r)
        x[r] = in.features + in.rows[b + std::min(r, count - 1)] * in.cols;
}

} // namespace

double batchWeightTotal(const SoftmaxLinearBatch &in)
{
    double total = 0;
    for (int b = 0; b < in.batch; ++b)
        total += in.classWeights ? in.classWeights[in.labels[in.rows[b]]] : 1.0;
    return total;
}

SoftmaxLinearResult softmaxLinearGradient(const SoftmaxLinearBatch &in, float *gradWeight, float *gradBias,
                                          std::vector<float> &scratch)
{
    const int n = in.batch, classes = in.classes;
    const std::int64_t cols = in.cols;
    scratch.resize(std::size_t(n + kBlock) * std::size_t(classes));
    float *logits = scratch.data(); // becomes dLoss/dlogits in place
    float *dots = logits + std::size_t(n) * std::size_t(classes); // one block's worth

    for (int b = 0; b < n; b += kBlock) {
        const int count = std::min(kBlock, n - b);
        const float *x[kBlock];
        blockRows(in, b, count, x);
        for (int c = 0; c < classes; c += kClassGroup)
            blockDots(x, in.weight + std::int64_t(c) * cols, std::min(kClassGroup, classes - c), cols, dots + c, classes);
        for (int r = 0; r < count; ++r)
            for (int c = 0; c < classes; ++c)
                logits[std::size_t(b + r) * std::size_t(classes) + std::size_t(c)] = dots[r * classes + c] + in.bias[c];
    }

    SoftmaxLinearResult result;
    const double weightSum = in.weightTotal > 0 ? in.weightTotal : batchWeightTotal(in);
    for (int b = 0; b < n; ++b) {
        float *z = logits + std::size_t(b) * std::size_t(classes);
        const std::int64_t label = in.labels[in.rows[b]];
        const float *top = std::max_element(z, z + classes);
        result.correct += top - z == label;
        const float largest = *top;
        const float labelLogit = z[label] - largest;
        double total = 0;
        for (int c = 0; c < classes; ++c) {
            z[c] = std::exp(z[c] - largest); // one exponential per logit, in float as torch's softmax
            total += z[c];
        }
        const double rowWeight = (in.classWeights ? in.classWeights[label] : 1.0) / weightSum;
        result.loss += rowWeight * (std::log(total) - double(labelLogit));
        const double scale = rowWeight / total;
        for (int c = 0; c < classes; ++c)
            z[c] = float(scale * z[c] - (c == label ? rowWeight : 0.0));
    }

    std::memset(gradWeight, 0, sizeof(float) * std::size_t(classes) * std::size_t(cols));
    std::fill(gradBias, gradBias + classes, 0.f);
    for (int b = 0; b < n; b += kBlock) {
        const int count = std::min(kBlock, n - b);
        const float *x[kBlock];
        blockRows(in, b, count, x);
        // The block's dLoss/dlogits, zero for repeated rows.
        std::fill(dots, dots + kBlock * classes, 0.f);
        for (int r = 0; r < count; ++r)
            for (int c = 0; c < classes; ++c) {
                dots[r * classes + c] = logits[std::size_t(b + r) * std::size_t(classes) + std::size_t(c)];
                gradBias[c] += dots[r * classes + c];
            }
        for (int c = 0; c < classes; c += kClassGroup)
            blockAxpy(x, dots + c, classes, std::min(kClassGroup, classes - c), cols, gradWeight + std::int64_t(c) * cols);
    }
    return result;
}

} // namespace rs
