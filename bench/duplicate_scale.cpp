// How the duplicate search scales: findDuplicates over N images' signatures (random smooth
// signatures, so no pair is near another) with every tenth image planted twice, once as an
// exact copy (same content hash) and once as a near copy (signature noise of 0.01). Prints the
// seconds, the groups found and whether every planted pair was found and nothing else.
//
// Usage: bench_duplicate_scale [IMAGES=100000]

#include "health/duplicates.h"
#include "images/signature.h"

#include <QElapsedTimer>
#include <QRandomGenerator>

#include <cmath>
#include <cstdio>
#include <cstdlib>

int main(int argc, char **argv)
{
    const std::int64_t images = argc > 1 ? std::atoll(argv[1]) : 100000;
    QRandomGenerator random(5);
    rs::FeatureMatrix signatures;
    signatures.rows = images;
    signatures.cols = rs::kSignatureSize;
    signatures.values.resize(std::size_t(images * rs::kSignatureSize));
    std::vector<QByteArray> hashes(static_cast<std::size_t>(images));
    for (std::int64_t r = 0; r < images; ++r) {
        hashes[std::size_t(r)] = QByteArray::number(qlonglong(r));
        // A few random waves: smooth like a photo's signature, unlike any other row's.
        float *row = signatures.values.data() + r * rs::kSignatureSize;
        for (int wave = 0; wave < 6; ++wave) {
            const double fx = 0.6 * random.generateDouble(), fy = 0.6 * random.generateDouble();
            const double phase = 6.3 * random.generateDouble(), amplitude = random.generateDouble();
            for (int y = 0; y < rs::kSignatureSide; ++y)
                for (int x = 0; x < rs::kSignatureSide; ++x)
                    row[y * rs::kSignatureSide + x] += float(amplitude * std::sin(fx * x + fy * y + phase));
        }
    }
    std::int64_t planted = 0;
    for (std::int64_t r = 0; r + 2 < images; r += 30, ++planted) {
        const float *original = signatures.row(r);
        std::copy_n(original, rs::kSignatureSize, signatures.values.begin() + (r + 1) * rs::kSignatureSize);
        hashes[std::size_t(r + 1)] = hashes[std::size_t(r)];
        for (int c = 0; c < rs::kSignatureSize; ++c)
            signatures.values[std::size_t((r + 2) * rs::kSignatureSize + c)] =
                original[c] + 0.01f * float(random.generateDouble() - 0.5);
    }
    QElapsedTimer clock;
    clock.start();
    const std::vector<rs::DuplicateGroup> groups = rs::findDuplicates(hashes, signatures, 0.9975);
    const double seconds = clock.nsecsElapsed() / 1e9;
    bool exact = groups.size() == std::size_t(planted);
    for (const rs::DuplicateGroup &group : groups)
        exact = exact && group.rows.size() == 3 && group.rows[0] % 30 == 0 && group.rows[1] == group.rows[0] + 1
                && group.rows[2] == group.rows[0] + 2;
    std::printf("{\"images\": %lld, \"seconds\": %.1f, \"planted_groups\": %lld, \"groups\": %zu, \"all_and_only_planted\": %s}\n",
                static_cast<long long>(images), seconds, static_cast<long long>(planted), groups.size(),
                exact ? "true" : "false");
    return exact ? 0 : 1;
}
