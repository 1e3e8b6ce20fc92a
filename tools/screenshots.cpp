// Drives the real window through the main job on the built-in sample data and saves a PNG of
// each page, during and after training, for the README. Run by tools/screenshots.sh under
// Xvfb; not installed.

#include "classtablemodel.h"
#include "curveplot.h"
#include "data/sampledata.h"
#include "datasetpage.h"
#include "imageviewer.h"
#include "mainwindow.h"
#include "predictpage.h"
#include "resultmodels.h"
#include "resultspage.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>
#include <functional>

namespace {

bool waitUntil(const std::function<bool()> &done, int seconds)
{
    const QDeadlineTimer deadline(seconds * 1000);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(20);
    }
    return true;
}

void pause(int ms)
{
    waitUntil([deadline = QDeadlineTimer(ms)] { return deadline.hasExpired(); }, ms / 1000 + 1);
}

void shoot(QWidget &window, int page, const QString &file)
{
    window.findChild<QTabWidget *>(QStringLiteral("pages"))->setCurrentIndex(page);
    pause(700);
    if (!window.grab().save(file))
        std::fprintf(stderr, "cannot write %s\n", qPrintable(file));
    else
        std::printf("wrote %s\n", qPrintable(file));
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Retrain Studio screenshots"));
    QStandardPaths::setTestModeEnabled(true); // leave the user's settings alone
    QSettings().clear();
    const QStringList args = QApplication::arguments();
    if (args.size() < 2 || args.size() > 3) {
        std::fprintf(stderr, "usage: retrain-screenshots OUTPUT_DIR [LANGUAGE]\n");
        return 2;
    }
    // As retrain-studio loads them, from the catalogues compiled next to it.
    QTranslator qtTranslator, appTranslator;
    if (args.size() == 3) {
        const QLocale locale(args[2]);
        if (!appTranslator.load(locale, QStringLiteral("retrain-studio"), QStringLiteral("_"), QStringLiteral(RS_QM_DIR))) {
            std::fprintf(stderr, "no catalogue for %s in %s\n", qPrintable(args[2]), RS_QM_DIR);
            return 1;
        }
        QApplication::installTranslator(&appTranslator);
        if (qtTranslator.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QApplication::installTranslator(&qtTranslator);
    }
    const QDir out(args[1]);
    QDir().mkpath(out.path());
    QTemporaryDir work;
    const QString data = work.filePath(QStringLiteral("fashion"));
    rs::writeFashionMnistSamples(data, 60);
    // Something for the Data health page to find: a bag filed as a coat too, and a blank image.
    QFile::copy(QDir(data + QStringLiteral("/Bag")).entryInfoList(QDir::Files, QDir::Name).first().filePath(),
                data + QStringLiteral("/Coat/bag copy.png"));
    QImage blank(28, 28, QImage::Format_Grayscale8);
    blank.fill(128);
    blank.save(data + QStringLiteral("/Sandal/blank.png"));
    rs::setComputeThreads(QThread::idealThreadCount());

    rs::StudioOptions options;
    const bool haveWeights = QFileInfo::exists(rs::defaultWeightsPath());
    if (!haveWeights)
        options.weights = rs::WeightsSource::random(1);
    options.cacheRoot = work.filePath(QStringLiteral("cache"));
    rs::MainWindow window(options);
    window.resize(1180, 780);
    window.show();

    // The first launch: where to drop folders, and the weights.
    shoot(window, 0, out.filePath(QStringLiteral("welcome.png")));
    auto *dataset = window.findChild<rs::DatasetPage *>();
    dataset->addFolders({data});
    waitUntil([&] { return !dataset->isScanning() && dataset->model()->rowCount() == 10; }, 60);
    pause(2500); // thumbnails
    shoot(window, 0, out.filePath(QStringLiteral("dataset.png")));
    window.findChild<QSpinBox *>(QStringLiteral("steps"))->setValue(4000);
    shoot(window, 1, out.filePath(QStringLiteral("settings.png")));

    window.findChild<QAction *>(QStringLiteral("actionStart"))->trigger();
    auto *plot = window.findChild<rs::CurvePlot *>();
    waitUntil([&] { return plot->series(rs::CurvePlot::TrainingLoss)->dataCount() >= 60; }, 600);
    shoot(window, 2, out.filePath(QStringLiteral("training.png")));
    if (!waitUntil([&] { return !window.session()->isTraining(); }, 600) || !window.session()->model()) {
        std::fprintf(stderr, "the run did not finish\n");
        return 1;
    }
    shoot(window, 2, out.filePath(QStringLiteral("trained.png")));

    // The results page with the gallery of the commonest mistake.
    auto *results = window.findChild<rs::ResultsPage *>();
    const auto &confusion = window.session()->model()->run().evaluation.confusion;
    int worstTrue = 0, worstPredicted = 1;
    for (std::size_t t = 0; t < confusion.size(); ++t)
        for (std::size_t p = 0; p < confusion.size(); ++p)
            if (t != p && confusion[t][p] > confusion[std::size_t(worstTrue)][std::size_t(worstPredicted)])
                worstTrue = int(t), worstPredicted = int(p);
    results->showCell(worstTrue, worstPredicted);
    pause(1500);
    shoot(window, 3, out.filePath(QStringLiteral("results.png")));

    auto *predict = window.findChild<rs::PredictPage *>();
    QStringList examples;
    for (const QString &name : {QStringLiteral("Sneaker"), QStringLiteral("Bag"), QStringLiteral("Dress")})
        examples << QDir(data + QLatin1Char('/') + name).entryInfoList(QDir::Files, QDir::Name).last().filePath();
    predict->predict(examples);
    waitUntil([&] { return !predict->isBusy(); }, 120);
    shoot(window, 4, out.filePath(QStringLiteral("predict.png")));

    // The viewer on the commonest mistake, with where the network saw the predicted class.
    if (rs::ImageViewer *viewer = results->openViewer(0)) {
        viewer->resize(520, 600);
        viewer->findChild<QComboBox *>(QStringLiteral("heatMapChoice"))->setCurrentIndex(1);
        waitUntil([&] { return viewer->showsHeatMap(); }, 120);
        pause(500);
        if (!viewer->grab().save(out.filePath(QStringLiteral("viewer.png"))))
            std::fprintf(stderr, "cannot write viewer.png\n");
        viewer->close();
    }

    window.findChild<QAction *>(QStringLiteral("actionCheckData"))->trigger();
    if (!waitUntil([&] { return !window.session()->isTraining(); }, 600) || !window.session()->audit()) {
        std::fprintf(stderr, "the data check did not finish\n");
        return 1;
    }
    pause(2000); // thumbnails
    shoot(window, 5, out.filePath(QStringLiteral("health.png")));
    window.findChild<QTabWidget *>(QStringLiteral("healthViews"))->setCurrentIndex(1);
    pause(1000);
    shoot(window, 5, out.filePath(QStringLiteral("map.png")));

    // The smallest screen the window is made for.
    window.resize(800, 600);
    QDir().mkpath(out.filePath(QStringLiteral("800x600")));
    shoot(window, 1, out.filePath(QStringLiteral("800x600/settings.png")));
    shoot(window, 2, out.filePath(QStringLiteral("800x600/trained.png")));
    shoot(window, 3, out.filePath(QStringLiteral("800x600/results.png")));
    return 0;
}
