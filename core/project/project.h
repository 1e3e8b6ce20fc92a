#pragma once

#include "data/dataset.h"
#include "data/imagefixes.h"
#include "evaluation/calibration.h"
#include "evaluation/evaluation.h"
#include "images/augmentation.h"
#include "training/classifierhead.h"
#include "training/finetuning.h"

#include <QDir>
#include <QJsonObject>

#include <optional>
#include <vector>

namespace rs {

// The last run as a project remembers it: its report (TrainingRun::report), with the curve
// and the test evaluation read back for display. The trained head is not kept; training
// again from the bottleneck cache takes seconds.
struct RunSummary
{
    QJsonObject report;
    QStringList classes;
    std::vector<TrainingPoint> curve;
    Evaluation evaluation;
    Calibration calibration;

    // Throws std::runtime_error when the report is not one TrainingRun::report wrote.
    static RunSummary fromReport(const QJsonObject &report);
};

// Everything the GUI needs to show a piece of work again.
struct Project
{
    DatasetSources sources; // skipped is not saved: it is found again when the folders are read
    SplitOptions split;
    QString layer;
    TrainingOptions training;
    Augmentation augmentation;
    FineTuning fineTuning;
    double epochs = 0;   // > 0: the training length was set in epochs
    QString weightsFile; // empty: torchvision's default location
    ImageFixes fixes;    // in the order made, so that they can be undone
    std::optional<RunSummary> lastRun;
};

// The project as its file holds it, with paths relative to `base`.
QJsonObject projectJson(const Project &project, const QDir &base);

// A JSON file; class folders and fixed images are stored relative to the file's folder, so a project moved
// together with its images still opens. Written atomically. Both throw std::runtime_error
// naming the file and the reason.
void saveProject(const QString &path, const Project &project);
Project loadProject(const QString &path);

// Where the last run's classifier is kept beside the project file `projectPath`
// (saveClassifier): "<folder>/<name>.classifier" for "<folder>/<name>.rsproject", so that a
// reopened project predicts and exports without training again.
QString classifierFolder(const QString &projectPath);

} // namespace rs
