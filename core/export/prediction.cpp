#include "export/prediction.h"

#include "evaluation/evaluation.h"
#include "features/extraction.h"

namespace rs {

TopClassPredictions predictTopClasses(const Backbone &backbone, const ClassifierHead &head, const QString &layer,
                                      Precision precision, const QStringList &paths, int k, const CancelFlag *cancel)
{
    ExtractionOptions options;
    options.layer = layer;
    // A few images at a time are no sample to calibrate int8 on: they are predicted in float,
    // which int8 features follow closely (Precision::Int8).
    options.precision = floatPrecision(precision);
    options.cancel = cancel;
    const ExtractionResult extracted = extractFeatures(backbone, paths, options);
    const FeatureMatrix p = head.probabilities(extracted.features);
    TopClassPredictions out;
    out.errors = extracted.errors;
    for (std::int64_t r = 0; r < p.rows; ++r)
        out.images.push_back({paths[extracted.sourceIndex[std::size_t(r)]], topClasses(p.row(r), int(p.cols), k)});
    return out;
}

TopClassPredictions predictTopClasses(const TrainedModel &model, const QStringList &paths, int k, const CancelFlag *cancel)
{
    return predictTopClasses(model.backbone(), model.head(), model.layer(), model.precision(), paths, k, cancel);
}

} // namespace rs
