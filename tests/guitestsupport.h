#pragma once

#include <QObject>
#include <QStringList>

class QWidget;

namespace rs::test {

// `perClass` small PNG images in root/<class>/, each class its own hue with noise, so a
// classifier has something to learn and every file name differs.
void writeClassImages(const QString &root, const QStringList &classes, int perClass);

// Drags `paths` onto `target` and drops them there, as a file manager would: a drag-enter
// event first (the target must accept it), then the drop. Returns whether the drop was taken.
bool dropFiles(QWidget *target, const QStringList &paths);

// The child of `parent` with this object name; the test stops at once when there is none.
template <typename T> T *child(QObject *parent, const char *name)
{
    T *found = parent->findChild<T *>(QString::fromLatin1(name));
    if (!found)
        qFatal("no child %s", name);
    return found;
}

} // namespace rs::test
