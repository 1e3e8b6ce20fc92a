// The Data health page in the real window: Check data runs the audit as a job and lists a
// copy planted in another class as a conflict, and maps every image (a lasso selects); Exclude, Undo and Mark reviewed become the
// project's fixes, saved with it and honoured by the next check; the Results gallery's menu
// makes the same fixes, its viewer shows the Grad-CAM of an image, and the run exports as an
// HTML report; Stop ends a check.

#include "classtablemodel.h"
#include "datahealthpage.h"
#include "datasetpage.h"
#include "embeddingmap.h"
#include "guitestsupport.h"
#include "mainwindow.h"
#include "gallerymodel.h"
#include "imageviewer.h"
#include "projectfiles.h"
#include "resultspage.h"
#include "session.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using rs::test::child;

namespace {

constexpr int kCheckTimeoutMs = 300000;

// The rows of `tree` showing `path`, anywhere in it.
QList<QTreeWidgetItem *> rowsOf(QTreeWidget *tree, const QString &path)
{
    QList<QTreeWidgetItem *> rows;
    for (QTreeWidgetItemIterator it(tree); *it; ++it)
        if ((*it)->data(0, Qt::UserRole).toString() == path)
            rows << *it;
    return rows;
}

} // namespace

class TestDataHealth : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_images, m_cache, m_copy;

    bool check(rs::MainWindow &w)
    {
        QSignalSpy audited(w.session(), &rs::Session::auditChanged);
        child<QAction>(&w, "actionCheckData")->trigger();
        return w.session()->isTraining() && audited.wait(kCheckTimeoutMs) && w.session()->audit();
    }

private Q_SLOTS:
    void initTestCase()
    {
        const rs::test::StudioData data = rs::test::prepareStudioData(m_dir.path(), 16);
        m_images = data.images;
        m_copy = m_images + QStringLiteral("/blue/copy of red.png");
        QVERIFY(QFile::copy(m_images + QStringLiteral("/red/img4.png"), m_copy));
        m_cache = data.cache;
    }

    void findingsBecomeFixesKeptInTheProject()
    {
        auto w = rs::test::studioWindow(m_cache);
        QVERIFY(QTest::qWaitForWindowExposed(w.get()));
        rs::test::prepareRun(*w, m_images, 100);
        QVERIFY(check(*w));
        auto *findings = child<QTreeWidget>(w.get(), "healthFindings");
        QVERIFY(findings->isVisible()); // the window shows the findings when they arrive
        QCOMPARE(findings->topLevelItemCount(), 3);
        QCOMPARE(findings->topLevelItem(1)->text(0), QStringLiteral("Duplicate groups: 1"));
        QVERIFY(findings->topLevelItem(1)->child(0)->text(3).contains(QStringLiteral("conflict")));
        QList<QTreeWidgetItem *> copyRows = rowsOf(findings, m_copy);
        QVERIFY(!copyRows.isEmpty());
        QCOMPARE(copyRows.front()->text(1), QStringLiteral("blue"));

        // Nothing selected, nothing to fix.
        auto *exclude = child<QPushButton>(w.get(), "excludeButton");
        QVERIFY(!exclude->isEnabled());
        findings->setCurrentItem(copyRows.front());
        QVERIFY(exclude->isEnabled());
        QTest::mouseClick(exclude, Qt::LeftButton);
        const rs::ImageFix *fix = w->session()->project().fixes.find(m_copy);
        QVERIFY(fix && fix->kind == rs::ImageFix::Kind::Exclude);
        QVERIFY(w->isWindowModified());
        QCOMPARE(copyRows.front()->text(4), QStringLiteral("excluded"));
        auto *fixes = child<QListWidget>(w.get(), "fixesList");
        QCOMPARE(fixes->count(), 1);

        QTest::mouseClick(child<QPushButton>(w.get(), "undoFixButton"), Qt::LeftButton);
        QVERIFY(w->session()->project().fixes.empty());
        QCOMPARE(fixes->count(), 0);
        QCOMPARE(copyRows.front()->text(4), QString());

        findings->setCurrentItem(copyRows.front());
        QTest::mouseClick(child<QPushButton>(w.get(), "reviewedButton"), Qt::LeftButton);

        // Saved and reopened, the fix is there, and the next check accepts the group.
        const QString project = m_dir.filePath(QStringLiteral("health.rsproject"));
        QVERIFY(w->projectFiles()->save(project));
        auto reopened = rs::test::studioWindow(m_cache);
        QVERIFY(reopened->projectFiles()->open(project));
        const rs::ImageFix *kept = reopened->session()->project().fixes.find(m_copy);
        QVERIFY(kept && kept->kind == rs::ImageFix::Kind::Reviewed);
        QCOMPARE(child<QListWidget>(reopened.get(), "fixesList")->count(), 1);
        auto *dataset = child<rs::DatasetPage>(reopened.get(), "");
        QTRY_VERIFY(dataset->model()->rowCount() == 3 && !dataset->isScanning());
        QVERIFY(check(*reopened));
        auto *again = child<QTreeWidget>(reopened.get(), "healthFindings");
        QCOMPARE(again->topLevelItem(1)->text(0), QStringLiteral("Duplicate groups: 0"));
        QVERIFY(rowsOf(again, m_copy).isEmpty());

        // The map: a point per image; a lasso drawn around the copy selects it (its twin lies
        // under it), and the fix buttons act on what the map selected.
        auto *map = child<rs::EmbeddingMap>(w.get(), "embeddingMap");
        QCOMPARE(map->pointCount(), 49);
        child<QTabWidget>(w.get(), "healthViews")->setCurrentWidget(map);
        map->replot();
        const QPointF at = map->pixelOf(map->indexOf(m_copy));
        map->selectInside(QPolygonF({at + QPointF(-3, -3), at + QPointF(3, -3), at + QPointF(3, 3), at + QPointF(-3, 3)}));
        QVERIFY(map->selectedPaths().contains(m_copy));
        QVERIFY(map->selectedPaths().size() < 49);
        QTest::mouseClick(exclude, Qt::LeftButton);
        QCOMPARE(w->session()->project().fixes.find(m_copy)->kind, rs::ImageFix::Kind::Exclude);
    }

    void theResultsGalleryOffersTheSameFixes()
    {
        auto w = rs::test::studioWindow(m_cache);
        QVERIFY(QTest::qWaitForWindowExposed(w.get()));
        rs::test::prepareRun(*w, m_images, 100);
        QSignalSpy ended(w->session(), &rs::Session::trainingEnded);
        child<QAction>(w.get(), "actionStart")->trigger();
        QVERIFY(ended.wait(kCheckTimeoutMs));
        QVERIFY2(w->session()->model(), qPrintable(ended.first().first().toString()));
        auto *results = child<rs::ResultsPage>(w.get(), "");
        results->showCell(2, 2); // "red", recognised or not, has test images
        if (results->gallery()->rowCount() == 0)
            results->showAllMistakes();
        QVERIFY(results->gallery()->rowCount() > 0);
        const QModelIndex first = results->gallery()->index(0, 0);
        const rs::ImagePrediction image = results->gallery()->image(0);
        std::unique_ptr<QMenu> menu(results->fixMenu(first, nullptr));
        QVERIFY(menu);
        QMenu *relabel = menu->actions().at(0)->menu();
        QCOMPARE(relabel->actions().size(), 3);
        QVERIFY(!relabel->actions().at(image.trueLabel)->isEnabled()); // not to its own class
        const int other = (image.trueLabel + 1) % 3;
        relabel->actions().at(other)->trigger();
        const rs::ImageFix *fix = w->session()->project().fixes.find(image.path);
        QVERIFY(fix && fix->kind == rs::ImageFix::Kind::Relabel);
        QCOMPARE(fix->className, w->session()->model()->run().dataset.classes[other]);
        menu->actions().at(1)->trigger();
        QCOMPARE(w->session()->project().fixes.find(image.path)->kind, rs::ImageFix::Kind::Exclude);
        QCOMPARE(child<QListWidget>(w.get(), "fixesList")->count(), 1);

        // The viewer scales the small image up to its window and shows where the network looked.
        results->showAllMistakes();
        if (results->gallery()->rowCount() < 2)
            results->showCell(0, 0);
        QVERIFY(results->gallery()->rowCount() >= 2);
        rs::ImageViewer *viewer = results->openViewer(0);
        QVERIFY(QTest::qWaitForWindowExposed(viewer));
        const QImage original(results->gallery()->image(0).path);
        QTRY_VERIFY(child<QLabel>(viewer, "viewerPicture")->pixmap().width() > 3 * original.width());
        QVERIFY(child<QLabel>(viewer, "viewerCaption")->text().contains(QStringLiteral("Likeliest: ")));
        QSignalSpy heatMaps(w->session(), &rs::Session::heatMapReady);
        child<QComboBox>(viewer, "heatMapChoice")->setCurrentIndex(1);
        QVERIFY(heatMaps.wait(60000));
        QCOMPARE(heatMaps.first().at(0).toString(), results->gallery()->image(0).path);
        QCOMPARE(heatMaps.first().at(1).toInt(), results->gallery()->image(0).predicted);
        QVERIFY(viewer->showsHeatMap());
        QTest::mouseClick(child<QPushButton>(viewer, "viewerNext"), Qt::LeftButton);
        QCOMPARE(viewer->row(), 1);
        QVERIFY(!viewer->showsHeatMap()); // the next image's map is asked for, not borrowed
        QTRY_VERIFY_WITH_TIMEOUT(viewer->showsHeatMap(), 60000);
        viewer->close();

        // File > Export report writes the page retrain-cli report writes (test_htmlreport opens it).
        QVERIFY(child<QAction>(w.get(), "actionExportReport")->isEnabled());
        QSignalSpy exported(w->session(), &rs::Session::reportExported);
        const QString page = m_dir.filePath(QStringLiteral("report.html"));
        w->session()->exportReport(page);
        QVERIFY(exported.wait(120000));
        QCOMPARE(exported.first().at(1).toString(), QString());
        QFile html(page);
        QVERIFY(html.open(QIODevice::ReadOnly));
        const QByteArray bytes = html.readAll();
        QVERIFY(bytes.contains("id=\"mistakes\"") && bytes.contains("<svg"));
    }

    void stopEndsACheck()
    {
        auto w = rs::test::studioWindow(m_dir.filePath(QStringLiteral("empty cache")));
        QVERIFY(QTest::qWaitForWindowExposed(w.get()));
        rs::test::prepareRun(*w, m_images, 100);
        QSignalSpy ended(w->session(), &rs::Session::trainingEnded);
        QSignalSpy extracting(w->session(), &rs::Session::extracting);
        child<QAction>(w.get(), "actionCheckData")->trigger();
        QVERIFY(w->session()->isTraining());
        QVERIFY(extracting.wait(kCheckTimeoutMs));
        child<QAction>(w.get(), "actionStop")->trigger();
        QVERIFY(ended.wait(kCheckTimeoutMs));
        QVERIFY2(ended.first().first().toString().startsWith(QStringLiteral("Stopped")), qPrintable(ended.first().first().toString()));
        QVERIFY(!w->session()->audit());
        QVERIFY(child<QLabel>(w.get(), "healthSummary")->text().startsWith(QStringLiteral("Not checked yet")));
    }
};

QTEST_MAIN(TestDataHealth)
#include "test_datahealth.moc"
