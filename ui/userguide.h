#pragma once

#include <QString>

class QWidget;

namespace rs {

// user-guide.md where the package installs it (beside the binary's share/doc), else in the
// source tree a build runs from; empty when neither has it.
QString userGuidePath();

// Help ▸ User guide: the guide, with its pictures, in a window of its own; where it is not
// installed, a message saying where it can be read. Returns the window shown.
QWidget *showUserGuide(QWidget *parent);

} // namespace rs
