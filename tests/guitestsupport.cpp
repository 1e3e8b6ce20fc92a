#include "guitestsupport.h"

#include "datasetpage.h"
#include "mainwindow.h"

#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QImage>
#include <QMimeData>
#include <QRandomGenerator>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QUrl>
#include <QWidget>
#include <QtTest>

namespace rs::test {

void writeClassImages(const QString &root, const QStringList &classes, int perClass)
{
    QRandomGenerator random(42);
    for (int c = 0; c < classes.size(); ++c) {
        const QString folder = root + QLatin1Char('/') + classes[c];
        QDir().mkpath(folder);
        const QColor colour = QColor::fromHsv(c * 360 / int(classes.size()), 200, 220);
        for (int i = 0; i < perClass; ++i) {
            QImage image(24, 24, QImage::Format_RGB32);
            for (int y = 0; y < image.height(); ++y)
                for (int x = 0; x < image.width(); ++x) {
                    const int noise = int(random.bounded(60)) - 30;
                    image.setPixelColor(x, y, QColor(std::clamp(colour.red() + noise, 0, 255),
                                                     std::clamp(colour.green() + noise, 0, 255),
                                                     std::clamp(colour.blue() + noise, 0, 255)));
                }
            if (!image.save(folder + QStringLiteral("/img%1.png").arg(i)))
                qFatal("cannot write test images under %s", qPrintable(folder));
        }
    }
}

bool dropFiles(QWidget *target, const QStringList &paths)
{
    QMimeData mime;
    QList<QUrl> urls;
    for (const QString &path : paths)
        urls << QUrl::fromLocalFile(path);
    mime.setUrls(urls);
    const QPoint centre = target->rect().center();
    QDragEnterEvent enter(centre, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &enter);
    if (!enter.isAccepted())
        return false;
    QDropEvent drop(QPointF(centre), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &drop);
    return drop.isAccepted();
}

StudioData prepareStudioData(const QString &folder, int perClass)
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    const StudioData data{folder + QStringLiteral("/images"), folder + QStringLiteral("/cache")};
    writeClassImages(data.images, {QStringLiteral("red"), QStringLiteral("green"), QStringLiteral("blue")}, perClass);
    return data;
}

std::unique_ptr<MainWindow> studioWindow(const QString &cacheRoot)
{
    StudioOptions options;
    options.weights = WeightsSource::random(7);
    options.cacheRoot = cacheRoot;
    auto window = std::make_unique<MainWindow>(options);
    window->show();
    return window;
}

void prepareRun(MainWindow &window, const QString &images, int steps)
{
    auto *dataset = child<DatasetPage>(&window, "");
    QVERIFY(dropFiles(dataset, {images}));
    QTRY_COMPARE(dataset->model()->rowCount(), 3);
    child<QSpinBox>(&window, "validationPercent")->setValue(20);
    child<QSpinBox>(&window, "testPercent")->setValue(20);
    child<QSpinBox>(&window, "steps")->setValue(steps);
}

} // namespace rs::test
