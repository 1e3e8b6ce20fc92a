#pragma once

#include "base/cancellation.h"
#include "model/featurematrix.h"

#include <vector>

namespace rs {

// A multinomial logistic regression fitted by full-batch L-BFGS on rows scaled to unit length,
// penalised by |W|^2 / (2C) against the summed cross-entropy as scikit-learn's
// LogisticRegression is (the biases unpenalised). The label-error finder's fold model: unit
// rows make C mean the same whatever the backbone's feature scale.
class UnitLogisticRegression
{
public:
    // Starts from `from`'s weights when given (a fit with another C on the same rows), else
    // from zero. Throws std::invalid_argument when the rows and labels disagree or a label is
    // out of range; Cancelled when `cancel` is set (checked at every evaluation of the loss).
    static UnitLogisticRegression fit(const FeatureMatrix &features, const std::vector<int> &labels, int classCount,
                                      double inverseRegularization, const UnitLogisticRegression *from = nullptr,
                                      const CancelFlag *cancel = nullptr);

    // Softmax probabilities, one row per feature row.
    FeatureMatrix probabilities(const FeatureMatrix &features) const;

private:
    int classCount_ = 0;
    std::vector<double> weights_; // cols x classCount, row-major
    std::vector<double> biases_;
};

} // namespace rs
