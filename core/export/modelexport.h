#pragma once

#include "model/backbone.h"
#include "model/weightssource.h"
#include "training/classifierhead.h"

#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace rs {

class TrainedModel;

// An export folder holds:
//   labels.txt     one class name per line, in label order (retrain.py's output_labels)
//   manifest.json  classes, input and preprocessing, layer, weights fingerprint, settings, metrics
//   head.pth       the head's state dict (torch.load reads it)
//   model.pt       TorchScript: preprocessed image batch in, class probabilities out
//   model.onnx     the same as ONNX (opset 13), for ONNX Runtime, OpenCV DNN, TensorRT
// The folder is replaced as a whole: a failed or interrupted export leaves the previous one.
void exportModel(const QString &folder, const TrainedModel &model);

struct ExportedModel
{
    QStringList classes;
    QString layer;
    QJsonObject manifest;
    Backbone backbone;
    ClassifierHead head;

    // Probabilities for images already turned into network inputs.
    FeatureMatrix predict(const FeatureMatrix &features) const { return head.probabilities(features); }
};

// The classifier as a project keeps it beside its file: the export without model.pt and
// model.onnx (labels, manifest, head, fine-tuned blocks), enough for loadExportedModel and a
// small fraction of the size. Replaced as a whole, as an export is.
void saveClassifier(const QString &folder, const TrainedModel &model);

// The classifier saved in `from` copied to `to` (a project saved under another name), which
// is replaced as a whole.
void copyClassifier(const QString &from, const QString &to);

// A full export of `model`, loaded from the classifier saved in `saved`.
void exportModel(const QString &folder, const ExportedModel &model, const QString &saved);

// Loads an export for prediction. The backbone weights come from `weights` if given, else
// from the seed or the file the manifest names, else from the default file; their fingerprint
// must equal the manifest's. Throws std::runtime_error naming the file and the reason.
ExportedModel loadExportedModel(const QString &folder, const std::optional<WeightsSource> &weights = std::nullopt);

} // namespace rs
