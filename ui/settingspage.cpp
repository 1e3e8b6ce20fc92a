#include "settingspage.h"

#include "fieldproblems.h"
#include "model/backbone.h"
#include "ratepreview.h"
#include "weightsfield.h"
#include "training/settingrules.h"
#include "training/trainingrun.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QToolButton>

#include <algorithm>

namespace rs {
namespace {

// The plot shows about this many points, whatever the length of the run.
constexpr int kCurvePoints = 200;

} // namespace

TrainingOptions SettingsPage::options() const
{
    TrainingOptions t;
    t.steps = epochs() > 0 ? estimatedSteps() : m_steps->value();
    t.batchSize = m_fullBatch->isChecked() ? 0 : m_batch->value();
    t.schedule.kind = *LearningRateSchedule::parseKind(m_schedule->currentData().toString());
    t.schedule.base = m_baseRate->value();
    t.schedule.minimum = m_minRate->value();
    t.schedule.steps = t.steps;
    t.optimizer = m_optimizer->currentIndex() == 1 ? TrainingOptions::Optimizer::Adam : TrainingOptions::Optimizer::Sgd;
    t.momentum = m_momentum->value();
    t.hiddenUnits = m_hidden->value();
    t.dropout = m_dropout->value();
    t.seed = std::uint64_t(m_seed->value());
    t.balancedSampling = m_balance->currentIndex() == 1;
    t.classWeights = m_balance->currentIndex() == 2;
    t.weightDecay = m_weightDecay->value();
    t.standardize = m_standardize->isChecked();
    t.keepBest = m_keepBest->isChecked();
    t.calibrate = m_calibrate->isChecked();
    t.evalInterval = std::max(1, t.steps / kCurvePoints);
    return t;
}

double SettingsPage::epochs() const
{
    return m_unit->currentIndex() == 1 ? m_epochs->value() : 0.0;
}

QString SettingsPage::layer() const
{
    return m_layer->currentText();
}

RunSettings SettingsPage::settings() const
{
    return {layer(), options(), augmentation(), fineTuning(), epochs()};
}

void SettingsPage::setSettings(const RunSettings &settings)
{
    setOptions(settings.training, settings.epochs, settings.layer);
    setAugmentation(settings.augmentation);
    setFineTuning(settings.fineTuning);
}

WeightsSource SettingsPage::weights() const
{
    return m_weights->weights();
}

Precision SettingsPage::precision() const
{
    return precisionFromName(m_precision->currentData().toString()).value_or(Precision::Auto);
}

void SettingsPage::setPrecision(Precision precision)
{
    m_precision->setCurrentIndex(std::max(0, m_precision->findData(precisionName(precision))));
}

void SettingsPage::setRateFinder(QAction *findRate)
{
    m_findRate->setDefaultAction(findRate);
    m_findRate->show();
}

void SettingsPage::setBaseRate(double rate)
{
    // A schedule decays towards the minimum: keep the seed's ratio of 100 when it would exceed the new base.
    if (m_minRate->value() > rate)
        m_minRate->setValue(rate / 100);
    m_baseRate->setValue(rate);
}

void SettingsPage::setOptions(const TrainingOptions &t, double epochs, const QString &layer)
{
    m_unit->setCurrentIndex(epochs > 0 ? 1 : 0);
    if (epochs > 0)
        m_epochs->setValue(epochs);
    m_steps->setValue(t.steps);
    m_fullBatch->setChecked(t.batchSize == 0);
    if (t.batchSize > 0)
        m_batch->setValue(t.batchSize);
    m_schedule->setCurrentIndex(m_schedule->findData(LearningRateSchedule::kindName(t.schedule.kind)));
    m_baseRate->setValue(t.schedule.base);
    m_minRate->setValue(t.schedule.minimum);
    m_optimizer->setCurrentIndex(t.optimizer == TrainingOptions::Optimizer::Adam ? 1 : 0);
    m_momentum->setValue(t.momentum);
    m_hidden->setValue(t.hiddenUnits);
    m_dropout->setValue(t.dropout);
    m_seed->setValue(int(std::min<std::uint64_t>(t.seed, std::uint64_t(m_seed->maximum()))));
    m_balance->setCurrentIndex(t.balancedSampling ? 1 : t.classWeights ? 2 : 0);
    m_weightDecay->setValue(t.weightDecay);
    m_standardize->setChecked(t.standardize);
    m_keepBest->setChecked(t.keepBest);
    m_calibrate->setChecked(t.calibrate);
    if (!layer.isEmpty())
        m_layer->setCurrentText(layer);
    update();
}

void SettingsPage::setWeights(const WeightsSource &weights)
{
    m_weights->setWeights(weights);
}

Augmentation SettingsPage::augmentation() const
{
    Augmentation a;
    a.copies = m_copies->value();
    a.flipLeftRight = m_flip->isChecked();
    a.cropPercent = m_crop->value();
    a.scalePercent = m_scale->value();
    a.brightnessPercent = m_brightness->value();
    return a;
}

void SettingsPage::setAugmentation(const Augmentation &a)
{
    m_copies->setValue(a.copies);
    m_flip->setChecked(a.flipLeftRight);
    m_crop->setValue(int(std::lround(a.cropPercent)));
    m_scale->setValue(int(std::lround(a.scalePercent)));
    m_brightness->setValue(int(std::lround(a.brightnessPercent)));
    update();
}

FineTuning SettingsPage::fineTuning() const
{
    FineTuning f;
    f.fromBlock = m_fineTune->currentData().toString();
    f.backboneRateMultiplier = m_rateMultiplier->value();
    f.backboneRateDecay = m_rateDecay->value();
    f.updateBatchNormStatistics = m_updateBatchNorm->isChecked();
    f.liveAugmentation.randomResizedCrop = m_liveCrop->isChecked();
    f.liveAugmentation.flipLeftRight = m_liveFlip->isChecked();
    f.liveAugmentation.brightnessPercent = m_liveBrightness->value();
    f.liveAugmentation.contrastPercent = m_liveContrast->value();
    return f;
}

void SettingsPage::setFineTuning(const FineTuning &f)
{
    const int index = m_fineTune->findData(f.fromBlock);
    {
        const QSignalBlocker keepRates(m_fineTune); // settings set together hold the user's rates
        m_fineTune->setCurrentIndex(f.enabled() && index >= 0 ? index : 0);
    }
    m_rateMultiplier->setValue(f.backboneRateMultiplier);
    m_rateDecay->setValue(f.backboneRateDecay);
    m_updateBatchNorm->setChecked(f.updateBatchNormStatistics);
    m_liveCrop->setChecked(f.liveAugmentation.randomResizedCrop);
    m_liveFlip->setChecked(f.liveAugmentation.flipLeftRight);
    m_liveBrightness->setValue(int(std::lround(f.liveAugmentation.brightnessPercent)));
    m_liveContrast->setValue(int(std::lround(f.liveAugmentation.contrastPercent)));
    update();
}

void SettingsPage::offerDefaultOptimizer()
{
    TrainingOptions t = options();
    if (!rs::offerDefaultOptimizer(t, m_fineTune->currentIndex() > 0))
        return;
    m_optimizer->setCurrentIndex(t.optimizer == TrainingOptions::Optimizer::Adam ? 1 : 0);
    m_momentum->setValue(t.momentum);
    m_baseRate->setValue(t.schedule.base);
    m_minRate->setValue(t.schedule.minimum);
}

void SettingsPage::setTrainingImages(int count)
{
    m_trainingImages = count;
    update();
}

int SettingsPage::estimatedSteps() const
{
    return stepsForEpochs(m_epochs->value(), m_trainingImages, m_fullBatch->isChecked() ? 0 : m_batch->value());
}

TrainingRunOptions SettingsPage::runOptions() const
{
    TrainingRunOptions run;
    run.layer = layer();
    run.training = options();
    run.augmentation = augmentation();
    run.fineTuning = fineTuning();
    run.epochs = epochs();
    return run;
}

void SettingsPage::update()
{
    const bool inEpochs = m_unit->currentIndex() == 1;
    m_steps->setVisible(!inEpochs);
    m_epochs->setVisible(inEpochs);
    m_batch->setEnabled(!m_fullBatch->isChecked());
    const int batch = m_fullBatch->isChecked() ? 0 : m_batch->value();
    if (m_trainingImages <= 0)
        m_otherUnit->setText(tr("(add images to see it in %1)").arg(inEpochs ? tr("steps") : tr("epochs")));
    else if (inEpochs)
        m_otherUnit->setText(tr("= steps: %1").arg(estimatedSteps()));
    else
        m_otherUnit->setText(tr("≈ %1 epochs (training images: %2)")
                                 .arg(epochsForSteps(m_steps->value(), m_trainingImages, batch), 0, 'f', 1)
                                 .arg(m_trainingImages));

    m_batchNote->setText(batch > 0 && m_trainingImages > 0 && batch >= m_trainingImages
                             ? tr("no fewer than the training images (%1): every step uses all of them").arg(m_trainingImages)
                             : QString());
    const TrainingRunOptions run = runOptions();
    const std::vector<SettingProblem> problems = checkRunOptions(run);
    m_problems->show(problems, settingAdvice(run, m_trainingImages));
    for (QWidget *w : std::initializer_list<QWidget *>{m_flip, m_crop, m_scale, m_brightness})
        w->setEnabled(m_copies->value() > 0);
    const bool tuning = m_fineTune->currentIndex() > 0;
    m_rateMultiplier->setEnabled(tuning);
    m_rateDecay->setEnabled(tuning);
    m_updateBatchNorm->setEnabled(tuning);
    const bool wholeNetwork = fineTuning().wholeNetwork();
    for (QWidget *w : std::initializer_list<QWidget *>{m_liveCrop, m_liveFlip, m_liveBrightness, m_liveContrast})
        w->setEnabled(wholeNetwork);

    // A curve of rates the run would refuse would only mislead.
    const auto rateProblem = std::find_if(problems.begin(), problems.end(), [](const SettingProblem &p) {
        return p.setting == Setting::LearningRate || p.setting == Setting::MinLearningRate || p.setting == Setting::Steps;
    });
    m_preview->setSchedule(options().schedule, rateProblem == problems.end() ? QString() : FieldProblems::sentence(rateProblem->message));
    Q_EMIT changed();
}

void SettingsPage::browseWeights()
{
    m_weights->browse();
}

} // namespace rs
