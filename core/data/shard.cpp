#include "data/shard.h"

#include <QCryptographicHash>
#include <QDir>

#include <cstring>

namespace rs {
namespace {

std::optional<int> intVariable(const QProcessEnvironment &environment, const char *name)
{
    bool ok = false;
    const int value = environment.value(QLatin1String(name)).trimmed().toInt(&ok);
    return ok ? std::optional<int>(value) : std::nullopt;
}

} // namespace

QString Shard::text() const
{
    return QStringLiteral("%1/%2").arg(index).arg(count);
}

std::optional<Shard> parseShard(const QString &text, QString &error)
{
    const QStringList parts = text.split(QLatin1Char('/'));
    bool indexOk = false, countOk = false;
    const int index = parts.value(0).toInt(&indexOk), count = parts.value(1).toInt(&countOk);
    if (parts.size() != 2 || !indexOk || !countOk || count < 1 || index < 0 || index >= count) {
        error = QStringLiteral("shard '%1' is not K/N with 0 <= K < N (the shards of 3 are 0/3, 1/3 and 2/3)").arg(text);
        return std::nullopt;
    }
    return Shard{index, count};
}

int shardOf(const QString &relativePath, int count)
{
    const QByteArray hash = QCryptographicHash::hash(relativePath.toUtf8(), QCryptographicHash::Sha256);
    quint64 value = 0;
    std::memcpy(&value, hash.constData(), sizeof value);
    return int(value % quint64(count));
}

QString shardPath(const QString &imagePath, const DatasetSources &sources)
{
    QString best;
    qsizetype bestLength = -1;
    for (const ClassSource &source : sources.classes)
        for (const QString &folder : source.folders) {
            const QString prefix = folder.endsWith(QLatin1Char('/')) ? folder : folder + QLatin1Char('/');
            if (folder.size() > bestLength && imagePath.startsWith(prefix)) {
                bestLength = folder.size();
                best = QDir(folder).dirName() + QLatin1Char('/') + imagePath.mid(prefix.size());
            }
        }
    return bestLength < 0 ? imagePath : best;
}

int keepShard(Dataset &dataset, const DatasetSources &sources, const Shard &shard)
{
    if (shard.whole())
        return int(dataset.images.size());
    std::vector<ImageEntry> kept;
    for (ImageEntry &image : dataset.images)
        if (shardOf(shardPath(image.path, sources), shard.count) == shard.index)
            kept.push_back(std::move(image));
    dataset.images = std::move(kept);
    return int(dataset.images.size());
}

ScheduledShard shardFromEnvironment(const QProcessEnvironment &environment, int shards)
{
    ScheduledShard found;
    if (environment.contains(QStringLiteral("SLURM_ARRAY_TASK_ID"))) {
        found.source = QStringLiteral("SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_MIN and SLURM_ARRAY_TASK_COUNT");
        const auto id = intVariable(environment, "SLURM_ARRAY_TASK_ID");
        const auto min = intVariable(environment, "SLURM_ARRAY_TASK_MIN");
        const auto max = intVariable(environment, "SLURM_ARRAY_TASK_MAX");
        const auto count = intVariable(environment, "SLURM_ARRAY_TASK_COUNT");
        // Shard numbers must cover 0 .. count - 1: an array with gaps or steps (--array=1,5,9)
        // would leave shards unrun.
        if (!id || !min || !count || *count < 1 || (max && *max - *min + 1 != *count) || *id < *min
            || *id - *min >= *count)
            found.problem = QStringLiteral("the Slurm job array's task numbers are not consecutive "
                                           "(submit it with --array=0-%1 for %2 shards)")
                                .arg(count ? *count - 1 : 0).arg(count ? *count : 1);
        else
            found.shard = Shard{*id - *min, *count};
        return found;
    }
    if (environment.contains(QStringLiteral("JOB_COMPLETION_INDEX"))) {
        found.source = QStringLiteral("JOB_COMPLETION_INDEX and --shards");
        const auto index = intVariable(environment, "JOB_COMPLETION_INDEX");
        if (shards < 1)
            found.problem = QStringLiteral("a Kubernetes Indexed Job does not pass on how many shards there are: "
                                           "give --shards N (the Job's completions)");
        else if (!index || *index < 0 || *index >= shards)
            found.problem = QStringLiteral("JOB_COMPLETION_INDEX %1 is not below --shards %2")
                                .arg(environment.value(QStringLiteral("JOB_COMPLETION_INDEX"))).arg(shards);
        else
            found.shard = Shard{*index, shards};
    }
    return found;
}

} // namespace rs
