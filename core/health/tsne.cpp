#include "health/tsne.h"

#include <ATen/Parallel.h>

#include <algorithm>
#include <cmath>

namespace rs {
namespace {

constexpr double kTheta = 0.5;
constexpr double kExaggeration = 12;
constexpr int kEarlyIterations = 250;
constexpr int kMaxDepth = 40; // deeper cells hold coincident points: kept together in one leaf

// Barnes-Hut's quadtree over the map, rebuilt each iteration: a cell far enough from a point
// (side / distance < theta) pushes it as one body at its centre of mass.
class QuadTree
{
public:
    explicit QuadTree(const std::vector<double> &map) : m_map(map), m_order(map.size() / 2)
    {
        double minX = map[0], maxX = map[0], minY = map[1], maxY = map[1];
        for (std::size_t i = 0; i < m_order.size(); ++i) {
            m_order[i] = int(i);
            minX = std::min(minX, map[2 * i]);
            maxX = std::max(maxX, map[2 * i]);
            minY = std::min(minY, map[2 * i + 1]);
            maxY = std::max(maxY, map[2 * i + 1]);
        }
        const double half = std::max(maxX - minX, maxY - minY) / 2 + 1e-9;
        m_nodes.reserve(2 * m_order.size());
        build((minX + maxX) / 2, (minY + maxY) / 2, half, 0, int(m_order.size()), 0);
    }

    // Adds point i's repulsion to (fx, fy) and its share of the normalisation to z.
    void repulsion(int i, double &fx, double &fy, double &z) const
    {
        const double x = m_map[2 * std::size_t(i)], y = m_map[2 * std::size_t(i) + 1];
        int stack[4 * kMaxDepth + 8];
        int top = 0;
        stack[top++] = 0;
        while (top > 0) {
            const Node &node = m_nodes[std::size_t(stack[--top])];
            if (node.end - node.begin == 1) { // one point: its mass centre is the point
                if (node.point == i)
                    continue;
                const double dx = x - node.massX, dy = y - node.massY;
                const double q = 1 / (1 + dx * dx + dy * dy);
                z += q;
                fx += q * q * dx;
                fy += q * q * dy;
                continue;
            }
            if (node.children == 0) {
                for (int k = node.begin; k < node.end; ++k) {
                    const int p = m_order[std::size_t(k)];
                    if (p == i)
                        continue;
                    const double dx = x - m_map[2 * std::size_t(p)], dy = y - m_map[2 * std::size_t(p) + 1];
                    const double q = 1 / (1 + dx * dx + dy * dy);
                    z += q;
                    fx += q * q * dx;
                    fy += q * q * dy;
                }
                continue;
            }
            const double dx = x - node.massX, dy = y - node.massY, d2 = dx * dx + dy * dy;
            const double side = 2 * node.half;
            if (side * side < kTheta * kTheta * d2) {
                const double q = 1 / (1 + d2), n = node.end - node.begin;
                z += n * q;
                fx += n * q * q * dx;
                fy += n * q * q * dy;
                continue;
            }
            for (int c = 0; c < node.children; ++c)
                stack[top++] = node.child[c];
        }
    }

private:
    struct Node
    {
        double half = 0;
        double massX = 0, massY = 0;
        int begin = 0, end = 0; // the points below, in m_order
        int point = -1;         // the first of them
        int children = 0;
        int child[4] = {0, 0, 0, 0};
    };

    int build(double cx, double cy, double half, int begin, int end, int depth)
    {
        const int index = int(m_nodes.size());
        m_nodes.push_back({});
        double sx = 0, sy = 0;
        for (int k = begin; k < end; ++k) {
            sx += m_map[2 * std::size_t(m_order[std::size_t(k)])];
            sy += m_map[2 * std::size_t(m_order[std::size_t(k)]) + 1];
        }
        Node node;
        node.half = half;
        node.massX = sx / (end - begin);
        node.massY = sy / (end - begin);
        node.begin = begin;
        node.end = end;
        node.point = m_order[std::size_t(begin)];
        if (end - begin > 1 && depth < kMaxDepth) {
            const auto first = m_order.begin();
            const auto xOf = [&](int p) { return m_map[2 * std::size_t(p)]; };
            const auto yOf = [&](int p) { return m_map[2 * std::size_t(p) + 1]; };
            const auto left = std::partition(first + begin, first + end, [&](int p) { return xOf(p) < cx; });
            const auto lowLeft = std::partition(first + begin, left, [&](int p) { return yOf(p) < cy; });
            const auto lowRight = std::partition(left, first + end, [&](int p) { return yOf(p) < cy; });
            const int bounds[5] = {begin, int(lowLeft - first), int(left - first), int(lowRight - first), end};
            const double h = half / 2;
            const double centres[4][2] = {{cx - h, cy - h}, {cx - h, cy + h}, {cx + h, cy - h}, {cx + h, cy + h}};
            for (int q = 0; q < 4; ++q)
                if (bounds[q + 1] > bounds[q])
                    node.child[node.children++] = build(centres[q][0], centres[q][1], h, bounds[q], bounds[q + 1], depth + 1);
        }
        m_nodes[std::size_t(index)] = node;
        return index;
    }

    const std::vector<double> &m_map;
    std::vector<int> m_order;
    std::vector<Node> m_nodes;
};

} // namespace

void optimiseMap(const SparseAffinities &affinities, std::vector<double> &map, int iterations,
                 const std::function<void(int done, int total)> &progress, const CancelFlag *cancel)
{
    const std::int64_t n = std::int64_t(map.size() / 2);
    // scikit-learn's automatic learning rate, and van der Maaten's gains.
    const double rate = std::max(double(n) / kExaggeration / 4, 50.0);
    const int early = std::min(kEarlyIterations, iterations / 3);
    std::vector<double> update(map.size(), 0.0), gains(map.size(), 1.0), repulsion(map.size()), attraction(map.size());
    std::vector<double> zShare(static_cast<std::size_t>(n));
    for (int it = 0; it < iterations; ++it) {
        throwIfCancelled(cancel);
        const double exaggeration = it < early ? kExaggeration : 1;
        const double momentum = it < early ? 0.5 : 0.8;
        const QuadTree tree(map);
        at::parallel_for(0, n, 64, [&](std::int64_t begin, std::int64_t end) {
            for (std::int64_t i = begin; i < end; ++i) {
                double fx = 0, fy = 0, z = 0;
                tree.repulsion(int(i), fx, fy, z);
                repulsion[2 * std::size_t(i)] = fx;
                repulsion[2 * std::size_t(i) + 1] = fy;
                zShare[std::size_t(i)] = z;
                double ax = 0, ay = 0;
                const double x = map[2 * std::size_t(i)], y = map[2 * std::size_t(i) + 1];
                for (std::int64_t e = affinities.rowStart[std::size_t(i)]; e < affinities.rowStart[std::size_t(i) + 1]; ++e) {
                    const std::size_t j = std::size_t(affinities.column[std::size_t(e)]);
                    const double dx = x - map[2 * j], dy = y - map[2 * j + 1];
                    const double pq = affinities.value[std::size_t(e)] / (1 + dx * dx + dy * dy);
                    ax += pq * dx;
                    ay += pq * dy;
                }
                attraction[2 * std::size_t(i)] = ax;
                attraction[2 * std::size_t(i) + 1] = ay;
            }
        });
        double z = 0; // summed in order: the same whatever the threads
        for (double share : zShare)
            z += share;
        double meanX = 0, meanY = 0;
        for (std::size_t c = 0; c < map.size(); ++c) {
            const double gradient = 4 * (exaggeration * attraction[c] - repulsion[c] / z);
            gains[c] = (gradient > 0) != (update[c] > 0) ? gains[c] + 0.2 : std::max(gains[c] * 0.8, 0.01);
            update[c] = momentum * update[c] - rate * gains[c] * gradient;
            map[c] += update[c];
            (c % 2 == 0 ? meanX : meanY) += map[c];
        }
        for (std::size_t c = 0; c < map.size(); ++c)
            map[c] -= c % 2 == 0 ? meanX / double(n) : meanY / double(n);
        if (progress && ((it + 1) % 25 == 0 || it + 1 == iterations))
            progress(it + 1, iterations);
    }
}

} // namespace rs
