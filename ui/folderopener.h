#pragma once

#include <QString>

class QWidget;

namespace rs {

// Opens the folder holding `file` in the desktop's file manager. Where none can be started (a
// bare window manager, a container), shows the folder's path instead, with a Copy button, so the
// user can still get there. Returns the dialog shown then, else null.
QWidget *openFolderOf(const QString &file, QWidget *parent);

} // namespace rs
