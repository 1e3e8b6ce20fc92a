#include "trainingpage.h"

#include "curveplot.h"
#include "session.h"
#include "training/overfitting.h"
#include "trialtable.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLocale>
#include <QLabel>
#include <QProgressBar>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

namespace rs {
namespace {

QToolButton *actionButton(QAction *action, const QString &name)
{
    auto *button = new QToolButton;
    button->setObjectName(name);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    button->setMinimumWidth(90);
    return button;
}

} // namespace

TrainingPage::TrainingPage(QAction *start, QAction *findSettings, QAction *stop, QAction *resume, QWidget *parent)
    : QWidget(parent)
{
    m_phase = new QLabel(tr("Not started. Add classes on the Dataset page, then press Start."));
    m_phase->setObjectName(QStringLiteral("phaseLabel"));
    QFont bold = m_phase->font();
    bold.setBold(true);
    m_phase->setFont(bold);
    m_phase->setWordWrap(true);
    m_progress = new QProgressBar;
    m_progress->setObjectName(QStringLiteral("extractionProgress"));
    m_progress->setFormat(tr("%v of %m images"));
    m_progress->setValue(0);
    m_speed = new QLabel;
    m_speed->setObjectName(QStringLiteral("speedLabel"));
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("trainingStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_overfitting = new QLabel;
    m_overfitting->setObjectName(QStringLiteral("overfittingHint"));
    m_overfitting->setWordWrap(true);
    m_overfitting->setStyleSheet(QStringLiteral("color: #b06000;"));
    m_overfitting->hide();
    m_run = new QLabel;
    m_run->setObjectName(QStringLiteral("runLabel"));
    m_run->setWordWrap(true);
    m_plot = new CurvePlot;
    m_trials = new TrialTable;
    m_trials->hide();

    auto *top = new QHBoxLayout;
    top->addWidget(actionButton(start, QStringLiteral("startButton")));
    top->addWidget(actionButton(findSettings, QStringLiteral("findSettingsButton")));
    top->addWidget(actionButton(stop, QStringLiteral("stopButton")));
    top->addWidget(actionButton(resume, QStringLiteral("resumeButton")));
    top->addSpacing(12);
    top->addWidget(m_phase, 1);
    auto *progress = new QHBoxLayout;
    progress->addWidget(m_progress, 1);
    progress->addWidget(m_speed);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(progress);
    layout->addWidget(m_status);
    layout->addWidget(m_run);
    layout->addWidget(m_overfitting);
    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(m_trials);
    split->addWidget(m_plot);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);
}

void TrainingPage::follow(const Session *session)
{
    connect(session, &Session::trainingStarted, this, [this, session] { runStarted(session->runTrains()); });
    connect(session, &Session::phaseChanged, this, &TrainingPage::setPhase);
    connect(session, &Session::scanned, this, &TrainingPage::scanned);
    connect(session, &Session::extracting, this, &TrainingPage::extracting);
    connect(session, &Session::trainingPoint, this, &TrainingPage::addPoint);
    connect(session, &Session::tuningTrial, this, &TrainingPage::addTrial);
    connect(session, &Session::modelChanged, this, [this, session] {
        if (session->model() && session->model()->run().tuning)
            m_trials->markChosen(session->model()->run().tuning->best);
    });
    connect(session, &Session::trainingEnded, this, &TrainingPage::runEnded);
}

void TrainingPage::runStarted(bool trains)
{
    // A run that only reads the data (a check, a rate sweep) leaves the last training's curves.
    if (trains) {
        m_plot->clear();
        m_plot->setPlaceholder(tr("The curves start once the image features are computed."));
        m_curve.clear();
        m_overfitting->hide();
    }
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_speed->clear();
    m_status->clear();
    m_startDone = -1;
    m_training = false;
    m_progress->setFormat(tr("%v of %m images"));
    m_trials->clearTrials();
    m_trials->hide();
    m_started = QTime::currentTime();
    m_resumedFrom = 0;
    const QString started = QLocale().toString(m_started, QLocale::ShortFormat);
    m_run->setText(trains || m_curve.empty() ? tr("This run started at %1.").arg(started)
                                             : tr("This run started at %1; the curves below are the last training's.").arg(started));
}

void TrainingPage::setPhase(const QString &text)
{
    m_phase->setText(text);
}

void TrainingPage::scanned(int images, int classes)
{
    m_status->setText(tr("Images: %1 · classes: %2").arg(images).arg(classes));
    m_progress->setRange(0, std::max(1, images));
}

void TrainingPage::extracting(int done, int total, int fromCache)
{
    m_progress->setRange(0, std::max(1, total));
    m_progress->setValue(done);
    if (m_startDone < 0) {
        m_startDone = done;
        m_clock.start();
        return;
    }
    const double seconds = m_clock.elapsed() / 1000.0;
    if (seconds <= 0 || done <= m_startDone)
        return;
    const double rate = (done - m_startDone) / seconds;
    m_speed->setText(tr("%1 images/s · %2 left · %3 from the cache")
                         .arg(rate, 0, 'f', 1)
                         .arg(duration((total - done) / rate))
                         .arg(fromCache));
}

void TrainingPage::addPoint(const TrainingPoint &p)
{
    if (!m_training) {
        m_training = true;
        m_progress->setFormat(tr("step %v of %m"));
        m_progress->setRange(0, p.totalSteps);
        m_clock.start();
        m_startDone = p.step;
    }
    if (p.step <= p.resumedFrom) {
        // The stopped run's curve, replayed at once: the pace is measured from where it carries on.
        m_clock.start();
        m_startDone = p.resumedFrom;
        if (m_resumedFrom != p.resumedFrom) {
            m_resumedFrom = p.resumedFrom;
            m_run->setText(tr("Resumed at %2: the curves up to step %1 are the stopped run's, this run carries them on.")
                               .arg(p.resumedFrom)
                               .arg(QLocale().toString(m_started, QLocale::ShortFormat)));
        }
    }
    m_progress->setValue(p.step);
    const double seconds = m_clock.elapsed() / 1000.0;
    if (p.step > m_startDone && seconds > 0)
        m_speed->setText(tr("%1 steps/s · %2 left")
                             .arg((p.step - m_startDone) / seconds, 0, 'f', 0)
                             .arg(duration((p.totalSteps - p.step) * seconds / (p.step - m_startDone))));
    QString status = tr("training loss %1 · learning rate %2").arg(p.trainLoss, 0, 'f', 4).arg(p.learningRate, 0, 'g', 3);
    if (!std::isnan(p.validationLoss))
        status += tr(" · validation loss %1 · validation accuracy %2 %")
                      .arg(p.validationLoss, 0, 'f', 4)
                      .arg(100 * p.validationAccuracy, 0, 'f', 1);
    m_status->setText(status);
    m_plot->addPoint(p);
    m_curve.push_back(p);
    if (const std::optional<int> since = overfittingSince(m_curve)) {
        m_overfitting->setText(tr("Validation loss has risen since step %1 while training loss goes on falling: the "
                                  "classifier is overfitting, learning its training images rather than the classes. "
                                  "Keeping the best validation point keeps step %1's classifier; fewer steps, more "
                                  "dropout or weight decay, or more images help.")
                                   .arg(*since));
        m_overfitting->show();
    } else {
        m_overfitting->hide();
    }
}

void TrainingPage::addTrial(const TuningTrial &trial, int total)
{
    m_trials->show();
    m_trials->addTrial(trial, total);
    m_progress->setFormat(tr("%v of %m settings tried"));
    m_progress->setRange(0, total);
    m_progress->setValue(m_trials->rowCount());
    m_speed->clear();
}

void TrainingPage::runEnded(const QString &message)
{
    m_phase->setText(message);
    m_speed->clear();
    m_progress->setFormat(tr("%v of %m"));
}

void TrainingPage::showCurve(const std::vector<TrainingPoint> &curve, const QString &message, const QString &summary)
{
    m_plot->setCurve(curve);
    m_plot->setPlaceholder(tr("No run yet: the next run's curves appear here."));
    m_curve = curve;
    m_overfitting->hide();
    m_trials->hide();
    m_phase->setText(message);
    m_status->setText(summary);
    m_speed->clear();
    m_run->clear();
    // Where the last run ended, rather than an empty bar of images.
    m_progress->setFormat(curve.empty() ? tr("%v of %m images") : tr("step %v of %m"));
    m_progress->setRange(0, curve.empty() ? 1 : std::max(1, curve.back().totalSteps));
    m_progress->setValue(curve.empty() ? 0 : curve.back().step);
}

QString TrainingPage::duration(double seconds)
{
    if (!std::isfinite(seconds))
        return QStringLiteral("?");
    const int s = int(std::lround(seconds));
    return s < 60 ? tr("%1 s").arg(s) : s < 3600 ? tr("%1 min %2 s").arg(s / 60).arg(s % 60)
                                                  : tr("%1 h %2 min").arg(s / 3600).arg(s % 3600 / 60);
}

} // namespace rs
