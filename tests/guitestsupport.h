#pragma once

#include <QObject>
#include <QStringList>

#include <memory>

class QWidget;

namespace rs {
class MainWindow;
}

namespace rs::test {

// `perClass` small PNG images in root/<class>/, each class its own hue with noise, so a
// classifier has something to learn and every file name differs.
void writeClassImages(const QString &root, const QStringList &classes, int perClass);

// Drags `paths` onto `target` and drops them there, as a file manager would: a drag-enter
// event first (the target must accept it), then the drop. Returns whether the drop was taken.
bool dropFiles(QWidget *target, const QStringList &paths);

struct StudioData
{
    QString images; // red/, green/ and blue/
    QString cache;  // where the window's features go
};

// For a window test: test mode on (the user's settings are left alone) and cleared, and in
// `folder` three class folders (red, green, blue) of `perClass` images and a feature cache.
StudioData prepareStudioData(const QString &folder, int perClass);

// The studio's window, shown, with seeded random InceptionV3 weights (standing in for the
// ImageNet file) and features cached under `cacheRoot`.
std::unique_ptr<MainWindow> studioWindow(const QString &cacheRoot);

// Drops `images` (three class folders) on the Dataset page, holds out 20 % of them for
// validation and 20 % for test, and sets a run of `steps` steps.
void prepareRun(MainWindow &window, const QString &images, int steps);

// The child of `parent` with this object name; the test stops at once when there is none.
template <typename T> T *child(QObject *parent, const char *name)
{
    T *found = parent->findChild<T *>(QString::fromLatin1(name));
    if (!found)
        qFatal("no child %s", name);
    return found;
}

} // namespace rs::test
