// The rough edges a newcomer met on the pages themselves: refusals and advice beside the
// settings, the weights field, results and predictions, the class table, the folder fallback,
// fonts. The window's are test_guiedges's. Numbers in the comments are the points of the issue
// that listed them.

#include "classtablemodel.h"
#include "datasetpage.h"
#include "fieldproblems.h"
#include "folderopener.h"
#include "guitestsupport.h"
#include "languagemenu.h"
#include "predictpage.h"
#include "ratepreview.h"
#include "resultmodels.h"
#include "resultspage.h"
#include "settingspage.h"
#include "testsupport.h"
#include "thumbnailcache.h"
#include "weightsfield.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDesktopServices>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using rs::test::child;

namespace {

// Records the folders QDesktopServices was asked to open, as a file manager would be.
class FakeFileManager : public QObject
{
    Q_OBJECT

public:
    QList<QUrl> opened;

public Q_SLOTS:
    void open(const QUrl &url) { opened << url; }
};

// Types `text` into `box` as a user does, then leaves the field.
void typeInto(QAbstractSpinBox *box, const QString &text)
{
    box->setFocus();
    box->selectAll();
    QTest::keyClicks(box, text);
    box->clearFocus(); // what Tab or a click elsewhere does: the box settles its value
}

rs::Evaluation threeClassEvaluation()
{
    // "c" has no test image and nothing is predicted as it; one "a" is taken for a "b".
    std::vector<rs::ImagePrediction> predictions;
    for (int i = 0; i < 4; ++i)
        predictions.push_back({QStringLiteral("/x/a%1.png").arg(i), 0, i == 0 ? 1 : 0, 0.9, {{i == 0 ? 1 : 0, 0.9}}});
    for (int i = 0; i < 3; ++i)
        predictions.push_back({QStringLiteral("/x/b%1.png").arg(i), 1, 1, 0.8, {{1, 0.8}}});
    return rs::evaluate(predictions, 3);
}

} // namespace

class TestPageEdges : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_images;

private Q_SLOTS:
    void initTestCase() { m_images = rs::test::prepareStudioData(m_dir.path(), 8).images; }

    // 11: 0 steps silently became the previous value on focus-out; a refused rate drew its curve.
    void refusesAnOutOfRangeNumberBesideItsField()
    {
        rs::SettingsPage page;
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto *steps = child<QSpinBox>(&page, "steps");
        auto *length = child<QLabel>(&page, "lengthError");
        typeInto(steps, QStringLiteral("0"));
        QCOMPARE(steps->value(), 10000);
        QCOMPARE(length->text(), QStringLiteral("0 was not taken: the number of steps must be from 1 to 100000000"));
        steps->setValue(500); // another change ends the refusal
        QCOMPARE(length->text(), QString());

        auto *preview = child<rs::RatePreview>(&page, "ratePreview");
        QVERIFY(preview->graph(0)->dataCount() > 0);
        child<QDoubleSpinBox>(&page, "minRate")->setValue(0.5);
        QCOMPARE(child<QLabel>(&page, "rateError")->text(),
                 QStringLiteral("The minimum learning rate must not exceed the base learning rate"));
        QCOMPARE(preview->graph(0)->dataCount(), 0);
        QCOMPARE(preview->problem(), child<QLabel>(&page, "rateError")->text());
    }

    // 14: 10 000 steps on 600 images is ~1 700 epochs, and Adam at 0.1 jumps about: say so.
    void advisesOnALengthFarBeyondTheData()
    {
        rs::SettingsPage page;
        auto *length = child<QLabel>(&page, "lengthError");
        QCOMPARE(length->text(), QString());
        page.setTrainingImages(600);
        QCOMPARE(length->text(), QStringLiteral("10000 steps show each of the 600 training images about 1667 times; "
                                                "100 epochs would be 600 steps"));
        child<QSpinBox>(&page, "steps")->setValue(600);
        QCOMPARE(length->text(), QString());
        auto *rate = child<QLabel>(&page, "baseRateError");
        QCOMPARE(rate->text(), QString());
        child<QComboBox>(&page, "optimizer")->setCurrentIndex(1);
        child<QDoubleSpinBox>(&page, "momentum")->setValue(0);
        QVERIFY2(rate->text().startsWith(QStringLiteral("Adam usually needs")), qPrintable(rate->text()));
        child<QDoubleSpinBox>(&page, "baseRate")->setValue(0.001);
        QCOMPARE(rate->text(), QString());
    }


    // 12: a weights file of another network read "unexpected key 'dense_1.weight'", and only at Start.
    void namesAWeightsFileOfAnotherNetworkWhenEntered()
    {
        rs::WeightsField field;
        QSignalSpy checked(&field, &rs::WeightsField::checked);
        const QString wrong = rs::test::referenceFile(QStringLiteral("wrong_model.pth"));
        field.setWeights(rs::WeightsSource::file(wrong));
        QVERIFY(checked.wait(30000));
        QVERIFY2(field.problem().contains(QStringLiteral("this file is not InceptionV3 weights: it holds 2 tensors")),
                 qPrintable(field.problem()));
        field.setWeights(rs::WeightsSource::file(QStringLiteral("/nowhere/inception.pth")));
        QCOMPARE(field.problem(), QStringLiteral("/nowhere/inception.pth: no such weights file"));
        field.setWeights(rs::WeightsSource::random(3));
        QCOMPARE(field.problem(), QString());
    }


    // 15: a class without test images showed 0.0 % precision, recall and F1.
    void metricsOfAClassWithoutTestImagesAreNotApplicable()
    {
        rs::MetricsModel metrics;
        metrics.setEvaluation({QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}, threeClassEvaluation());
        const auto cell = [&](int row, int column, int role = Qt::DisplayRole) { return metrics.index(row, column).data(role); };
        for (int column : {rs::MetricsModel::Precision, rs::MetricsModel::Recall, rs::MetricsModel::F1}) {
            QCOMPARE(cell(2, column).toString(), QStringLiteral("n/a"));
            QVERIFY(cell(2, column, Qt::ToolTipRole).toString().startsWith(QStringLiteral("n/a: ")));
        }
        QCOMPARE(cell(0, rs::MetricsModel::Recall).toString(), QStringLiteral("75.0 %"));
        QCOMPARE(cell(0, rs::MetricsModel::Precision).toString(), QStringLiteral("100.0 %"));
    }

    // 16: unticked classes looked like included ones.
    void untickedClassesAreGreyedOut()
    {
        rs::ThumbnailCache thumbnails(32);
        rs::DatasetPage page(&thumbnails);
        page.addFolders({m_images});
        QTRY_VERIFY(page.model()->rowCount() == 3 && !page.isScanning());
        rs::ClassTableModel *model = page.model();
        QVERIFY(!model->index(0, rs::ClassTableModel::Images).data(Qt::ForegroundRole).isValid());
        QSignalSpy changed(model, &QAbstractItemModel::dataChanged);
        QVERIFY(model->setData(model->index(0, rs::ClassTableModel::Name), Qt::Unchecked, Qt::CheckStateRole));
        const QColor grey = QApplication::palette().color(QPalette::Disabled, QPalette::Text);
        QCOMPARE(model->index(0, rs::ClassTableModel::Images).data(Qt::ForegroundRole).value<QColor>(), grey);
        QCOMPARE(model->index(0, rs::ClassTableModel::Name).data(Qt::ForegroundRole).value<QColor>(), grey);
        // The whole row repaints.
        QCOMPARE(changed.first().at(1).toModelIndex().column(), model->columnCount() - 1);

        // 18: Remove class acts on a selection only.
        auto *remove = child<QPushButton>(&page, "removeClassButton");
        QVERIFY(!remove->isEnabled());
        child<QTableView>(&page, "classTable")->selectRow(1);
        QVERIFY(remove->isEnabled());
        remove->click();
        QCOMPARE(model->rowCount(), 2);
        QVERIFY(!remove->isEnabled());
    }

    // 18: the selected mistake turned the colour of correct cells; All misclassified left the old
    // cell selected and was enabled when there was nothing more to show.
    void confusionCellsKeepTheirColourWhenSelected()
    {
        rs::ThumbnailCache thumbnails(32);
        rs::ResultsPage page(&thumbnails);
        page.resize(900, 700);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.setResults({QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}, threeClassEvaluation(), {});
        auto *all = child<QPushButton>(&page, "allMistakesButton");
        QVERIFY(!all->isEnabled()); // every mistake is shown already
        auto *view = child<QTableView>(&page, "confusionMatrix");
        const QModelIndex mistake = view->model()->index(0, 1);
        const QRect cell = view->visualRect(mistake);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cell.center());
        QVERIFY(view->selectionModel()->isSelected(mistake));
        QVERIFY(all->isEnabled());
        const QColor own = mistake.data(Qt::BackgroundRole).value<QColor>();
        const QImage shot = view->viewport()->grab().toImage();
        const qreal ratio = shot.devicePixelRatio();
        const QColor painted = shot.pixelColor(QPoint(int((cell.left() + 8) * ratio), int((cell.top() + 6) * ratio)));
        QCOMPARE(painted.rgb(), own.rgb());

        all->click();
        QVERIFY(!view->selectionModel()->hasSelection());
        QVERIFY(!all->isEnabled());
    }

    // 18: Predict had no Clear, and its picker took files only.
    void predictionsCanBeClearedAndFoldersChosen()
    {
        rs::PredictPage page;
        QVERIFY(child<QPushButton>(&page, "chooseFolderButton")->isEnabled());
        auto *clear = child<QPushButton>(&page, "clearPredictionsButton");
        QVERIFY(!clear->isEnabled());
        page.setPredictor(
            [](const QStringList &paths, int) {
                rs::TopClassPredictions result;
                for (const QString &path : paths)
                    result.images.push_back({path, {{0, 0.7}, {1, 0.3}}});
                return result;
            },
            {QStringLiteral("red"), QStringLiteral("green")});
        QSignalSpy predicted(&page, &rs::PredictPage::predicted);
        page.predict({m_images + QStringLiteral("/red")});
        QVERIFY(predicted.wait(30000));
        QCOMPARE(page.findChildren<QFrame *>(QStringLiteral("predictionCard")).size(), 8);
        QVERIFY(clear->isEnabled());
        clear->click();
        QCOMPARE(page.findChildren<QFrame *>(QStringLiteral("predictionCard")).size(), 0);
        QCOMPARE(child<QLabel>(&page, "predictMessage")->text(), QStringLiteral("Classes: red, green"));
        QVERIFY(!clear->isEnabled());
    }

    // 19: without a file manager Show in folder did nothing ("Unable to detect a launcher").
    void showInFolderFallsBackToThePath()
    {
        const QString image = m_images + QStringLiteral("/red/img0.png");
        FakeFileManager files;
        QDesktopServices::setUrlHandler(QStringLiteral("file"), &files, "open");
        QCOMPARE(rs::openFolderOf(image, nullptr), nullptr);
        QCOMPARE(files.opened, QList<QUrl>{QUrl::fromLocalFile(m_images + QStringLiteral("/red"))});
        QDesktopServices::unsetUrlHandler(QStringLiteral("file"));

        // The offscreen platform, like a bare X session, has no way to open a folder.
        QWidget parent;
        QWidget *dialog = rs::openFolderOf(image, &parent);
        QVERIFY(dialog);
        QCOMPARE(child<QLineEdit>(dialog, "folderPath")->text(), QDir::toNativeSeparators(m_images + QStringLiteral("/red")));
        child<QPushButton>(dialog, "copyPathButton")->click();
        QCOMPARE(QGuiApplication::clipboard()->text(), QDir::toNativeSeparators(m_images + QStringLiteral("/red")));
    }


    // 20: on a system without CJK fonts the Chinese interface was empty boxes, unexplained.
    void warnsWhenNoFontCanShowChinese()
    {
        const QLocale chinese(QStringLiteral("zh_CN"));
        QVERIFY(rs::missingFontWarning(chinese, {QFontDatabase::Latin}).contains(QStringLiteral("fonts-noto-cjk")));
        QCOMPARE(rs::missingFontWarning(chinese, {QFontDatabase::Latin, QFontDatabase::SimplifiedChinese}), QString());
        QCOMPARE(rs::missingFontWarning(QLocale(QStringLiteral("en_GB")), {QFontDatabase::Latin}), QString());
    }
};

QTEST_MAIN(TestPageEdges)
#include "test_pageedges.moc"
