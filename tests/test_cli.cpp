// retrain-cli as a user runs it: exit codes, messages, and files that other tools can read.

#include "images/image.h"
#include "images/preprocess.h"
#include "io/npy.h"
#include "model/backbone.h"
#include "testsupport.h"
#include "training/lrfinder.h"
#include "training/settingrules.h"
#include "training/tuning.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using rs::test::imageFile;
using rs::test::referenceFile;

namespace {

using Run = rs::test::CliRun;
using rs::test::runCli;

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void reportsVersionAndHelp()
    {
        const Run version = runCli({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QCOMPARE(version.out.trimmed(), QStringLiteral("retrain-cli " RETRAIN_VERSION));
        const Run help = runCli({QStringLiteral("features"), QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(QStringLiteral("--random-weights")));
    }

    void badArgumentsExitWithTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("no command") << QStringList();
        QTest::newRow("unknown command") << QStringList{QStringLiteral("fly")};
        QTest::newRow("unknown option") << QStringList{QStringLiteral("classify"), QStringLiteral("--wings")};
        QTest::newRow("features without --out") << QStringList{QStringLiteral("features"), QStringLiteral("a.jpg")};
        QTest::newRow("zero threads")
            << QStringList{QStringLiteral("classify"), QStringLiteral("--threads"), QStringLiteral("0"), QStringLiteral("a.jpg")};
        QTest::newRow("unknown layer")
            << QStringList{QStringLiteral("features"), QStringLiteral("--layer"), QStringLiteral("Mixed_9z"),
                           QStringLiteral("--out"), QStringLiteral("x.npy"), QStringLiteral("a.jpg")};
        QTest::newRow("unknown schedule")
            << QStringList{QStringLiteral("train"), QStringLiteral("--schedule"), QStringLiteral("linear"), QStringLiteral("d")};
        QTest::newRow("epochs and steps")
            << QStringList{QStringLiteral("train"), QStringLiteral("--epochs"), QStringLiteral("2"), QStringLiteral("--steps"),
                           QStringLiteral("10"), QStringLiteral("d")};
        QTest::newRow("no training images left")
            << QStringList{QStringLiteral("train"), QStringLiteral("--validation_percentage"), QStringLiteral("60"),
                           QStringLiteral("--testing_percentage"), QStringLiteral("40"), QStringLiteral("d")};
        QTest::newRow("minimum rate above base")
            << QStringList{QStringLiteral("train"), QStringLiteral("--learning_rate"), QStringLiteral("0.01"),
                           QStringLiteral("--min-learning-rate"), QStringLiteral("0.1"), QStringLiteral("d")};
        QTest::newRow("tune while fine-tuning")
            << QStringList{QStringLiteral("train"), QStringLiteral("--tune"), QStringLiteral("--fine-tune-from"),
                           QStringLiteral("Mixed_7b"), QStringLiteral("d")};
        QTest::newRow("rate decay above 1")
            << QStringList{QStringLiteral("train"), QStringLiteral("--fine-tune-from"), QStringLiteral("Mixed_7b"),
                           QStringLiteral("--backbone_rate_decay"), QStringLiteral("1.5"), QStringLiteral("d")};
        QTest::newRow("tune with augmentation")
            << QStringList{QStringLiteral("train"), QStringLiteral("--tune"), QStringLiteral("--flip_left_right"), QStringLiteral("d")};
        QTest::newRow("train without folders") << QStringList{QStringLiteral("train")};
        QTest::newRow("predict without images") << QStringList{QStringLiteral("predict"), QStringLiteral("model")};
        QTest::newRow("two weights sources")
            << QStringList{QStringLiteral("classify"), QStringLiteral("--weights"), QStringLiteral("w.pth"),
                           QStringLiteral("--random-weights"), QStringLiteral("1"), QStringLiteral("a.jpg")};
    }

    void badArgumentsExitWithTwo()
    {
        QFETCH(QStringList, arguments);
        const Run run = runCli(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.startsWith(QStringLiteral("retrain-cli")), qPrintable(run.err));
    }

    void inspectsWeights_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("format");
        QTest::newRow("zip") << "inception_zip.pth" << "zip";
        QTest::newRow("legacy") << "inception_legacy.pth" << "legacy";
    }

    void inspectsWeights()
    {
        QFETCH(QString, file);
        QFETCH(QString, format);
        const Run run = runCli({QStringLiteral("inspect-weights"), referenceFile(file)});
        QCOMPARE(run.exitCode, 0);
        const QString fingerprint = rs::Backbone::fromFile(referenceFile(file)).weights().fingerprint;
        QVERIFY2(run.out.contains(QStringLiteral("format:      ") + format), qPrintable(run.out));
        QVERIFY(run.out.contains(QStringLiteral("tensors:     580")));
        QVERIFY(run.out.contains(QStringLiteral("fingerprint: ") + fingerprint));
    }

    void refusesBadWeightsInOneLine_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("reason");
        QTest::newRow("hostile") << referenceFile(QStringLiteral("evil_zip.pth")) << "refusing 'posix.system'";
        QTest::newRow("wrong model") << referenceFile(QStringLiteral("wrong_model.pth")) << "not InceptionV3 weights";
        QTest::newRow("image") << imageFile(QStringLiteral("photo.jpg")) << "not a PyTorch weights file";
        QTest::newRow("missing") << referenceFile(QStringLiteral("none.pth")) << "cannot open";
    }

    void refusesBadWeightsInOneLine()
    {
        QFETCH(QString, file);
        QFETCH(QString, reason);
        const Run run = runCli({QStringLiteral("inspect-weights"), file});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.err.count(QLatin1Char('\n')), 1);
        QVERIFY2(run.err.contains(file) && run.err.contains(reason), qPrintable(run.err));
    }

    void writesFeaturesNumpyReads()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("features.npy"));
        const QStringList images{imageFile(QStringLiteral("photo.jpg")), imageFile(QStringLiteral("notes.png")),
                                 imageFile(QStringLiteral("猫 の写真.png")), imageFile(QStringLiteral("gray.png"))};
        const Run run = runCli(QStringList{QStringLiteral("features"), QStringLiteral("--weights"),
                                        referenceFile(QStringLiteral("inception_zip.pth")), QStringLiteral("--out"), out}
                            + images);
        QCOMPARE(run.exitCode, 1); // one image could not be read
        QVERIFY2(run.err.contains(QStringLiteral("skipped ") + imageFile(QStringLiteral("notes.png"))), qPrintable(run.err));

        const rs::NpyArray written = rs::readNpy(out);
        QCOMPARE(written.shape, (std::vector<std::int64_t>{3, 2048}));
        // The same rows as the library computes in this process, in the order given.
        const rs::Backbone backbone = rs::Backbone::fromFile(referenceFile(QStringLiteral("inception_zip.pth")));
        for (int i : {0, 2, 3}) {
            const std::vector<float> input = rs::networkInput(rs::loadImage(images[i]).image, rs::Backbone::kInputSize);
            const rs::FeatureMatrix expected = backbone.extract(input.data(), 1, rs::Backbone::kBottleneck, rs::Precision::Auto);
            const int row = i == 0 ? 0 : i - 1;
            const auto d = rs::test::compare(written.values.data() + row * 2048, expected.values.data(), 2048);
            QVERIFY2(d.relative() < 1e-5, qPrintable(QString::number(d.relative())));
        }

        QProcess python;
        python.start(rs::test::systemPython(),
                     {QStringLiteral("-c"), QStringLiteral("import numpy, sys; print(numpy.load(sys.argv[1]).shape)"), out});
        QVERIFY(python.waitForFinished(60000));
        QCOMPARE(QString::fromUtf8(python.readAllStandardOutput()).trimmed(), QStringLiteral("(3, 2048)"));
    }

    void featuresOfAnIntermediateLayer()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("mixed.npy"));
        const Run run = runCli({QStringLiteral("features"), QStringLiteral("--random-weights"), QStringLiteral("3"),
                             QStringLiteral("--layer"), QStringLiteral("Mixed_5d"), QStringLiteral("--out"), out,
                             imageFile(QStringLiteral("small.bmp"))});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.err.contains(QStringLiteral("UNTRAINED")));
        QCOMPARE(rs::readNpy(out).shape, (std::vector<std::int64_t>{1, 288}));
    }

    void writesLabelledFeaturesOfAnImageDir()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("data"));
        QCOMPARE(runCli({QStringLiteral("sample-data"), QStringLiteral("--per-class"), QStringLiteral("2"), data}).exitCode, 0);
        const QString out = dir.filePath(QStringLiteral("mixed6e.npy"));
        const Run run = runCli({QStringLiteral("features"), QStringLiteral("--random-weights"), QStringLiteral("3"),
                             QStringLiteral("--layer"), QStringLiteral("Mixed_6e"), QStringLiteral("--image_dir"), data,
                             QStringLiteral("--out"), out});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        // numpy reads both files; the table's rows match the array's and name class and subset.
        QProcess python;
        python.start(rs::test::systemPython(),
                     {QStringLiteral("-c"),
                      QStringLiteral("import numpy, sys\n"
                                     "f = numpy.load(sys.argv[1])\n"
                                     "t = numpy.genfromtxt(sys.argv[2], delimiter='\\t', names=True, dtype=None, encoding='utf-8')\n"
                                     "print(f.shape, len(t), sorted(set(t['class']))[:2], t['label'].max(), t['path'][0].endswith('.png'))"),
                      out, dir.filePath(QStringLiteral("mixed6e.tsv"))});
        QVERIFY(python.waitForFinished(60000));
        QCOMPARE(QString::fromUtf8(python.readAllStandardOutput()).trimmed(),
                 QStringLiteral("(20, 768) 20 ['Ankle_boot', 'Bag'] 9 True"));
        QVERIFY2(QString::fromUtf8(python.readAllStandardError()).isEmpty(), python.readAllStandardError().constData());
    }

    void explainsWhereWeightsGoWhenNoneAreFound()
    {
        QTemporaryDir emptyHome;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("TORCH_HOME"), emptyHome.path());
        const Run run = runCli({QStringLiteral("classify"), imageFile(QStringLiteral("photo.jpg"))}, environment);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(emptyHome.path() + QStringLiteral("/hub/checkpoints/inception_v3_google-0cc3c7bd.pth")),
                 qPrintable(run.err));
        QVERIFY(run.err.contains(QStringLiteral("--random-weights")));
    }

    void classifiesWithTheDefaultWeightsFile()
    {
        QTemporaryDir torchHome;
        QVERIFY(QDir(torchHome.path()).mkpath(QStringLiteral("hub/checkpoints")));
        QVERIFY(QFile::link(referenceFile(QStringLiteral("inception_legacy.pth")),
                            torchHome.filePath(QStringLiteral("hub/checkpoints/inception_v3_google-0cc3c7bd.pth"))));
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("TORCH_HOME"), torchHome.path());
        const Run run = runCli({QStringLiteral("classify"), QStringLiteral("--top"), QStringLiteral("2"),
                             imageFile(QStringLiteral("photo.jpg"))},
                            environment);
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QStringLiteral("(legacy)")) && run.out.contains(QStringLiteral("classified 1 images")),
                 qPrintable(run.out));
    }

    // The main job: folders in, report and export out; a second run reads the cache.
    void trainsPredictsAndEvaluates()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("data"));
        QCOMPARE(runCli({QStringLiteral("sample-data"), QStringLiteral("--per-class"), QStringLiteral("4"), data}).exitCode, 0);
        const QStringList train{QStringLiteral("train"), QStringLiteral("--random-weights"), QStringLiteral("0"),
                                QStringLiteral("--image_dir"), data, QStringLiteral("--how_many_training_steps"), QStringLiteral("40"),
                                QStringLiteral("--bottleneck_dir"), dir.filePath(QStringLiteral("cache")),
                                QStringLiteral("--export"), dir.filePath(QStringLiteral("model")),
                                QStringLiteral("--report"), dir.filePath(QStringLiteral("report.json")),
                                QStringLiteral("--output_labels"), dir.filePath(QStringLiteral("labels.txt")),
                                QStringLiteral("--print_misclassified_test_images")};
        const Run first = runCli(train);
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        QVERIFY2(first.out.contains(QStringLiteral("features: 0 from the cache, 40 computed")), qPrintable(first.out));
        QVERIFY(first.out.contains(QStringLiteral("step 40/40")));
        QVERIFY(first.out.contains(QStringLiteral("misclassified:")));
        QVERIFY(first.out.contains(QStringLiteral("exported to")));

        const QJsonObject report = QJsonDocument::fromJson(rs::test::readAll(dir.filePath(QStringLiteral("report.json")))).object();
        const QJsonObject test = report.value(QStringLiteral("test")).toObject();
        QVERIFY(test.value(QStringLiteral("images")).toInt() > 0);
        QCOMPARE(test.value(QStringLiteral("confusion_matrix")).toArray().size(), 10);
        QCOMPARE(report.value(QStringLiteral("training")).toObject().value(QStringLiteral("curve")).toArray().size(), 1);
        const QJsonObject calibration = report.value(QStringLiteral("calibration")).toObject();
        QVERIFY(calibration.value(QStringLiteral("images")).toInt() > 0);
        QCOMPARE(calibration.value(QStringLiteral("reliability")).toArray().size(), 15);
        QVERIFY(calibration.value(QStringLiteral("nll_after")).toDouble() <= calibration.value(QStringLiteral("nll_before")).toDouble());
        QVERIFY2(first.out.contains(QStringLiteral("calibrated on %1 validation images: temperature ")
                                        .arg(calibration.value(QStringLiteral("images")).toInt())),
                 qPrintable(first.out));
        QCOMPARE(rs::test::readAll(dir.filePath(QStringLiteral("labels.txt"))),
                 rs::test::readAll(dir.filePath(QStringLiteral("model/labels.txt"))));

        const Run second = runCli(train);
        QVERIFY2(second.out.contains(QStringLiteral("features: 40 from the cache, 0 computed")), qPrintable(second.out));

        // lr-find reads the same folders and settings, and the features from the cache.
        QStringList lrFind = train.mid(0, 9); // weights, folders, length and cache; no outputs
        lrFind[0] = QStringLiteral("lr-find");
        const Run sweep = runCli(lrFind + QStringList{QStringLiteral("--json")});
        QVERIFY2(sweep.exitCode == 0, qPrintable(sweep.err));
        const QJsonObject sweepJson = QJsonDocument::fromJson(sweep.out.toUtf8()).object();
        const QJsonArray rates = sweepJson.value(QStringLiteral("learning_rates")).toArray();
        QVERIFY(rates.size() > 10);
        QCOMPARE(rates.first().toDouble(), rs::kSweepFirstRate);
        const double suggested = sweepJson.value(QStringLiteral("suggested_learning_rate")).toDouble();
        QVERIFY(suggested > rates.first().toDouble() && suggested <= rates.last().toDouble());
        const Run sweepText = runCli(lrFind);
        QVERIFY2(sweepText.out.contains(QStringLiteral("suggested learning rate ")), qPrintable(sweepText.out));

        // --tune on the cached features: the trials listed, the winner trained and reported.
        const Run tuned = runCli(train + QStringList{QStringLiteral("--tune")});
        QVERIFY2(tuned.exitCode == 0, qPrintable(tuned.err));
        const int candidates = int(rs::tuningCandidates({}).size());
        QVERIFY2(tuned.out.contains(QStringLiteral("trial %1/%1: ").arg(candidates)), qPrintable(tuned.out));
        const QJsonObject tunedReport = QJsonDocument::fromJson(rs::test::readAll(dir.filePath(QStringLiteral("report.json")))).object();
        const QJsonObject tuning = tunedReport.value(QStringLiteral("tuning")).toObject();
        QCOMPARE(tuning.value(QStringLiteral("trials")).toArray().size(), candidates);
        QCOMPARE(tuning.value(QStringLiteral("scored_on")).toString(), QStringLiteral("3-fold cross-validation")); // 4 per class
        const int best = tuning.value(QStringLiteral("best")).toInt();
        QVERIFY2(tuned.out.contains(QStringLiteral("chose trial %1 of %2").arg(best + 1).arg(candidates)), qPrintable(tuned.out));
        const QJsonObject chosen = tuning.value(QStringLiteral("trials")).toArray()[best].toObject().value(QStringLiteral("settings")).toObject();
        const QJsonObject trained = tunedReport.value(QStringLiteral("training")).toObject();
        for (auto it = chosen.begin(); it != chosen.end(); ++it)
            QVERIFY2(trained.value(it.key()) == it.value(), qPrintable(it.key()));

        const QString image = dir.filePath(QStringLiteral("data/Bag/fmnist_00018.png"));
        const Run predict = runCli({QStringLiteral("predict"), QStringLiteral("--json"), QStringLiteral("--top"), QStringLiteral("2"),
                                 dir.filePath(QStringLiteral("model")), image, dir.filePath(QStringLiteral("data/Coat"))});
        QVERIFY2(predict.exitCode == 0, qPrintable(predict.err));
        const QJsonArray predictions = QJsonDocument::fromJson(predict.out.toUtf8()).array();
        QCOMPARE(predictions.size(), 5); // one image and the four coats
        QCOMPARE(predictions[0].toObject().value(QStringLiteral("path")).toString(), image);
        QCOMPARE(predictions[0].toObject().value(QStringLiteral("top")).toArray().size(), 2);

        const Run evaluate = runCli({QStringLiteral("evaluate"), dir.filePath(QStringLiteral("model")), QStringLiteral("--image_dir"), data,
                                  QStringLiteral("--bottleneck_dir"), dir.filePath(QStringLiteral("cache"))});
        QVERIFY2(evaluate.exitCode == 0, qPrintable(evaluate.err));
        QVERIFY(evaluate.out.startsWith(QStringLiteral("accuracy ")) && evaluate.out.contains(QStringLiteral("on 40 images")));
    }

    // Fine-tuning takes Adam from 0.001 unless an optimizer or a rate is given (core's
    // offerDefaultOptimizer, which the Settings page applies too).
    void fineTuningTrainsWithAdamUnlessARateIsGiven()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("data"));
        QCOMPARE(runCli({QStringLiteral("sample-data"), QStringLiteral("--per-class"), QStringLiteral("3"), data}).exitCode, 0);
        const auto trained = [&](const QStringList &extra) {
            const QString report = dir.filePath(QStringLiteral("report.json"));
            const Run run = runCli(QStringList{QStringLiteral("train"), QStringLiteral("--random-weights"), QStringLiteral("0"),
                                               data + QStringLiteral("/Bag"), data + QStringLiteral("/Coat"),
                                               QStringLiteral("--fine_tune_from"), QStringLiteral("Mixed_7b"),
                                               QStringLiteral("--steps"), QStringLiteral("1"), QStringLiteral("--report"), report}
                                   + extra);
            if (run.exitCode != 0)
                qWarning("%s", qPrintable(run.err));
            return QJsonDocument::fromJson(rs::test::readAll(report)).object().value(QStringLiteral("training")).toObject();
        };
        const QJsonObject byDefault = trained({});
        QCOMPARE(byDefault.value(QStringLiteral("optimizer")).toString(), QStringLiteral("adam"));
        QCOMPARE(byDefault.value(QStringLiteral("base_learning_rate")).toDouble(), rs::kFineTuningBaseRate);
        QCOMPARE(byDefault.value(QStringLiteral("min_learning_rate")).toDouble(), rs::kFineTuningMinimumRate);
        const QJsonObject given = trained({QStringLiteral("--learning_rate"), QStringLiteral("0.05")});
        QCOMPARE(given.value(QStringLiteral("optimizer")).toString(), QStringLiteral("sgd"));
        QCOMPARE(given.value(QStringLiteral("base_learning_rate")).toDouble(), 0.05);
    }

    void refusesToTrainOneClass()
    {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("only")));
        QVERIFY(QFile::copy(imageFile(QStringLiteral("photo.jpg")), dir.filePath(QStringLiteral("only/a.jpg"))));
        const Run run = runCli({QStringLiteral("train"), QStringLiteral("--random-weights"), QStringLiteral("0"),
                             QStringLiteral("--bottleneck_dir"), dir.filePath(QStringLiteral("cache")), dir.path()});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("at least two classes")), qPrintable(run.err));
    }

    void writesSampleDataOnce()
    {
        QTemporaryDir dir;
        const Run first = runCli({QStringLiteral("sample-data"), QStringLiteral("--per-class"), QStringLiteral("2"), dir.path()});
        QCOMPARE(first.exitCode, 0);
        QVERIFY2(first.out.contains(QStringLiteral("10 classes, 20 images written, 0 already there")), qPrintable(first.out));
        const rs::DecodedImage boot = rs::loadImage(dir.filePath(QStringLiteral("Ankle_boot/fmnist_00000.png")));
        QVERIFY2(boot.ok(), qPrintable(boot.error));
        QCOMPARE(boot.image.width, 28);
        const Run second = runCli({QStringLiteral("sample-data"), QStringLiteral("--per-class"), QStringLiteral("2"), dir.path()});
        QVERIFY(second.out.contains(QStringLiteral("0 images written, 20 already there")));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
