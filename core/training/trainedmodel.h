#pragma once

#include "training/trainingrun.h"

#include <QJsonObject>

#include <memory>

namespace rs {

// What a finished run produced, fixed once made: the head, the backbone it works on (the
// fine-tuned one, else the base the run started from), the precision its features were
// computed in, the class names and the report. Prediction, results and export read it and
// nothing changes it, so a later run (other weights, another precision) leaves its answers
// as they were. A new run makes a new one.
class TrainedModel
{
public:
    // Throws std::invalid_argument for a run without a head.
    TrainedModel(std::shared_ptr<const Backbone> base, TrainingRun run);

    const TrainingRun &run() const { return m_run; }
    // The weights the run started from: exports name them, so a reload can find them.
    const Backbone &base() const { return *m_base; }
    // What computes the head's features: the fine-tuned backbone, or the base.
    const Backbone &backbone() const { return m_run.backbone(*m_base); }
    const ClassifierHead &head() const { return *m_run.head; }
    Precision precision() const { return m_run.precision; }
    const QString &layer() const { return m_run.options.layer; }
    const QStringList &labels() const { return m_run.dataset.classes; }
    QJsonObject report() const { return m_run.report(m_base->weights()); }

private:
    std::shared_ptr<const Backbone> m_base;
    TrainingRun m_run;
};

} // namespace rs
