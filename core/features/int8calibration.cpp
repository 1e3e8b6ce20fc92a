#include "features/int8calibration.h"

#include "data/shard.h"
#include "images/image.h"
#include "images/preprocess.h"
#include "io/sha256.h"

#include <algorithm>
#include <numeric>

namespace rs {

QString calibrateInt8(const Backbone &backbone, const QStringList &paths, const QStringList &names,
                      const CancelFlag *cancel)
{
    const QStringList &keys = names.isEmpty() ? paths : names;
    std::vector<std::pair<QByteArray, int>> ranked;
    for (int i = 0; i < paths.size(); ++i)
        ranked.emplace_back(Sha256::hash(QByteArray(QByteArrayLiteral("int8-calibration|") + keys[i].toUtf8())), i);
    std::sort(ranked.begin(), ranked.end());

    std::vector<float> inputs;
    QByteArray chosen;
    int count = 0;
    for (const auto &[rank, index] : ranked) {
        if (count == kInt8CalibrationImages)
            break;
        throwIfCancelled(cancel);
        QString error;
        const QByteArray bytes = readImageFile(paths[index], error);
        if (!error.isEmpty())
            continue;
        const DecodedImage decoded = decodeImage(bytes, paths[index], Backbone::kInputSize);
        if (!decoded.ok())
            continue; // extraction lists it; the sample simply takes the next image
        const std::vector<float> input = networkInput(decoded.image, Backbone::kInputSize);
        inputs.insert(inputs.end(), input.begin(), input.end());
        chosen += Sha256::hash(bytes);
        ++count;
    }
    if (count == 0)
        throw std::invalid_argument("int8 needs a readable image to calibrate on, and none of the "
                                    + std::to_string(paths.size()) + " could be read");
    // The sample, its size and the precision its ranges are measured in (Backbone::calibrateInt8).
    const QString id = QString::fromLatin1(Sha256::hash(chosen).toHex().left(16)) + QLatin1Char('x')
                       + QString::number(count) + QLatin1Char('-') + precisionName(resolvePrecision(Precision::Auto));
    backbone.calibrateInt8(id, inputs.data(), count);
    return id;
}

QString calibrateInt8(const Backbone &backbone, const Dataset &dataset, const DatasetSources &sources,
                      const CancelFlag *cancel)
{
    std::vector<int> rows = dataset.indicesOf(Subset::Train);
    if (rows.empty()) {
        rows.resize(dataset.images.size());
        std::iota(rows.begin(), rows.end(), 0);
    }
    QStringList paths, names;
    for (int r : rows) {
        paths << dataset.images[std::size_t(r)].path;
        names << shardPath(paths.back(), sources);
    }
    return calibrateInt8(backbone, paths, names, cancel);
}

} // namespace rs
