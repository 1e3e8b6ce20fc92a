#pragma once

// qcustomplot.h is written with Qt's keywords and foreach, which this project switches off
// (they clash with LibTorch). They are lent to it for the include and taken back after.
#define signals Q_SIGNALS
#define slots Q_SLOTS
#define emit Q_EMIT
#define foreach Q_FOREACH
#include <qcustomplot.h>
#undef signals
#undef slots
#undef emit
#undef foreach

namespace rs {

// Plots take their colours from the application palette, so they follow dark mode.
void applyPalette(QCustomPlot &plot);

} // namespace rs
