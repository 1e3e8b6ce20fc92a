#include "training/schedule.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace rs {
namespace {

using Kind = LearningRateSchedule::Kind;

struct KindInfo
{
    Kind kind;
    const char *name;
    const char *formula;
};

constexpr std::array<KindInfo, 5> kKinds = {{
    {Kind::Exponential, "exponential", "MLR + (BLR - MLR) * exp(-i / STEPS)"},
    {Kind::Constant, "constant", "BLR"},
    {Kind::Step, "step", "BLR / 10 after each third of the steps, at least MLR"},
    {Kind::Cosine, "cosine", "MLR + (BLR - MLR) * (1 + cos(pi * i / (STEPS - 1))) / 2"},
    {Kind::Geometric, "geometric", "BLR * (MLR / BLR) ^ (i / (STEPS - 1)), MLR at the last step"},
}};

} // namespace

double LearningRateSchedule::rateAt(int step) const
{
    const double i = step;
    const double last = std::max(1, steps - 1);
    switch (kind) {
    case Kind::Exponential:
        return minimum + (base - minimum) * std::exp(-i / std::max(1, steps));
    case Kind::Constant:
        return base;
    case Kind::Step:
        return std::max(minimum, base * std::pow(0.1, std::floor(3.0 * i / std::max(1, steps))));
    case Kind::Cosine:
        return minimum + (base - minimum) * (1.0 + std::cos(M_PI * i / last)) / 2.0;
    case Kind::Geometric:
        return base * std::pow(minimum / base, i / last);
    }
    return base;
}

QStringList LearningRateSchedule::kindNames()
{
    QStringList names;
    for (const KindInfo &k : kKinds)
        names << QLatin1String(k.name);
    return names;
}

QString LearningRateSchedule::kindName(Kind kind)
{
    for (const KindInfo &k : kKinds)
        if (k.kind == kind)
            return QLatin1String(k.name);
    return {};
}

std::optional<LearningRateSchedule::Kind> LearningRateSchedule::parseKind(const QString &name)
{
    for (const KindInfo &k : kKinds)
        if (name == QLatin1String(k.name))
            return k.kind;
    return std::nullopt;
}

QString LearningRateSchedule::formulas()
{
    QString text;
    for (const KindInfo &k : kKinds)
        text += QStringLiteral("  %1 LR(i) = %2\n").arg(QString::fromLatin1(k.name).leftJustified(12), QLatin1String(k.formula));
    return text;
}

} // namespace rs
