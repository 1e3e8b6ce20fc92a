// How long the embedding map takes: embedFeatures on N feature rows of 2 048 values (10 groups,
// random centres, unit noise: the shape of a bottleneck cache), with every core. Prints the
// seconds and the share of points whose nearest neighbour on the map is from their own group.
//
// Usage: bench_embedding_scale [IMAGES=10000]

#include "health/embedding.h"
#include "model/backbone.h"

#include <QElapsedTimer>
#include <QThread>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>

int main(int argc, char **argv)
{
    const int images = argc > 1 ? std::atoi(argv[1]) : 10000;
    constexpr int kGroups = 10, kDimensions = 2048;
    rs::setComputeThreads(QThread::idealThreadCount());
    std::mt19937 random(3);
    std::normal_distribution<float> normal;
    std::vector<float> centres(std::size_t(kGroups * kDimensions));
    for (float &v : centres)
        v = 0.3f * normal(random);
    rs::FeatureMatrix features;
    features.rows = images;
    features.cols = kDimensions;
    features.values.reserve(std::size_t(images) * kDimensions);
    for (int r = 0; r < images; ++r)
        for (int d = 0; d < kDimensions; ++d)
            features.values.push_back(centres[std::size_t((r % kGroups) * kDimensions + d)] + normal(random));

    QElapsedTimer clock;
    clock.start();
    const std::vector<float> map = rs::embedFeatures(features);
    const double seconds = clock.elapsed() / 1000.0;

    // Sampled: every 20th point's nearest neighbour among all.
    int same = 0, checked = 0;
    for (int i = 0; i < images; i += 20, ++checked) {
        double best = INFINITY;
        int nearest = i;
        for (int j = 0; j < images; ++j) {
            const double dx = map[2 * std::size_t(i)] - map[2 * std::size_t(j)];
            const double dy = map[2 * std::size_t(i) + 1] - map[2 * std::size_t(j) + 1];
            if (j != i && dx * dx + dy * dy < best)
                best = dx * dx + dy * dy, nearest = j;
        }
        same += i % kGroups == nearest % kGroups;
    }
    std::printf("{\"images\": %d, \"seconds\": %.1f, \"threads\": %d, \"neighbour_purity\": %.3f}\n", images, seconds,
                rs::computeThreads(), double(same) / checked);
    return 0;
}
