#include "job.h"

#include <QMetaObject>

namespace rs {
namespace {

constexpr int kProgressIntervalMs = 100;

} // namespace

JobContext::JobContext(QObject *receiver, const CancelFlag *cancel) : m_receiver(receiver), m_cancel(cancel)
{
    m_sinceProgress.start();
}

void JobContext::post(std::function<void()> f) const
{
    QMetaObject::invokeMethod(m_receiver, std::move(f), Qt::QueuedConnection);
}

bool JobContext::progressDue(bool last)
{
    if (!last && m_sinceProgress.elapsed() < kProgressIntervalMs)
        return false;
    m_sinceProgress.restart();
    return true;
}

void Job::ThreadJoiner::operator()(QThread *thread) const
{
    thread->wait();
    delete thread;
}

Job::Job(QObject *parent) : QObject(parent) {}

Job::~Job()
{
    // The work is told to stop and joined here, before the members it uses are destroyed;
    // what it posted and has not been delivered dies with this object.
    m_cancel = true;
    m_thread.reset();
}

bool Job::startErased(std::function<void(JobContext &)> work, std::function<void()> deliver)
{
    if (isRunning())
        return false;
    m_cancel = false;
    m_completed = false;
    m_error.clear();
    m_deliver = std::move(deliver);
    m_thread.reset(QThread::create([this, work = std::move(work)] { run(work); }));
    connect(m_thread.get(), &QThread::finished, this, &Job::threadEnded);
    m_thread->start();
    return true;
}

void Job::run(const std::function<void(JobContext &)> &work)
{
    JobContext context(this, &m_cancel);
    try {
        work(context);
        m_completed = true;
    } catch (const Cancelled &) {
        // Neither completed nor failed: stopped.
    } catch (const std::exception &e) {
        m_error = QString::fromStdString(e.what());
    } catch (...) {
        m_error = tr("an unknown error stopped the work");
    }
}

void Job::threadEnded()
{
    m_thread.reset();
    const std::function<void()> deliver = std::exchange(m_deliver, nullptr);
    if (m_completed) {
        if (deliver)
            deliver();
        Q_EMIT succeeded();
    } else if (!m_error.isEmpty()) {
        Q_EMIT failed(m_error);
    } else {
        Q_EMIT cancelled();
    }
}

} // namespace rs
