#pragma once

#include "base/cancellation.h"

#include <QElapsedTimer>
#include <QObject>
#include <QThread>

#include <functional>
#include <memory>
#include <optional>
#include <type_traits>

namespace rs {

// What long work sees of its job, on the job's thread.
class JobContext
{
public:
    const CancelFlag *cancel() const { return m_cancel; }
    // Runs `f` on the GUI thread, in order with the job's other messages; dropped if the job
    // is destroyed first.
    void post(std::function<void()> f) const;
    // Whether progress is worth posting now: true at most every 100 ms (and always when
    // `last`). Updates beyond a few a second only cost the GUI thread.
    bool progressDue(bool last = false);

private:
    friend class Job;
    JobContext(QObject *receiver, const CancelFlag *cancel);

    QObject *m_receiver;
    const CancelFlag *m_cancel;
    QElapsedTimer m_sinceProgress;
};

// The one way long work runs off the GUI thread. Each run has a thread of its own, owned
// through a unique_ptr whose deleter joins it; every exception is caught at the thread's
// boundary and becomes failed(message), a Stop (Cancelled) becomes cancelled(); the result
// reaches the GUI thread after the thread has ended, so the GUI never waits for it.
// Destroying a running job stops it and joins its thread.
class Job final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Job)

public:
    explicit Job(QObject *parent = nullptr);
    ~Job() override;

    bool isRunning() const { return m_thread != nullptr; }

    // Runs `work(JobContext &)` on a thread of its own; `done` gets its result (or nothing,
    // for void work) on the GUI thread before succeeded(). Returns false, running nothing,
    // when this job is already running.
    template <typename Work, typename Done>
    bool start(Work work, Done done);

    // Returns at once; the work notices at its next check of the cancel flag.
    void stop() { m_cancel = true; }

Q_SIGNALS:
    void succeeded();
    void failed(const QString &message);
    void cancelled();

private:
    bool startErased(std::function<void(JobContext &)> work, std::function<void()> deliver);
    void run(const std::function<void(JobContext &)> &work);
    void threadEnded();

    struct ThreadJoiner
    {
        void operator()(QThread *thread) const;
    };
    std::unique_ptr<QThread, ThreadJoiner> m_thread;
    CancelFlag m_cancel{false};
    std::function<void()> m_deliver;
    // Written by the job's thread before it ends, read after QThread::finished.
    bool m_completed = false;
    QString m_error;
};

template <typename Work, typename Done>
bool Job::start(Work work, Done done)
{
    using Result = std::invoke_result_t<Work &, JobContext &>;
    if constexpr (std::is_void_v<Result>) {
        return startErased(std::move(work), std::move(done));
    } else {
        auto result = std::make_shared<std::optional<Result>>();
        return startErased([work = std::move(work), result](JobContext &context) mutable { result->emplace(work(context)); },
                           [done = std::move(done), result]() mutable { done(std::move(**result)); });
    }
}

} // namespace rs
