#pragma once

#include "model/weightssource.h"

#include <QFutureWatcher>
#include <QWidget>

#include <memory>
#include <optional>

class QLabel;
class QLineEdit;

namespace rs {

class Backbone;

// The ImageNet weights on the Settings page: a file (empty: torchvision's default location) or
// the seeded random weights tests use, a Browse button, and beside them what is wrong with the
// file. The file is read in the background as soon as it is entered, so a missing file or one
// of another network is named then, not only when Start is pressed. Weights that load are
// handed on (loaded()), so that the run need not read them again.
class WeightsField final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WeightsField)

public:
    explicit WeightsField(QWidget *parent = nullptr);

    WeightsSource weights() const;
    void setWeights(const WeightsSource &weights);
    // Asks for a weights file with a dialog and uses it.
    void browse();
    // What is wrong with the weights, in words; empty when they load (or are being read).
    QString problem() const;
    // The file is being read.
    bool isChecking() const { return m_check.isRunning(); }

Q_SIGNALS:
    void changed();
    void checked(); // problem() is up to date
    void loaded(const rs::WeightsSource &weights, std::shared_ptr<const rs::Backbone> backbone);

private:
    void check();

    QLineEdit *m_file;
    QLabel *m_problem;
    std::optional<std::uint64_t> m_randomSeed;
    struct Check
    {
        QString problem;
        std::shared_ptr<const Backbone> backbone; // when there is none
    };
    QFutureWatcher<Check> m_check;
    std::optional<WeightsSource> m_checked; // what m_problem describes
    bool m_checkAgain = false;
};

} // namespace rs
