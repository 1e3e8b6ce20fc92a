#pragma once

#include "base/cancellation.h"
#include "model/backbone.h"
#include "training/trainingrun.h"

#include <QObject>
#include <QThread>

#include <memory>
#include <optional>

namespace rs {

// Which InceptionV3 weights to use: a torchvision file, or seeded random ones (tests and
// demonstrations on machines without the ImageNet file).
struct WeightsChoice
{
    QString file;
    std::optional<std::uint64_t> randomSeed;

    bool operator==(const WeightsChoice &other) const { return file == other.file && randomSeed == other.randomSeed; }
    bool operator!=(const WeightsChoice &other) const { return !(*this == other); }
};

// "bfloat16" or "float32": the number format features are computed in, as the GUI names it.
QString precisionLabel(Precision precision);

// One training run at a time on its own thread, as retrain-cli train runs it. The backbone
// is loaded there too and kept for the next run, prediction and export. Signals arrive on
// the GUI thread; every exception ends as failed(), a Stop as cancelled().
class TrainingJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrainingJob)

public:
    explicit TrainingJob(QObject *parent = nullptr);
    ~TrainingJob() override;

    bool isRunning() const { return m_thread != nullptr; }
    // The backbone computes features in `precision` (the head always trains in float32).
    void start(const TrainingRunOptions &options, const WeightsChoice &weights, Precision precision);
    // Returns at once; the run notices within one image or one step.
    void stop();

    // The backbone of the last run that loaded one, or null.
    std::shared_ptr<const Backbone> backbone() const { return m_backbone; }

Q_SIGNALS:
    void phaseChanged(const QString &text);
    void scanned(int images, int classes);
    void extracting(int done, int total, int fromCache);
    void trainingPoint(const rs::TrainingPoint &point);
    void finished(std::shared_ptr<const rs::TrainingRun> run);
    void failed(const QString &message);
    void cancelled();

private:
    void run(TrainingRunOptions options, WeightsChoice weights, Precision precision);
    void threadEnded();
    // Runs `f` on the GUI thread, in order with the job's other messages.
    template <typename F> void post(F &&f) { QMetaObject::invokeMethod(this, std::forward<F>(f), Qt::QueuedConnection); }

    struct ThreadJoiner
    {
        void operator()(QThread *thread) const;
    };
    std::unique_ptr<QThread, ThreadJoiner> m_thread;
    CancelFlag m_cancel{false};
    std::shared_ptr<Backbone> m_backbone; // read and written on the GUI thread only
    WeightsChoice m_backboneWeights;

    // Written by the run's thread before it ends, read after QThread::finished.
    std::shared_ptr<Backbone> m_loadedBackbone;
    std::shared_ptr<const TrainingRun> m_result;
    QString m_error;
};

} // namespace rs
