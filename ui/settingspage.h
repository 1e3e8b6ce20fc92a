#pragma once

#include "images/augmentation.h"
#include "training/classifierhead.h"
#include "training/finetuning.h"
#include "session.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;
class QToolButton;
class QAction;

namespace rs {

class FieldProblems;
class RatePreview;
class WeightsField;

// Every training setting with a plain-words tooltip, a preview of the learning-rate curve,
// and a message beside the field when a combination cannot work.
class SettingsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsPage)

public:
    explicit SettingsPage(QWidget *parent = nullptr);

    TrainingOptions options() const;
    double epochs() const; // > 0 when the length is set in epochs
    QString layer() const;
    // Everything above as the session takes it.
    RunSettings settings() const;
    void setSettings(const RunSettings &settings);
    WeightsSource weights() const;
    Precision precision() const;
    void setPrecision(Precision precision);
    void setOptions(const TrainingOptions &options, double epochs, const QString &layer);
    void setWeights(const WeightsSource &weights);
    // Asks for a weights file with a dialog and uses it.
    void browseWeights();
    Augmentation augmentation() const;
    FineTuning fineTuning() const;
    void setFineTuning(const FineTuning &fineTuning);
    void setAugmentation(const Augmentation &augmentation);
    // A button beside the base rate that triggers `findRate` (the learning-rate sweep).
    void setRateFinder(QAction *findRate);
    // Makes `rate` the base rate, lowering the minimum to a hundredth of it if it was above.
    void setBaseRate(double rate);
    // The training set's size, for converting between steps and epochs.
    void setTrainingImages(int count);


Q_SIGNALS:
    void changed();
    void weightsLoaded(const rs::WeightsSource &weights, std::shared_ptr<const rs::Backbone> backbone); // see WeightsField

private:
    void update();
    // Fine-tuning takes Adam at lower rates; the fields follow while they hold a default.
    void offerDefaultOptimizer();
    int estimatedSteps() const;
    // The page's settings as core checks them (no dataset).
    TrainingRunOptions runOptions() const;

    FieldProblems *m_problems;
    int m_trainingImages = 0;
    QComboBox *m_unit;
    QSpinBox *m_steps;
    QDoubleSpinBox *m_epochs;
    QLabel *m_otherUnit;
    QSpinBox *m_batch;
    QCheckBox *m_fullBatch;
    QLabel *m_batchNote;
    QDoubleSpinBox *m_baseRate;
    QDoubleSpinBox *m_minRate;
    QToolButton *m_findRate;
    QComboBox *m_schedule;
    QComboBox *m_optimizer;
    QDoubleSpinBox *m_momentum;
    QSpinBox *m_hidden;
    QDoubleSpinBox *m_dropout;
    QDoubleSpinBox *m_weightDecay;
    QCheckBox *m_standardize;
    QCheckBox *m_keepBest;
    QCheckBox *m_calibrate;
    QComboBox *m_balance;
    QSpinBox *m_seed;
    QComboBox *m_layer;
    QComboBox *m_fineTune;
    QDoubleSpinBox *m_rateMultiplier;
    QDoubleSpinBox *m_rateDecay;
    QCheckBox *m_updateBatchNorm;
    QCheckBox *m_liveCrop;
    QCheckBox *m_liveFlip;
    QSpinBox *m_liveBrightness;
    QSpinBox *m_liveContrast;
    QSpinBox *m_copies;
    QCheckBox *m_flip;
    QSpinBox *m_crop;
    QSpinBox *m_scale;
    QSpinBox *m_brightness;
    WeightsField *m_weights;
    QComboBox *m_precision;
    RatePreview *m_preview;
};

} // namespace rs
