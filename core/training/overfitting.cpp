#include "training/overfitting.h"

#include <cmath>
#include <numeric>

namespace rs {

std::optional<int> overfittingSince(const std::vector<TrainingPoint> &curve)
{
    std::size_t lowest = curve.size();
    for (std::size_t i = 0; i < curve.size(); ++i)
        if (!std::isnan(curve[i].validationLoss) && (lowest == curve.size() || curve[i].validationLoss < curve[lowest].validationLoss))
            lowest = i;
    if (lowest == curve.size() || curve.size() - lowest <= std::size_t(kOverfitPoints))
        return std::nullopt;
    const TrainingPoint &best = curve[lowest];
    const TrainingPoint &last = curve.back();
    if (!(last.validationLoss > best.validationLoss * (1 + kOverfitRise)))
        return std::nullopt;
    // A single batch's loss is noisy: the points since the lowest one, on average, must lie
    // below the training loss there.
    const double since = std::accumulate(curve.begin() + std::ptrdiff_t(lowest) + 1, curve.end(), 0.0,
                                         [](double sum, const TrainingPoint &p) { return sum + p.trainLoss; })
                         / double(curve.size() - lowest - 1);
    if (!(since < best.trainLoss))
        return std::nullopt;
    return best.step;
}

} // namespace rs
