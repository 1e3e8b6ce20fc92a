#include "trainingjob.h"

#include <QElapsedTimer>

namespace rs {
namespace {

// Progress beyond a few updates a second only costs the GUI thread.
constexpr int kProgressIntervalMs = 100;

} // namespace

void TrainingJob::ThreadJoiner::operator()(QThread *thread) const
{
    thread->wait();
    delete thread;
}

TrainingJob::TrainingJob(QObject *parent) : QObject(parent) {}

TrainingJob::~TrainingJob()
{
    // Only at exit: a running job is told to stop and is joined here, before the members
    // its thread uses (the backbone, the flag) are destroyed.
    m_cancel = true;
    m_thread.reset();
}

QString precisionLabel(Precision precision)
{
    return resolvePrecision(precision) == Precision::BFloat16 ? QStringLiteral("bfloat16") : QStringLiteral("float32");
}

void TrainingJob::start(const TrainingRunOptions &options, const WeightsChoice &weights, Precision precision)
{
    if (isRunning())
        return;
    m_cancel = false;
    m_result.reset();
    m_error.clear();
    m_loadedBackbone = weights == m_backboneWeights ? m_backbone : nullptr;
    m_backboneWeights = weights;
    m_thread.reset(QThread::create([this, options, weights, precision] { run(options, weights, precision); }));
    connect(m_thread.get(), &QThread::finished, this, &TrainingJob::threadEnded);
    m_thread->start();
}

void TrainingJob::stop()
{
    m_cancel = true;
}

void TrainingJob::run(TrainingRunOptions options, WeightsChoice weights, Precision precision)
{
    try {
        if (!m_loadedBackbone) {
            post([this] { Q_EMIT phaseChanged(tr("Loading the InceptionV3 weights…")); });
            m_loadedBackbone = std::make_shared<Backbone>(
                weights.randomSeed ? Backbone::untrained(*weights.randomSeed) : Backbone::fromFile(weights.file));
        }
        m_loadedBackbone->setPrecision(precision);
        throwIfCancelled(&m_cancel);

        QElapsedTimer sinceProgress;
        sinceProgress.start();
        TrainingRunCallbacks callbacks;
        const QString numbers = precisionLabel(m_loadedBackbone->precision());
        callbacks.scanned = [this, numbers](const Dataset &dataset) {
            const int images = int(dataset.images.size()), classes = int(dataset.classes.size());
            post([this, images, classes, numbers] {
                Q_EMIT scanned(images, classes);
                Q_EMIT phaseChanged(tr("Computing image features in %1…").arg(numbers));
            });
        };
        callbacks.extracting = [&](const ExtractionProgress &p) {
            const bool last = p.done == p.total;
            if (!last && sinceProgress.elapsed() < kProgressIntervalMs)
                return;
            sinceProgress.restart();
            post([this, p, last] {
                Q_EMIT extracting(p.done, p.total, p.fromCache);
                if (last)
                    Q_EMIT phaseChanged(tr("Training the classifier…"));
            });
        };
        callbacks.training = [this](const TrainingPoint &point) { post([this, point] { Q_EMIT trainingPoint(point); }); };
        m_result = std::make_shared<const TrainingRun>(runTraining(*m_loadedBackbone, options, callbacks, &m_cancel));
    } catch (const Cancelled &) {
        // m_result stays empty and m_error too: the run was stopped.
    } catch (const std::exception &e) {
        m_error = QString::fromStdString(e.what());
    } catch (...) {
        m_error = tr("an unknown error stopped the run");
    }
}

void TrainingJob::threadEnded()
{
    m_thread.reset();
    if (m_loadedBackbone)
        m_backbone = std::move(m_loadedBackbone);
    else
        m_backboneWeights = {};
    if (m_result)
        Q_EMIT finished(std::exchange(m_result, nullptr));
    else if (!m_error.isEmpty())
        Q_EMIT failed(m_error);
    else
        Q_EMIT cancelled();
}

} // namespace rs
