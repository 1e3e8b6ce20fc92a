#pragma once

#include "health/duplicates.h"
#include "health/embedding.h"
#include "health/labelissues.h"
#include "health/outliers.h"
#include "training/trainingrun.h"

#include <QJsonObject>

#include <functional>

namespace rs {

// Data health from cached features: labels that are probably wrong, the same image twice
// (across the split: a leak; across classes: a conflict), images unlike every class.
struct DataAuditOptions
{
    int folds = 5;                                   // for the out-of-sample probabilities
    LabelScore score = LabelScore::SelfConfidence;   // ranks the label issues
    double duplicateSimilarity = 0.9975;             // signature correlation; see findDuplicates
    double outlierSpread = 5.0;                      // see findOutliers
    bool map = false;                                // also lay every image out on a 2-D map (embedFeatures)
};

struct DataAudit
{
    TrainingRun run; // the dataset as read (row r is run.dataset.images[r]) and the extraction's figures
    LabelAudit labels;                    // rows index run.dataset.images
    std::vector<DuplicateGroup> duplicates; // leaks first, then conflicts, then the rest; each by first row
    std::vector<Outlier> outliers;
    std::vector<float> map;               // with DataAuditOptions::map: x, y of each row; else empty
    double seconds = 0;                   // after the features were read

    bool isLeak(const DuplicateGroup &group) const;     // in training and in validation or test
    bool isConflict(const DuplicateGroup &group) const; // in more than one class
    // label_issues [{path, given, suggested, score}], estimated_wrong_labels, duplicates
    // [{kind, leak, conflict, images: [{path, class, subset}]}], outliers [{path, class, reason,
    // score}], and with a map, map [{path, x, y}].
    QJsonObject toJson() const;
};

struct DataAuditCallbacks
{
    TrainingRunCallbacks reading; // scanned and extracting, as for a run
    std::function<void(int done, int total)> auditing; // the audit's own steps
};

// The reason `options` cannot be used, in the words both front ends show; empty when it can.
QString auditOptionsProblem(const DataAuditOptions &options);

const char *reasonName(Outlier::Reason reason); // "blank", "noise", "unlike every class"

// The run's fixes are applied to the scan; images marked reviewed are not reported, nor are
// duplicate groups holding one.
// Throws as runTraining does before training, std::invalid_argument with
// auditOptionsProblem(), and Cancelled when `cancel` is set.
DataAudit auditData(const Backbone &backbone, const TrainingRunOptions &run, const DataAuditOptions &options,
                    const DataAuditCallbacks &callbacks = {}, const CancelFlag *cancel = nullptr);

} // namespace rs
