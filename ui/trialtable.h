#pragma once

#include "training/tuning.h"

#include <QTableWidget>

namespace rs {

// "Find good settings" as it goes: one row per trial with what it varies and how it scored;
// the chosen one is marked when the run says which.
class TrialTable final : public QTableWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrialTable)

public:
    explicit TrialTable(QWidget *parent = nullptr);

    void clearTrials();
    void addTrial(const TuningTrial &trial, int total);
    void markChosen(int index);
};

} // namespace rs
