// Extraction's overlapped pipeline: decoding (on as many threads as it takes, results kept in
// order) runs ahead of the network by a bounded amount,
// results do not depend on the batch size, unreadable files are listed in order, and a Stop
// in the middle ends it promptly with the decoding thread joined.

#include "base/boundedqueue.h"
#include "base/orderedpool.h"
#include "features/extraction.h"
#include "testsupport.h"

#include <QTest>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>

using rs::test::imageFile;

class TestExtraction : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void queueHoldsAtMostItsCapacity()
    {
        rs::BoundedQueue<int> queue(2);
        std::atomic<int> pushed{0};
        std::thread producer([&] {
            for (int i = 0; i < 10; ++i) {
                queue.push(i);
                ++pushed;
            }
            queue.finish();
        });
        QTRY_COMPARE(pushed.load(), 2);
        QTest::qWait(50);
        QCOMPARE(pushed.load(), 2); // blocked until the consumer takes one
        std::vector<int> taken;
        while (std::optional<int> item = queue.pop())
            taken.push_back(*item);
        producer.join();
        QCOMPARE(taken, (std::vector<int>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}));
    }

    void queuePassesTheProducersErrorOnAfterItsItems()
    {
        rs::BoundedQueue<int> queue(4);
        queue.push(7);
        queue.finish(std::make_exception_ptr(std::runtime_error("disk gone")));
        QCOMPARE(queue.pop(), std::optional<int>(7));
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, queue.pop());
    }

    void closingReleasesABlockedProducer()
    {
        rs::BoundedQueue<int> queue(1);
        queue.push(1);
        std::atomic<bool> refused{false};
        std::thread producer([&] { refused = !queue.push(2); });
        queue.close();
        producer.join();
        QVERIFY(refused);
    }

    void popSaysWhetherItWaited()
    {
        rs::BoundedQueue<int> queue(2);
        queue.push(1);
        bool waited = true;
        QCOMPARE(queue.pop(&waited), std::optional<int>(1));
        QVERIFY(!waited);
        std::thread producer([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            queue.push(2);
            queue.finish();
        });
        QCOMPARE(queue.pop(&waited), std::optional<int>(2));
        QVERIFY(waited);
        producer.join();
    }

    // Workers that finish out of order still hand results out in order, never more than the
    // window ahead of the one taken; added workers share the rest.
    void orderedPoolKeepsOrderWithinItsWindow()
    {
        constexpr int kCount = 200, kWindow = 5;
        std::atomic<int> taken{0}, furthestAhead{0};
        rs::OrderedPool<int> pool(kCount, kWindow, [&](int i) {
            furthestAhead = std::max(furthestAhead.load(), i - taken.load());
            std::this_thread::sleep_for(std::chrono::microseconds((i * 7919) % 500));
            return i * i;
        });
        for (int i = 0; i < kCount; ++i) {
            if (i == 10)
                for (int w = 0; w < 3; ++w)
                    pool.addWorker();
            QCOMPARE(pool.take(), i * i);
            ++taken;
        }
        QCOMPARE(pool.workers(), 4);
        QVERIFY2(furthestAhead.load() <= kWindow, qPrintable(QString::number(furthestAhead.load())));
        QVERIFY(furthestAhead.load() >= 2); // the workers did run ahead
    }

    void orderedPoolPassesAnErrorOnAndStops()
    {
        rs::OrderedPool<int> pool(100, 4, [](int i) {
            if (i == 3)
                throw std::runtime_error("unreadable");
            return i;
        });
        pool.addWorker();
        for (int i = 0; i < 3; ++i)
            QCOMPARE(pool.take(), i);
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, pool.take());
        // Leaving the scope joins the workers, which stopped claiming work.
    }

    void resultsDoNotDependOnTheBatch()
    {
        const QStringList images = mixedImages();
        rs::ExtractionOptions options;
        options.batchSize = 1;
        const rs::ExtractionResult one = rs::extractFeatures(*m_backbone, images, options);
        options.batchSize = 3;
        const rs::ExtractionResult three = rs::extractFeatures(*m_backbone, images, options);
        QCOMPARE(one.sourceIndex, (std::vector<int>{0, 2, 3, 5, 6}));
        QCOMPARE(three.sourceIndex, one.sourceIndex);
        QCOMPARE(one.features.rows, 5);
        QCOMPARE(one.computed, 5);
        // Different batch sizes take different kernels: equal up to rounding.
        const rs::test::Difference d = rs::test::compare(three.features.values.data(), one.features.values.data(),
                                                         one.features.values.size());
        QVERIFY(d.relative() < 1e-3);
        QCOMPARE(one.errors.size(), 2);
        QVERIFY(one.errors[0].contains(QStringLiteral("notes.png")));
        QVERIFY(one.errors[1].contains(QStringLiteral("truncated.jpg")));
    }

    void progressCountsEveryImageOnce()
    {
        const QStringList images = mixedImages();
        rs::ExtractionOptions options;
        options.batchSize = 2;
        std::vector<int> done;
        options.progress = [&](const rs::ExtractionProgress &p) {
            QCOMPARE(p.total, int(images.size()));
            done.push_back(p.done);
        };
        rs::extractFeatures(*m_backbone, images, options);
        QVERIFY(std::is_sorted(done.begin(), done.end()));
        QCOMPARE(done.back(), int(images.size()));
    }

    void stopsInTheMiddle()
    {
        QStringList many;
        for (int i = 0; i < 40; ++i)
            many << imageFile(QStringLiteral("small.bmp"));
        rs::CancelFlag cancel{false};
        rs::ExtractionOptions options;
        options.batchSize = 2;
        options.cancel = &cancel;
        int reports = 0;
        options.progress = [&](const rs::ExtractionProgress &) {
            if (++reports == 2)
                cancel = true;
        };
        QVERIFY_THROWS_EXCEPTION(rs::Cancelled, rs::extractFeatures(*m_backbone, many, options));
        QCOMPARE(reports, 2);
    }

private:
    static QStringList mixedImages()
    {
        QStringList images;
        for (const char *name : {"small.bmp", "notes.png", "gray.png", "photo.jpg", "truncated.jpg", "palette.png", "cmyk.jpg"})
            images << imageFile(QLatin1String(name));
        return images;
    }

    std::optional<rs::Backbone> m_backbone{rs::Backbone::untrained(11)};
};

QTEST_GUILESS_MAIN(TestExtraction)
#include "test_extraction.moc"
