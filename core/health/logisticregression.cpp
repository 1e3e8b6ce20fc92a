#include "health/logisticregression.h"

#include <ATen/Functions.h>
#include <torch/nn/functional/loss.h>
#include <torch/optim/lbfgs.h>

#include <algorithm>
#include <stdexcept>
#include <string>

namespace rs {
namespace {

// Double precision, as scikit-learn fits: L-BFGS's stopping tests are finer than float rounding.
at::Tensor unitRows(const FeatureMatrix &m)
{
    const at::Tensor rows =
        at::from_blob(const_cast<float *>(m.values.data()), {m.rows, m.cols}).to(at::kDouble);
    return rows / rows.norm(2, 1, true).clamp_min(1e-12);
}

} // namespace

UnitLogisticRegression UnitLogisticRegression::fit(const FeatureMatrix &features, const std::vector<int> &labels,
                                                   int classCount, double inverseRegularization,
                                                   const UnitLogisticRegression *from, const CancelFlag *cancel)
{
    if (std::int64_t(labels.size()) != features.rows || features.rows == 0)
        throw std::invalid_argument("logistic regression: " + std::to_string(features.rows) + " rows but " +
                                    std::to_string(labels.size()) + " labels");
    std::vector<std::int64_t> targets(labels.begin(), labels.end());
    for (const std::int64_t label : targets)
        if (label < 0 || label >= classCount)
            throw std::invalid_argument("logistic regression: label " + std::to_string(label) + " outside 0.." +
                                        std::to_string(classCount - 1));
    const at::Tensor x = unitRows(features);
    const at::Tensor y = at::from_blob(targets.data(), {features.rows}, at::kLong);
    at::Tensor w = at::zeros({features.cols, classCount}, at::kDouble);
    at::Tensor b = at::zeros({classCount}, at::kDouble);
    if (from && from->classCount_ == classCount && std::int64_t(from->weights_.size()) == w.numel()) {
        std::copy(from->weights_.begin(), from->weights_.end(), w.data_ptr<double>());
        std::copy(from->biases_.begin(), from->biases_.end(), b.data_ptr<double>());
    }
    w.requires_grad_(true);
    b.requires_grad_(true);
    const double penalty = 1.0 / (2.0 * inverseRegularization * double(features.rows));

    // One step runs L-BFGS until its gradient or change tests stop it, or 200 iterations: on
    // the planted sets (docs/data-health.md) 1 000 ranked about the same (0.660 and 0.747
    // against 0.653 and 0.767) and took 3.5 times as long.
    // The loss is the mean cross-entropy, so the penalty is divided by n.
    torch::optim::LBFGS optimizer({w, b}, torch::optim::LBFGSOptions(1.0)
                                              .max_iter(200)
                                              .max_eval(250)
                                              .history_size(10)
                                              .tolerance_grad(1e-6)
                                              .tolerance_change(1e-10)
                                              .line_search_fn("strong_wolfe"));
    optimizer.step([&] {
        throwIfCancelled(cancel);
        optimizer.zero_grad();
        at::Tensor loss = torch::nn::functional::cross_entropy(at::addmm(b, x, w), y) + penalty * w.pow(2).sum();
        loss.backward();
        return loss;
    });

    UnitLogisticRegression model;
    model.classCount_ = classCount;
    const at::Tensor wc = w.detach().contiguous(), bc = b.detach().contiguous();
    model.weights_.assign(wc.data_ptr<double>(), wc.data_ptr<double>() + wc.numel());
    model.biases_.assign(bc.data_ptr<double>(), bc.data_ptr<double>() + bc.numel());
    return model;
}

FeatureMatrix UnitLogisticRegression::probabilities(const FeatureMatrix &features) const
{
    const auto cols = std::int64_t(weights_.size()) / classCount_;
    if (features.cols != cols)
        throw std::invalid_argument("logistic regression: rows of " + std::to_string(features.cols) +
                                    " values for a model of " + std::to_string(cols));
    FeatureMatrix out;
    out.rows = features.rows;
    out.cols = classCount_;
    if (features.rows == 0)
        return out;
    const at::Tensor w = at::from_blob(const_cast<double *>(weights_.data()), {cols, classCount_}, at::kDouble);
    const at::Tensor b = at::from_blob(const_cast<double *>(biases_.data()), {classCount_}, at::kDouble);
    const at::Tensor p = at::softmax(at::addmm(b, unitRows(features), w), 1).to(at::kFloat).contiguous();
    out.values.assign(p.data_ptr<float>(), p.data_ptr<float>() + p.numel());
    return out;
}

} // namespace rs
