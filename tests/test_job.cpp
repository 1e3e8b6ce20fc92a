// The one job mechanism: results, failures and stops reach the GUI thread as signals, progress
// is posted in order, and a job destroyed mid-run stops and joins its thread.

#include "job.h"

#include <QSignalSpy>
#include <QTest>

#include <atomic>
#include <stdexcept>
#include <thread>

namespace {

// Spins until cancelled, posting progress; the flag says it ran.
void untilCancelled(rs::JobContext &job, std::atomic<bool> &running)
{
    running = true;
    for (;;) {
        rs::throwIfCancelled(job.cancel());
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
}

} // namespace

class TestJob : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void deliversTheResultOnTheGuiThread()
    {
        rs::Job job;
        QSignalSpy succeeded(&job, &rs::Job::succeeded);
        int result = 0;
        Qt::HANDLE deliveredOn = nullptr, ranOn = nullptr;
        QVERIFY(job.start([&ranOn](rs::JobContext &) {
            ranOn = QThread::currentThreadId();
            return 42;
        }, [&](int value) {
            result = value;
            deliveredOn = QThread::currentThreadId();
        }));
        QVERIFY(job.isRunning());
        QVERIFY(succeeded.wait(5000));
        QCOMPARE(result, 42);
        QCOMPARE(deliveredOn, QThread::currentThreadId());
        QVERIFY(ranOn != QThread::currentThreadId());
        QVERIFY(!job.isRunning());
    }

    void runsOneThingAtATime()
    {
        rs::Job job;
        std::atomic<bool> running{false};
        QVERIFY(job.start([&running](rs::JobContext &context) { untilCancelled(context, running); }, [] {}));
        QVERIFY(!job.start([](rs::JobContext &) {}, [] { QFAIL("a second piece of work ran beside the first"); }));
        QSignalSpy cancelled(&job, &rs::Job::cancelled);
        job.stop();
        QVERIFY(cancelled.wait(5000));
    }

    void anExceptionBecomesFailed()
    {
        rs::Job job;
        QSignalSpy failed(&job, &rs::Job::failed);
        QSignalSpy succeeded(&job, &rs::Job::succeeded);
        bool delivered = false;
        job.start([](rs::JobContext &) -> int { throw std::runtime_error("disk full: /out/model.pt"); },
                  [&delivered](int) { delivered = true; });
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.first().first().toString(), QStringLiteral("disk full: /out/model.pt"));
        QVERIFY(!delivered);
        QCOMPARE(succeeded.count(), 0);
        QVERIFY(!job.isRunning());
    }

    void stopEndsAsCancelledWithoutAResult()
    {
        rs::Job job;
        std::atomic<bool> running{false};
        QSignalSpy cancelled(&job, &rs::Job::cancelled);
        QSignalSpy failed(&job, &rs::Job::failed);
        bool delivered = false;
        job.start([&running](rs::JobContext &context) { untilCancelled(context, running); },
                  [&delivered] { delivered = true; });
        QTRY_VERIFY(running);
        job.stop();
        QVERIFY(cancelled.wait(5000));
        QVERIFY(!delivered);
        QCOMPARE(failed.count(), 0);
        // And it can run again afterwards.
        QSignalSpy succeeded(&job, &rs::Job::succeeded);
        QVERIFY(job.start([](rs::JobContext &) {}, [] {}));
        QVERIFY(succeeded.wait(5000));
    }

    void progressArrivesInOrderAndThrottled()
    {
        rs::Job job;
        QSignalSpy succeeded(&job, &rs::Job::succeeded);
        std::vector<int> seen;
        job.start([&seen](rs::JobContext &context) {
            for (int i = 1; i <= 100000; ++i) {
                const bool last = i == 100000;
                if (context.progressDue(last))
                    context.post([&seen, i] { seen.push_back(i); });
            }
        }, [] {});
        QVERIFY(succeeded.wait(5000));
        // Every post ran before the result: the last step is there, and in order.
        QVERIFY(!seen.empty());
        QCOMPARE(seen.back(), 100000);
        QVERIFY(std::is_sorted(seen.begin(), seen.end()));
        // 100 000 cheap steps take well under a second: a few updates, not one per step.
        QVERIFY2(seen.size() < 100, qPrintable(QString::number(seen.size())));
    }

    void destroyedMidRunStopsAndJoins()
    {
        std::atomic<bool> running{false};
        std::atomic<bool> ended{false};
        bool delivered = false;
        {
            rs::Job job;
            job.start([&running, &ended](rs::JobContext &context) {
                try {
                    untilCancelled(context, running);
                } catch (...) {
                    // Posted while the job is being destroyed: nothing may run it.
                    context.post([] { QFAIL("a message posted by a destroyed job was delivered"); });
                    ended = true;
                    throw;
                }
            }, [&delivered] { delivered = true; });
            QTRY_VERIFY(running);
        }
        // The destructor returned only after the work had ended.
        QVERIFY(ended);
        QTest::qWait(50); // what it posted is gone with it
        QVERIFY(!delivered);
    }
};

QTEST_GUILESS_MAIN(TestJob)
#include "test_job.moc"
