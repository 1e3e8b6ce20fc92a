#include "cli.h"
#include "commands.h"
#include "features/cachepacks.h"
#include "terminal.h"

#include <QDir>
#include <QElapsedTimer>

#include <optional>

namespace rs::cli {
namespace {

QString mebibytes(std::int64_t bytes)
{
    return QString::number(double(bytes) / (1 << 20), 'f', 1) + QStringLiteral(" MiB");
}

int infoCommand(const QString &command, const QStringList &folders)
{
    if (folders.size() != 1)
        return fail(command, QStringLiteral("info takes one cache folder"), kBadArguments);
    const std::vector<CachePack> packs = findCachePacks(folders.front());
    out() << packs.size() << " packs in " << QDir::toNativeSeparators(folders.front()) << '\n';
    std::size_t entries = 0;
    std::int64_t bytes = 0;
    for (const CachePack &pack : packs) {
        const bool signatures = pack.weights == QLatin1String("image-signature");
        out() << pack.relative << ": " << pack.entries << (signatures ? " image signatures" : " images") << ", "
              << mebibytes(pack.bytes);
        if (!signatures)
            out() << "; layer " << pack.layer << ", " << pack.precision << ", weights " << pack.weights.left(16);
        // Anything beyond the base preprocessing names a variant: an augmented copy, whole activations.
        if (const QString variant = pack.preprocessing.section(QLatin1Char('|'), 1); !variant.isEmpty())
            out() << ", variant " << variant;
        out() << '\n';
        entries += pack.entries;
        bytes += pack.bytes;
    }
    out() << "in all: " << entries << " entries, " << mebibytes(bytes) << Qt::endl;
    return kSuccess;
}

int mergeCommand(const QString &command, const QStringList &folders)
{
    if (folders.size() < 2)
        return fail(command, QStringLiteral("merge takes the output cache folder, then at least one input"), kBadArguments);
    std::optional<Progress> bar;
    QElapsedTimer clock;
    clock.start();
    const CacheMerge merge = mergeCaches(folders.front(), folders.mid(1), [&](std::size_t done, std::size_t total) {
        if (!bar)
            bar.emplace(QStringLiteral("checking and merging"), qint64(total), QStringLiteral("entries"));
        bar->advance(qint64(done));
    });
    if (bar)
        bar->finish();
    out() << "merged " << merge.packs << " packs into " << QDir::toNativeSeparators(folders.front()) << ": "
          << merge.checked << " entries checked, " << merge.copied << " copied, " << merge.present
          << " already there, in " << QString::number(clock.elapsed() / 1000.0, 'f', 1) << " s" << Qt::endl;
    return kSuccess;
}

} // namespace

int cacheCommand(const QStringList &arguments)
{
    const QString command = QStringLiteral("cache");
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Look at or combine bottleneck cache folders (--bottleneck_dir).\n"
                       "  info DIR            the packs in DIR: images per layer, precision, weights and variant\n"
                       "  merge OUT IN...     add every entry of the IN folders to OUT (created if need be), one "
                       "copy per image; every entry's checksum is verified first and a damaged pack is refused, "
                       "naming it, before OUT changes"));
    parser.addPositionalArgument(QStringLiteral("ACTION"), QStringLiteral("info or merge."));
    parser.addPositionalArgument(QStringLiteral("DIR"), QStringLiteral("Cache folders."), QStringLiteral("DIR..."));
    if (const int code = parseOrExit(parser, arguments); code >= 0)
        return code;
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    if (action == QLatin1String("info"))
        return infoCommand(command, positional.mid(1));
    if (action == QLatin1String("merge"))
        return mergeCommand(command, positional.mid(1));
    return fail(command, QStringLiteral("needs an action: info DIR, or merge OUT IN..."), kBadArguments);
}

} // namespace rs::cli
