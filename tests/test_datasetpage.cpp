// The dataset page: folders dropped on it become classes with their split counts, the split
// spin boxes recount at once, a class missing from a set is named, classes can be renamed,
// excluded and removed.

#include "classtablemodel.h"
#include "datasetpage.h"
#include "guitestsupport.h"
#include "thumbnailcache.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

namespace {

int column(const rs::ClassTableModel &model, int row, int column)
{
    return model.index(row, column).data().toInt();
}

// The counts the core's split gives for the images of one folder.
std::array<int, 3> expectedCounts(const QString &folder, const rs::SplitOptions &split)
{
    std::array<int, 3> counts{};
    for (const QFileInfo &file : QDir(folder).entryInfoList(QDir::Files))
        ++counts[std::size_t(rs::assignSubset(file.fileName(), split))];
    return counts;
}

} // namespace

class TestDatasetPage : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_parent; // holds cats/ and dogs/ and a stray file
    QString m_birds;  // a folder of images: one class

private Q_SLOTS:
    void initTestCase()
    {
        m_parent = m_dir.filePath(QStringLiteral("pets"));
        rs::test::writeClassImages(m_parent, {QStringLiteral("cats"), QStringLiteral("dogs")}, 25);
        QFile stray(m_parent + QStringLiteral("/notes.txt"));
        QVERIFY(stray.open(QIODevice::WriteOnly));
        stray.close();
        rs::test::writeClassImages(m_dir.path(), {QStringLiteral("birds")}, 7);
        m_birds = m_dir.filePath(QStringLiteral("birds"));
    }

    void dropAddsClassesWithTheirCounts()
    {
        rs::ThumbnailCache thumbnails(32);
        rs::DatasetPage page(&thumbnails);
        QAbstractItemModelTester tester(page.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QSignalSpy changed(&page, &rs::DatasetPage::changed);

        QVERIFY(rs::test::dropFiles(&page, {m_parent, m_birds}));
        QTRY_COMPARE(page.model()->rowCount(), 3);
        QVERIFY(!page.isScanning());
        QVERIFY(!changed.isEmpty());
        const rs::ClassTableModel &model = *page.model();
        QCOMPARE(model.index(0, rs::ClassTableModel::Name).data().toString(), QStringLiteral("birds"));
        QCOMPARE(column(model, 0, rs::ClassTableModel::Images), 7);
        QCOMPARE(model.index(1, rs::ClassTableModel::Name).data().toString(), QStringLiteral("cats"));
        QCOMPARE(column(model, 1, rs::ClassTableModel::Images), 25);
        const std::array<int, 3> cats = expectedCounts(m_parent + QStringLiteral("/cats"), {10, 10});
        QCOMPARE(column(model, 1, rs::ClassTableModel::Train), cats[0]);
        QCOMPARE(column(model, 1, rs::ClassTableModel::Validation), cats[1]);
        QCOMPARE(column(model, 1, rs::ClassTableModel::Test), cats[2]);

        // The stray file is listed with its reason; the small class is warned about.
        const auto *skipped = page.findChild<QListWidget *>(QStringLiteral("skippedList"));
        QCOMPARE(skipped->count(), 1);
        QVERIFY(skipped->item(0)->text().contains(QStringLiteral("notes.txt: a loose file beside class folders")));
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("datasetWarnings"))->text().contains(QStringLiteral("“birds” is small (images: 7)")));

        // A drop of something that is not a folder is refused.
        QVERIFY(!rs::test::dropFiles(&page, {m_parent + QStringLiteral("/notes.txt")}));

        // Dropping the same folder again adds nothing twice.
        QVERIFY(rs::test::dropFiles(&page, {m_birds}));
        QTRY_VERIFY(!page.isScanning());
        QCOMPARE(column(model, 0, rs::ClassTableModel::Images), 7);

        // Thumbnails arrive in the background and fill the strip.
        QTRY_VERIFY(!thumbnails.thumbnail(m_birds + QStringLiteral("/img0.png")).isNull());
    }

    // A class of one image sits in one set: the page names the two it is missing from, in
    // core's words, and forgets them when the class is left out.
    void aClassMissingFromASetIsNamed()
    {
        QTemporaryDir dir;
        rs::test::writeClassImages(dir.path(), {QStringLiteral("lonely")}, 1);
        rs::ThumbnailCache thumbnails(32);
        rs::DatasetPage page(&thumbnails);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QVERIFY(rs::test::dropFiles(&page, {m_parent, dir.filePath(QStringLiteral("lonely"))}));
        QTRY_COMPARE(page.model()->rowCount(), 3);
        QTRY_VERIFY(!page.isScanning());
        const auto *warnings = page.findChild<QLabel *>(QStringLiteral("datasetWarnings"));
        const QString text = warnings->text();
        const int missing = text.count(QStringLiteral("class 'lonely' has no "));
        QVERIFY2(missing == 2, qPrintable(text));
        QVERIFY(!text.contains(QStringLiteral("class 'cats' has no")));

        const QModelIndex lonely = page.model()->index(2, rs::ClassTableModel::Name);
        QCOMPARE(lonely.data().toString(), QStringLiteral("lonely"));
        QVERIFY(page.model()->setData(lonely, Qt::Unchecked, Qt::CheckStateRole));
        QTRY_VERIFY(!warnings->text().contains(QStringLiteral("class 'lonely'")));
    }

    void splitSpinBoxesRecountAtOnce()
    {
        rs::ThumbnailCache thumbnails(32);
        rs::DatasetPage page(&thumbnails);
        page.addFolders({m_parent});
        QTRY_COMPARE(page.model()->rowCount(), 2);
        page.findChild<QSpinBox *>(QStringLiteral("validationPercent"))->setValue(30);
        page.findChild<QSpinBox *>(QStringLiteral("testPercent"))->setValue(25);
        const std::array<int, 3> dogs = expectedCounts(m_parent + QStringLiteral("/dogs"), {30, 25});
        QCOMPARE(column(*page.model(), 1, rs::ClassTableModel::Train), dogs[0]);
        QCOMPARE(column(*page.model(), 1, rs::ClassTableModel::Validation), dogs[1]);
        QCOMPARE(column(*page.model(), 1, rs::ClassTableModel::Test), dogs[2]);
        QCOMPARE(page.split().validationPercent, 30.0);
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("datasetSummary"))->text().contains(QStringLiteral("Classes to train on: 2 · images: 50")));
    }

    // The split key reads the classes again: counts and files as the core's scan gives them.
    void splitKeyRecountsAsTheScan()
    {
        QTemporaryDir dir;
        rs::test::writeClassImages(dir.path(), {QStringLiteral("ants"), QStringLiteral("bees")}, 30);
        QVERIFY(QFile::copy(dir.filePath(QStringLiteral("ants/img0.png")), dir.filePath(QStringLiteral("ants/upper.PNG"))));
        rs::ThumbnailCache thumbnails(32);
        rs::DatasetPage page(&thumbnails);
        page.addFolders({dir.path()});
        QTRY_COMPARE(page.model()->rowCount(), 2);
        QCOMPARE(column(*page.model(), 0, rs::ClassTableModel::Images), 31);

        auto *key = page.findChild<QComboBox *>(QStringLiteral("splitKey"));
        key->setCurrentIndex(key->findData(QStringLiteral("retrain-py")));
        QCOMPARE(page.split().key, rs::SplitKey::RetrainPy);
        QTRY_VERIFY(!page.isScanning());
        QTRY_COMPARE(page.model()->rowCount(), 2);
        const rs::Dataset expected = rs::scanDataset({dir.path()}, page.split());
        const auto counts = expected.counts();
        QCOMPARE(counts[0].total(), 30); // retrain.py does not collect upper.PNG
        for (int row = 0; row < 2; ++row) {
            QCOMPARE(column(*page.model(), row, rs::ClassTableModel::Images), counts[std::size_t(row)].total());
            QCOMPARE(column(*page.model(), row, rs::ClassTableModel::Train), counts[std::size_t(row)].perSubset[0]);
            QCOMPARE(column(*page.model(), row, rs::ClassTableModel::Validation), counts[std::size_t(row)].perSubset[1]);
            QCOMPARE(column(*page.model(), row, rs::ClassTableModel::Test), counts[std::size_t(row)].perSubset[2]);
        }
        QVERIFY(page.findChild<QListWidget *>(QStringLiteral("skippedList"))->findItems(QStringLiteral("upper.PNG"), Qt::MatchContains).size() == 1);
    }

    void classesCanBeRenamedExcludedAndRemoved()
    {
        rs::ThumbnailCache thumbnails(32);
        rs::DatasetPage page(&thumbnails);
        rs::ClassTableModel &model = *page.model();
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        page.addFolders({m_parent, m_birds});
        QTRY_COMPARE(model.rowCount(), 3);

        const QModelIndex birds = model.index(0, rs::ClassTableModel::Name);
        QVERIFY(model.setData(birds, QStringLiteral("Vögel"), Qt::EditRole));
        QVERIFY(!model.setData(birds, QStringLiteral("cats"), Qt::EditRole)); // taken
        QVERIFY(!model.setData(birds, QStringLiteral("  "), Qt::EditRole));
        QCOMPARE(model.sources()[0].name, QStringLiteral("Vögel"));

        QCOMPARE(model.includedClasses(), 3);
        QVERIFY(model.setData(birds, Qt::Unchecked, Qt::CheckStateRole));
        QCOMPARE(model.includedClasses(), 2);
        QCOMPARE(model.includedCounts()[0] + model.includedCounts()[1] + model.includedCounts()[2], 50);
        QVERIFY(!model.sources()[0].included);

        auto *table = page.findChild<QTableView *>(QStringLiteral("classTable"));
        table->selectRow(2);
        page.findChild<QPushButton *>(QStringLiteral("removeClassButton"))->click();
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.sources()[1].name, QStringLiteral("cats"));
    }
};

QTEST_MAIN(TestDatasetPage)
#include "test_datasetpage.moc"
