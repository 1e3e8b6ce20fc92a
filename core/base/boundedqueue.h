#pragma once

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>

namespace rs {

// Hands work from one producer thread to one consumer with at most `capacity` items waiting:
// the producer blocks when it runs ahead, so memory stays bounded whatever the input size.
// Either side can end it: the producer with finish() (optionally passing its exception on),
// the consumer with close() (the producer's next push() returns false).
template <typename T>
class BoundedQueue
{
public:
    explicit BoundedQueue(std::size_t capacity) : m_capacity(capacity < 1 ? 1 : capacity) {}

    // False once the consumer has closed the queue: stop producing.
    bool push(T item)
    {
        std::unique_lock<std::mutex> lock(m_mutex);
        m_changed.wait(lock, [&] { return m_closed || m_items.size() < m_capacity; });
        if (m_closed)
            return false;
        m_items.push_back(std::move(item));
        m_changed.notify_all();
        return true;
    }

    // The next item; nullopt once the producer has finished and every item was taken.
    // Rethrows the producer's exception after the items it pushed before failing. With
    // `waited`, says whether nothing was ready (the producer is behind).
    std::optional<T> pop(bool *waited = nullptr)
    {
        std::unique_lock<std::mutex> lock(m_mutex);
        if (waited)
            *waited = m_items.empty() && !m_finished;
        m_changed.wait(lock, [&] { return m_finished || !m_items.empty(); });
        if (m_items.empty()) {
            if (m_error)
                std::rethrow_exception(m_error);
            return std::nullopt;
        }
        T item = std::move(m_items.front());
        m_items.pop_front();
        m_changed.notify_all();
        return item;
    }

    void finish(std::exception_ptr error = nullptr)
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        m_finished = true;
        m_error = error;
        m_changed.notify_all();
    }

    bool closed() const
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        return m_closed;
    }

    void close()
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        m_closed = true;
        m_items.clear();
        m_changed.notify_all();
    }

private:
    const std::size_t m_capacity;
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<T> m_items;
    bool m_finished = false;
    bool m_closed = false;
    std::exception_ptr m_error;
};

} // namespace rs
