#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace rs {

// The learning rate at each step i of a run of `steps` steps (i = 0 .. steps - 1), from a
// base rate BLR towards a minimum MLR:
//   exponential (default)  MLR + (BLR - MLR) * exp(-i / steps)
//   constant               BLR
//   step                   BLR, divided by 10 after each third of the run, never below MLR
//   cosine                 MLR + (BLR - MLR) * (1 + cos(pi * i / (steps - 1))) / 2
//   geometric              BLR * (MLR / BLR) ^ (i / (steps - 1)), reaching MLR at the last step
struct LearningRateSchedule
{
    enum class Kind { Exponential, Constant, Step, Cosine, Geometric };

    Kind kind = Kind::Exponential;
    double base = 0.1;
    double minimum = 0.001;
    int steps = 10000;

    double rateAt(int step) const;

    static QStringList kindNames();
    static QString kindName(Kind kind);
    static std::optional<Kind> parseKind(const QString &name);
    // One line per schedule with its formula, for --help and documentation.
    static QString formulas();
};

} // namespace rs
