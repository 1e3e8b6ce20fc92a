#include "model/weightssource.h"

#include <QDir>
#include <QFileInfo>

#include <stdexcept>

namespace rs {

WeightsSource WeightsSource::defaultFile()
{
    return file({});
}

WeightsSource WeightsSource::file(const QString &path)
{
    WeightsSource source;
    source.m_file = path.isEmpty() ? defaultWeightsPath() : path;
    return source;
}

WeightsSource WeightsSource::random(std::uint64_t seed)
{
    WeightsSource source;
    source.m_seed = seed;
    return source;
}

WeightsSource WeightsSource::fromFlags(const std::optional<QString> &file, const std::optional<QString> &seed)
{
    if (file && seed)
        throw std::invalid_argument("--weights and --random-weights exclude each other");
    if (!seed)
        return WeightsSource::file(file.value_or(QString()));
    bool ok = false;
    const qulonglong value = seed->toULongLong(&ok);
    if (!ok)
        throw std::invalid_argument("--random-weights needs a whole number seed");
    return random(value);
}

QString WeightsSource::validate() const
{
    if (isRandom() || QFileInfo::exists(m_file))
        return {};
    if (isDefaultFile())
        return QStringLiteral("no InceptionV3 weights at %1: save torchvision's %2 there (%3), choose another "
                              "weights file, or use untrained random weights")
            .arg(QDir::toNativeSeparators(m_file), officialWeightsFileName(), officialWeightsUrl().toString());
    return QStringLiteral("%1: no such weights file").arg(QDir::toNativeSeparators(m_file));
}

Backbone WeightsSource::load() const
{
    if (m_seed)
        return Backbone::untrained(*m_seed);
    if (const QString problem = validate(); !problem.isEmpty())
        throw WeightsError(problem.toStdString());
    return Backbone::fromFile(m_file);
}

QString officialWeightsFileName()
{
    return officialWeightsUrl().fileName();
}

QUrl officialWeightsUrl()
{
    return QUrl(QStringLiteral("https://download.pytorch.org/models/inception_v3_google-0cc3c7bd.pth"));
}

QString defaultWeightsPath()
{
    QString torchHome = qEnvironmentVariable("TORCH_HOME");
    if (torchHome.isEmpty()) {
        QString cache = qEnvironmentVariable("XDG_CACHE_HOME");
        if (cache.isEmpty())
            cache = QDir::homePath() + QStringLiteral("/.cache");
        torchHome = cache + QStringLiteral("/torch");
    }
    return torchHome + QStringLiteral("/hub/checkpoints/") + officialWeightsFileName();
}

} // namespace rs
