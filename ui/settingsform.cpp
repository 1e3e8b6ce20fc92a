// How the Settings page is laid out: its fields, their limits, tips and names, in groups.

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
#include <QSpinBox>
#include <QToolButton>

#include <algorithm>

namespace rs {
namespace {

template <typename W> W *named(W *widget, const QString &name, const QString &tip)
{
    widget->setObjectName(name);
    widget->setToolTip(tip);
    return widget;
}

// The field's range comes from core's table of settings, as retrain-cli's bounds do.
template <typename Box>
Box *bounded(Box *box, Setting setting)
{
    const SettingRule &rule = ruleFor(setting);
    box->setRange(rule.minimum, rule.maximum);
    box->setValue(rule.defaultValue);
    return box;
}

QDoubleSpinBox *rateBox(const QString &name, const QString &tip, Setting setting)
{
    auto *box = named(new QDoubleSpinBox, name, tip);
    box->setDecimals(6);
    box->setSingleStep(0.001);
    return bounded(box, setting);
}

QSpinBox *percentBox(const QString &name, const QString &tip, int maximum)
{
    auto *box = named(new QSpinBox, name, tip);
    box->setRange(0, maximum);
    box->setSuffix(QStringLiteral(" %"));
    return box;
}

QWidget *row(std::initializer_list<QWidget *> widgets)
{
    auto *box = new QWidget;
    auto *layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    for (QWidget *w : widgets)
        layout->addWidget(w);
    layout->addStretch();
    return box;
}

} // namespace

SettingsPage::SettingsPage(QWidget *parent) : QWidget(parent), m_problems(new FieldProblems(this))
{
    m_unit = named(new QComboBox, QStringLiteral("lengthUnit"),
                   tr("Set the training length in steps (one batch each) or in epochs (every training image seen once)."));
    m_unit->addItems({tr("steps"), tr("epochs")});
    m_steps = named(new QSpinBox, QStringLiteral("steps"),
                    tr("How many batches the classifier learns from. Too few and it stops before it has learnt; "
                       "too many mostly costs time, and can overfit a small dataset."));
    bounded(m_steps, Setting::Steps);
    m_epochs = named(new QDoubleSpinBox, QStringLiteral("epochs"),
                     tr("How many times each training image is seen. Too few and the classifier has not learnt; "
                        "too many can overfit a small dataset."));
    m_epochs->setDecimals(2);
    bounded(m_epochs, Setting::Epochs)->setValue(100);
    m_otherUnit = named(new QLabel, QStringLiteral("otherUnit"), {});
    m_batch = named(new QSpinBox, QStringLiteral("batchSize"),
                    tr("Images per learning step. Small batches give noisy but quick steps; large ones smooth steps "
                       "that cost more each."));
    bounded(m_batch, Setting::BatchSize)->setMinimum(1); // 0, every image, is the check box beside it
    m_fullBatch = named(new QCheckBox(tr("all images")), QStringLiteral("fullBatch"),
                        tr("Learn from every training image in every step: the steadiest curve, slow on large datasets."));
    m_batchNote = named(new QLabel, QStringLiteral("batchNote"), {});
    m_baseRate = rateBox(QStringLiteral("baseRate"),
                         tr("How big the first learning steps are. Too high and the loss jumps about or grows; too low "
                            "and learning crawls."), Setting::LearningRate);
    m_minRate = rateBox(QStringLiteral("minRate"),
                        tr("The rate the schedule decays towards: small steps at the end fine-tune the result. "
                           "It cannot be above the base rate."), Setting::MinLearningRate);
    QLabel *baseRateError = m_problems->label(QStringLiteral("baseRateError"), {Setting::LearningRate});
    QLabel *rateError = m_problems->label(QStringLiteral("rateError"), {Setting::MinLearningRate});
    m_findRate = new QToolButton;
    m_findRate->setObjectName(QStringLiteral("findRateButton"));
    m_findRate->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_findRate->hide(); // until the window lends it its action
    m_schedule = named(new QComboBox, QStringLiteral("schedule"),
                       tr("How the learning rate changes from the base rate towards the minimum over the run; "
                          "the plot below shows it."));
    // Shown in the user's language, identified by the name retrain-cli and project files use.
    const QHash<QString, QString> scheduleLabels{{QStringLiteral("exponential"), tr("exponential")},
                                                 {QStringLiteral("constant"), tr("constant")},
                                                 {QStringLiteral("step"), tr("step")},
                                                 {QStringLiteral("cosine"), tr("cosine")},
                                                 {QStringLiteral("geometric"), tr("geometric")}};
    for (const QString &name : LearningRateSchedule::kindNames())
        m_schedule->addItem(scheduleLabels.value(name, name), name);
    m_optimizer = named(new QComboBox, QStringLiteral("optimizer"),
                        tr("SGD is the classic recipe; Adam adapts the step size per weight and often needs a "
                           "10 to 100 times smaller rate."));
    m_optimizer->addItems({QStringLiteral("SGD"), QStringLiteral("Adam")});
    m_momentum = named(new QDoubleSpinBox, QStringLiteral("momentum"),
                       tr("SGD only: how much of the previous step carries into the next. 0.9 speeds learning up; "
                          "close to 1 it overshoots."));
    m_momentum->setDecimals(3);
    bounded(m_momentum, Setting::Momentum);
    m_momentum->setSingleStep(0.1);
    QLabel *momentumError = m_problems->label(QStringLiteral("momentumError"), {Setting::Momentum});
    m_hidden = named(new QSpinBox, QStringLiteral("hiddenUnits"),
                     tr("0 trains one layer on the image features (the classic recipe). A hidden layer can fit "
                        "harder problems but overfits small datasets more easily."));
    bounded(m_hidden, Setting::HiddenUnits);
    m_dropout = named(new QDoubleSpinBox, QStringLiteral("dropout"),
                      tr("Share of features hidden at random in each step, against overfitting. Too high and the "
                         "classifier cannot learn."));
    bounded(m_dropout, Setting::Dropout);
    m_dropout->setSingleStep(0.1);
    m_weightDecay = named(new QDoubleSpinBox, QStringLiteral("weightDecay"),
                          tr("Pulls the classifier's weights towards zero a little at every step, against "
                             "overfitting a small dataset. Too much and it cannot fit at all."));
    m_weightDecay->setDecimals(5);
    m_weightDecay->setSingleStep(0.0001);
    bounded(m_weightDecay, Setting::WeightDecay);
    m_standardize = named(new QCheckBox(tr("standardise features")), QStringLiteral("standardize"),
                          tr("Train on features scaled to the same spread in every dimension, so the learning rate "
                             "suits any backbone. The exported classifier still takes the network's own features. "
                             "Off: the classic recipe, on the features as they come."));
    m_keepBest = named(new QCheckBox(tr("keep the best validation point")), QStringLiteral("keepBest"),
                       tr("End with the classifier as it was when its validation loss was lowest, not as it was at "
                          "the last step, which may have started to overfit. Needs validation images."));
    m_calibrate = named(new QCheckBox(tr("calibrate probabilities")), QStringLiteral("calibrate"),
                        tr("After training, rescale the classifier's confidence on the validation images so that "
                           "\"90 %\" is right about nine times in ten. Never changes which class is predicted. "
                           "Needs validation images."));
    m_calibrate->setChecked(TrainingOptions{}.calibrate);
    m_standardize->setChecked(TrainingOptions{}.standardize);
    m_keepBest->setChecked(TrainingOptions{}.keepBest);
    m_balance = named(new QComboBox, QStringLiteral("classBalance"),
                      tr("For classes of very different sizes, so that small classes are not drowned out by large "
                         "ones: draw every class equally often, or weight each class's errors by its rarity."));
    m_balance->addItems({tr("as the images come"), tr("draw classes equally often"), tr("weight classes by rarity")});
    m_seed = named(new QSpinBox, QStringLiteral("seed"),
                   tr("The same seed, data and settings train the same classifier; change it to see how much "
                      "results vary by chance."));
    m_seed->setRange(0, 2147483647);
    m_layer = named(new QComboBox, QStringLiteral("featureLayer"),
                    tr("Where in InceptionV3 the image features are taken. The bottleneck (2048 numbers) suits most "
                       "photos; earlier layers keep simpler shapes and textures, for images unlike ImageNet's."));
    for (const QString &name : Backbone::layerNames())
        if (name != Backbone::kLogits)
            m_layer->addItem(name);
    m_layer->setCurrentText(Backbone::kBottleneck);
    m_fineTune = named(new QComboBox, QStringLiteral("fineTuneFrom"),
                       tr("Train only the classifier on top (fast), or also the top blocks of InceptionV3 (Mixed_7b "
                          "is Keras's fine-tuning recipe), or the whole network on images distorted afresh at every "
                          "step, as PyTorch's transfer-learning recipe does. Fine-tuning can fit unusual images "
                          "better, but each step is far slower: use a few epochs, not thousands of steps."));
    m_fineTune->addItem(tr("the classifier only"));
    for (const QString &block : FineTuning::blocks())
        m_fineTune->addItem(tr("the classifier and the blocks from %1").arg(block), block);
    m_fineTune->addItem(tr("the whole network, on images distorted as it trains"),
                        QLatin1String(FineTuning::kWholeNetwork));
    m_rateMultiplier = named(new QDoubleSpinBox, QStringLiteral("backboneRateMultiplier"),
                             tr("The fine-tuned blocks learn at this fraction of the classifier's rate. Too high and "
                                "they forget what ImageNet taught them; too low and they barely change."));
    m_rateMultiplier->setDecimals(3);
    m_rateMultiplier->setSingleStep(0.05);
    bounded(m_rateMultiplier, Setting::RateMultiplier);
    m_rateDecay = named(new QDoubleSpinBox, QStringLiteral("backboneRateDecay"),
                        tr("Each block below the top one learns at this fraction of the rate of the block above it "
                           "(1: all at the same rate). The lower blocks see edges and textures that suit most "
                           "images; a decay below 1 changes them less than the top ones."));
    m_rateDecay->setDecimals(2);
    m_rateDecay->setSingleStep(0.05);
    bounded(m_rateDecay, Setting::RateDecay);
    auto *rateDecayLabel = new QLabel(tr("each block below ×"));
    rateDecayLabel->setBuddy(m_rateDecay);
    m_updateBatchNorm = named(new QCheckBox(tr("update BatchNorm statistics")), QStringLiteral("updateBatchNorm"),
                              tr("Off (recommended): BatchNorm keeps ImageNet's statistics, which small batches would "
                                 "only make noisy. On: it uses each batch's statistics and updates its own."));
    m_liveCrop = named(new QCheckBox(tr("crop")), QStringLiteral("liveCrop"),
                       tr("At every step, train on a random part of each image (8 % to 100 % of its area, as "
                          "torchvision's RandomResizedCrop does), enlarged to the network's input. Off: the whole "
                          "image, as predictions see it."));
    m_liveFlip = named(new QCheckBox(tr("mirror")), QStringLiteral("liveFlip"),
                       tr("At every step, mirror each image left to right at random. Leave it off when mirrored "
                          "images mean something else (text, left and right hands)."));
    m_liveBrightness = percentBox(QStringLiteral("liveBrightness"),
                                  tr("At every step, make each image brighter or darker at random by up to this much."), 99);
    m_liveContrast = percentBox(QStringLiteral("liveContrast"),
                                tr("At every step, raise or lower each image's contrast at random by up to this much."), 99);
    auto *liveBrightnessLabel = new QLabel(tr("brightness"));
    auto *liveContrastLabel = new QLabel(tr("contrast"));
    QLabel *layerError = m_problems->label(QStringLiteral("layerError"), {Setting::Layer, Setting::FineTuneFrom});
    m_copies = named(new QSpinBox, QStringLiteral("augmentedCopies"),
                     tr("Distorted copies made of each training image (0: none). More copies teach the classifier "
                        "to ignore position, size and lighting, but each costs one more pass of the network over "
                        "the training images, once: their features are cached."));
    m_copies->setRange(0, 100);
    m_flip = named(new QCheckBox(tr("mirror")), QStringLiteral("flipLeftRight"),
                   tr("Mirror copies left to right at random. Leave it off when mirrored images mean something else "
                      "(text, left and right hands)."));
    m_crop = percentBox(QStringLiteral("randomCrop"),
                        tr("Crop copies at a random place after adding this margin. Too much and objects are cut off."), 100);
    m_scale = percentBox(QStringLiteral("randomScale"),
                         tr("Enlarge copies at random by up to this much. Too much and only parts of objects remain."), 100);
    m_brightness = percentBox(QStringLiteral("randomBrightness"),
                              tr("Make copies brighter or darker at random by up to this much. Too much and details "
                                 "wash out."), 99);
    auto *cropLabel = new QLabel(tr("crop"));
    auto *scaleLabel = new QLabel(tr("scale"));
    auto *brightnessLabel = new QLabel(tr("brightness"));
    m_weights = new WeightsField;

    m_precision = named(new QComboBox, QStringLiteral("precision"),
                        tr("The number format InceptionV3 computes image features in. bfloat16 is about twice as "
                           "fast on processors made for it (AVX512_BF16, AMX), and its features stay within 0.01 % "
                           "of float32's; elsewhere it is slower. int8 is about twice as fast again: it measures "
                           "its ranges on 16 of your training images first, and its features stay within 0.03 % "
                           "of float32's (median); predictions of single images stay in float. The classifier "
                           "always trains in float32."));
    m_precision->addItem(tr("automatic (%1 on this computer)").arg(precisionLabel(Precision::Auto)),
                         precisionName(Precision::Auto));
    for (Precision p : {Precision::Float32, Precision::BFloat16, Precision::Int8})
        if (p != Precision::Int8 || int8Available())
            m_precision->addItem(precisionLabel(p), precisionName(p));
    m_preview = new RatePreview;

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    QLabel *lengthError = m_problems->label(QStringLiteral("lengthError"), {Setting::Steps, Setting::Epochs});
    QLabel *hiddenError = m_problems->label(QStringLiteral("hiddenError"), {Setting::HiddenUnits});
    QLabel *dropoutError = m_problems->label(QStringLiteral("dropoutError"), {Setting::Dropout, Setting::WeightDecay});
    QLabel *multiplierError = m_problems->label(QStringLiteral("multiplierError"), {Setting::RateMultiplier, Setting::RateDecay});
    form->addRow(tr("Training &length:"), row({m_steps, m_epochs, m_unit, m_otherUnit}));
    form->addRow(QString(), lengthError);
    form->addRow(tr("&Batch size:"), row({m_batch, m_fullBatch, m_batchNote}));
    form->addRow(tr("Base learning &rate:"), row({m_baseRate, m_findRate, baseRateError}));
    form->addRow(tr("M&inimum learning rate:"), row({m_minRate, rateError}));
    form->addRow(tr("&Schedule:"), m_schedule);
    form->addRow(tr("&Optimizer:"), m_optimizer);
    form->addRow(tr("&Momentum:"), row({m_momentum, momentumError}));
    form->addRow(tr("&Hidden units:"), row({m_hidden, hiddenError}));
    auto *weightDecayLabel = new QLabel(tr("&weight decay"));
    weightDecayLabel->setBuddy(m_weightDecay);
    form->addRow(tr("&Dropout:"), row({m_dropout, weightDecayLabel, m_weightDecay, dropoutError}));
    form->addRow(tr("Con&vergence:"), row({m_standardize, m_keepBest, m_calibrate}));
    form->addRow(tr("Class &balance:"), m_balance);
    form->addRow(tr("S&eed:"), m_seed);
    form->addRow(tr("&Feature layer:"), row({m_layer, layerError}));
    form->addRow(tr("&Train:"), m_fineTune);
    form->addRow(tr("Blocks' rate ×:"), row({m_rateMultiplier, rateDecayLabel, m_rateDecay, m_updateBatchNorm, multiplierError}));
    form->addRow(tr("Augment each ste&p:"),
                 row({m_liveCrop, m_liveFlip, liveBrightnessLabel, m_liveBrightness, liveContrastLabel, m_liveContrast}));
    form->addRow(tr("&Augmented copies:"), row({m_copies, m_flip, cropLabel, m_crop, scaleLabel, m_scale, brightnessLabel, m_brightness}));
    form->addRow(tr("&ImageNet weights:"), m_weights);
    form->addRow(tr("&Compute in:"), m_precision);
    auto *previewTitle = new QLabel(tr("Learning rate over the run"));
    auto *preview = new QVBoxLayout;
    preview->addWidget(previewTitle);
    preview->addWidget(m_preview, 1);
    // On a small screen the form scrolls rather than pushing the window beyond it.
    auto *formPanel = new QWidget;
    formPanel->setLayout(form);
    auto *scroll = new QScrollArea;
    scroll->setObjectName(QStringLiteral("settingsScroll"));
    scroll->setWidget(formPanel);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(scroll, 5);
    layout->addSpacing(12);
    layout->addLayout(preview, 2);

    m_problems->watchRange(m_steps, Setting::Steps);
    m_problems->watchRange(m_epochs, Setting::Epochs);
    m_problems->watchRange(m_baseRate, Setting::LearningRate);
    m_problems->watchRange(m_minRate, Setting::MinLearningRate);
    m_problems->watchRange(m_momentum, Setting::Momentum);
    m_problems->watchRange(m_hidden, Setting::HiddenUnits);
    m_problems->watchRange(m_dropout, Setting::Dropout);
    m_problems->watchRange(m_weightDecay, Setting::WeightDecay);
    m_problems->watchRange(m_rateMultiplier, Setting::RateMultiplier);
    m_problems->watchRange(m_rateDecay, Setting::RateDecay);
    for (QSpinBox *box : {m_steps, m_batch, m_hidden, m_seed, m_copies, m_crop, m_scale, m_brightness, m_liveBrightness, m_liveContrast})
        connect(box, &QSpinBox::valueChanged, this, &SettingsPage::update);
    for (QDoubleSpinBox *box : {m_epochs, m_baseRate, m_minRate, m_momentum, m_dropout, m_weightDecay, m_rateMultiplier, m_rateDecay})
        connect(box, &QDoubleSpinBox::valueChanged, this, &SettingsPage::update);
    for (QComboBox *box : {m_unit, m_schedule, m_optimizer, m_layer, m_balance, m_fineTune})
        connect(box, &QComboBox::currentIndexChanged, this, &SettingsPage::update);
    for (QCheckBox *box : {m_fullBatch, m_flip, m_updateBatchNorm, m_liveCrop, m_liveFlip, m_standardize, m_keepBest, m_calibrate})
        connect(box, &QCheckBox::toggled, this, &SettingsPage::update);
    connect(m_fineTune, &QComboBox::currentIndexChanged, this, &SettingsPage::offerDefaultOptimizer);
    connect(m_weights, &WeightsField::changed, this, &SettingsPage::update);
    connect(m_weights, &WeightsField::loaded, this, &SettingsPage::weightsLoaded);
    update();
}

} // namespace rs
