#include "training/trainedmodel.h"

#include <stdexcept>

namespace rs {

TrainedModel::TrainedModel(std::shared_ptr<const Backbone> base, TrainingRun run)
    : m_base(std::move(base)), m_run(std::move(run))
{
    if (!m_base || !m_run.head)
        throw std::invalid_argument("a trained model needs the run's backbone and head");
}

} // namespace rs
