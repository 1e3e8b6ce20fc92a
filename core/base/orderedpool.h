#pragma once

#include <condition_variable>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

namespace rs {

// Runs work(0) ... work(count - 1) on worker threads and hands the results out in index order,
// however the workers finish. At most `window` results are held or in the making, the one
// awaited included, so memory stays bounded. It starts with one worker; the thread that takes
// results may add more (addWorker) when they come too slowly. A worker's exception is rethrown
// by take() in place of that index's result, after the results before it; the destructor
// stops and joins every worker.
template <typename T>
class OrderedPool
{
public:
    OrderedPool(int count, int window, std::function<T(int)> work)
        : m_count(count), m_window(window < 1 ? 1 : window), m_work(std::move(work))
    {
        addWorker();
    }

    ~OrderedPool()
    {
        {
            const std::lock_guard<std::mutex> lock(m_mutex);
            m_stopping = true;
            m_changed.notify_all();
        }
        for (std::thread &worker : m_workers)
            worker.join();
    }

    OrderedPool(const OrderedPool &) = delete;
    OrderedPool &operator=(const OrderedPool &) = delete;

    // The result of the next index, waiting for it if needed.
    T take()
    {
        std::unique_lock<std::mutex> lock(m_mutex);
        const int index = m_nextTaken++;
        m_changed.wait(lock, [&] { return m_done.count(index) > 0 || (m_error && index >= m_errorIndex); });
        if (m_done.count(index) == 0)
            std::rethrow_exception(m_error);
        T result = std::move(m_done.at(index));
        m_done.erase(index);
        m_changed.notify_all();
        return result;
    }

    // Call only from the thread that calls take() (and the constructor).
    void addWorker() { m_workers.emplace_back([this] { run(); }); }
    int workers() const { return int(m_workers.size()); }

private:
    void run()
    {
        std::unique_lock<std::mutex> lock(m_mutex);
        for (;;) {
            m_changed.wait(lock, [&] {
                return m_stopping || m_error || (m_nextClaimed < m_count && m_nextClaimed < m_nextTaken + m_window);
            });
            if (m_stopping || m_error || m_nextClaimed >= m_count)
                return;
            const int index = m_nextClaimed++;
            lock.unlock();
            try {
                T result = m_work(index);
                lock.lock();
                m_done.emplace(index, std::move(result));
            } catch (...) {
                lock.lock();
                if (!m_error || index < m_errorIndex) {
                    m_error = std::current_exception();
                    m_errorIndex = index;
                }
            }
            m_changed.notify_all();
        }
    }

    const int m_count;
    const int m_window;
    const std::function<T(int)> m_work;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    int m_nextClaimed = 0;
    int m_nextTaken = 0;
    std::map<int, T> m_done;
    std::exception_ptr m_error; // the first failing index's, once one failed
    int m_errorIndex = 0;
    bool m_stopping = false;
    std::vector<std::thread> m_workers;
};

} // namespace rs
