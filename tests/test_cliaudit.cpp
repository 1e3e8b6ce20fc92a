// retrain-cli audit as a user runs it: a sample dataset with a file copied into another class
// and a blank image is reported in the summary and in --json's fields; a project's fixes
// (--project) exclude, relabel and silence what was reviewed, for audit and train alike; bad
// audit options are refused in core's words.

#include "project/project.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointF>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using rs::test::runCli;

class TestCliAudit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void findsACopyAcrossClassesAndABlank()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("data"));
        QCOMPARE(runCli({QStringLiteral("sample-data"), QStringLiteral("--per-class"), QStringLiteral("6"), data}).exitCode, 0);
        const QString copy = data + QStringLiteral("/Coat/copy.png");
        QVERIFY(QFile::copy(QDir(data + QStringLiteral("/Bag")).entryInfoList(QDir::Files, QDir::Name).first().filePath(), copy));
        const QString blank = data + QStringLiteral("/Sandal/blank.png");
        QProcess python;
        python.start(rs::test::systemPython(),
                     {QStringLiteral("-c"),
                      QStringLiteral("import sys; from PIL import Image; Image.new('RGB', (40, 30), (90, 90, 90)).save(sys.argv[1])"),
                      blank});
        QVERIFY(python.waitForFinished(60000) && python.exitCode() == 0);

        const QString json = dir.filePath(QStringLiteral("audit.json"));
        const rs::test::CliRun run = runCli({QStringLiteral("audit"), QStringLiteral("--random-weights"), QStringLiteral("3"),
                                             QStringLiteral("--bottleneck_dir"), dir.filePath(QStringLiteral("cache")),
                                             QStringLiteral("--image_dir"), data, QStringLiteral("--json"), json,
                                             QStringLiteral("--map")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral("duplicates: 1 groups, ")), qPrintable(run.out));
        QVERIFY(run.out.contains(QStringLiteral("1 across classes (conflicts)")));
        QVERIFY(run.out.contains(QDir::toNativeSeparators(blank) + QStringLiteral(": blank")));

        QFile file(json);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject audit = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(audit.value(QStringLiteral("images")).toInt(), 62);
        const QJsonArray groups = audit.value(QStringLiteral("duplicates")).toArray();
        QCOMPARE(groups.size(), 1);
        const QJsonObject group = groups[0].toObject();
        QCOMPARE(group.value(QStringLiteral("kind")).toString(), QStringLiteral("exact"));
        QVERIFY(group.value(QStringLiteral("conflict")).toBool());
        QStringList paths;
        for (const QJsonValue image : group.value(QStringLiteral("images")).toArray())
            paths << image.toObject().value(QStringLiteral("path")).toString();
        QCOMPARE(paths.size(), 2);
        QVERIFY(paths.contains(copy));
        const QJsonArray outliers = audit.value(QStringLiteral("outliers")).toArray();
        QVERIFY(!outliers.isEmpty());
        const QJsonObject first = outliers[0].toObject();
        QCOMPARE(first.value(QStringLiteral("path")).toString(), blank);
        QCOMPARE(first.value(QStringLiteral("reason")).toString(), QStringLiteral("blank"));
        QCOMPARE(first.value(QStringLiteral("class")).toString(), QStringLiteral("Sandal"));
        for (const QJsonValue issue : audit.value(QStringLiteral("label_issues")).toArray())
            QVERIFY(issue.toObject().value(QStringLiteral("given")).toString()
                    != issue.toObject().value(QStringLiteral("suggested")).toString());
        QVERIFY(audit.value(QStringLiteral("estimated_wrong_labels")).isDouble());
        // --map: a point per image; the two copies, with the same features, at the same place.
        const QJsonArray map = audit.value(QStringLiteral("map")).toArray();
        QCOMPARE(map.size(), 62);
        QMap<QString, QPointF> where;
        for (const QJsonValue point : map)
            where.insert(point.toObject().value(QStringLiteral("path")).toString(),
                         {point.toObject().value(QStringLiteral("x")).toDouble(), point.toObject().value(QStringLiteral("y")).toDouble()});
        const QPointF apart = where.value(copy) - where.value(paths.at(paths.indexOf(copy) == 0 ? 1 : 0));
        QVERIFY(std::abs(apart.x()) + std::abs(apart.y()) < 1e-3);
    }

    void honoursTheFixesOfAProject()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("data"));
        QCOMPARE(runCli({QStringLiteral("sample-data"), QStringLiteral("--per-class"), QStringLiteral("6"), data}).exitCode, 0);
        const QString bag = QDir(data + QStringLiteral("/Bag")).entryInfoList(QDir::Files, QDir::Name).first().filePath();
        const QString copy = data + QStringLiteral("/Coat/copy.png");
        QVERIFY(QFile::copy(bag, copy));
        const QString second = QDir(data + QStringLiteral("/Bag")).entryInfoList(QDir::Files, QDir::Name).at(1).filePath();

        rs::Project project;
        project.sources = rs::findClasses({data});
        project.fixes.add({copy, rs::ImageFix::Kind::Exclude, {}});
        project.fixes.add({second, rs::ImageFix::Kind::Relabel, QStringLiteral("Coat")});
        project.fixes.add({bag, rs::ImageFix::Kind::Reviewed, {}});
        const QString projectFile = dir.filePath(QStringLiteral("tidy.rsproject"));
        rs::saveProject(projectFile, project);

        // No folder given: the project's classes are audited.
        const QString cache = dir.filePath(QStringLiteral("cache"));
        const QString json = dir.filePath(QStringLiteral("audit.json"));
        const rs::test::CliRun audit = runCli({QStringLiteral("audit"), QStringLiteral("--random-weights"), QStringLiteral("3"),
                                               QStringLiteral("--bottleneck_dir"), cache, QStringLiteral("--project"),
                                               projectFile, QStringLiteral("--json"), json});
        QVERIFY2(audit.exitCode == 0, qPrintable(audit.err));
        QVERIFY2(audit.out.contains(QStringLiteral("fixes from the project: 1 relabelled, 1 excluded, 1 marked reviewed")),
                 qPrintable(audit.out));
        QVERIFY(audit.out.contains(QStringLiteral("duplicates: 0 groups")));
        QFile file(json);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject found = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(found.value(QStringLiteral("images")).toInt(), 60);
        for (const char *finding : {"label_issues", "outliers"})
            for (const QJsonValue item : found.value(QLatin1String(finding)).toArray())
                QVERIFY(item.toObject().value(QStringLiteral("path")).toString() != bag);

        const QString report = dir.filePath(QStringLiteral("report.json"));
        const rs::test::CliRun train = runCli({QStringLiteral("train"), QStringLiteral("--random-weights"), QStringLiteral("3"),
                                               QStringLiteral("--bottleneck_dir"), cache, QStringLiteral("--steps"),
                                               QStringLiteral("20"), QStringLiteral("--project"), projectFile,
                                               QStringLiteral("--image_dir"), data, QStringLiteral("--report"), report});
        QVERIFY2(train.exitCode == 0, qPrintable(train.err));
        QFile reportFile(report);
        QVERIFY(reportFile.open(QIODevice::ReadOnly));
        const QJsonObject run = QJsonDocument::fromJson(reportFile.readAll()).object();
        const QJsonObject fixes = run.value(QStringLiteral("fixes")).toObject();
        QCOMPARE(fixes.value(QStringLiteral("relabelled")).toInt(), 1);
        QCOMPARE(fixes.value(QStringLiteral("excluded")).toInt(), 1);
        QCOMPARE(fixes.value(QStringLiteral("reviewed")).toInt(), 1);
        QVERIFY(fixes.value(QStringLiteral("stale")).toArray().isEmpty());
        QMap<QString, int> perClass;
        for (const QJsonValue c : run.value(QStringLiteral("classes")).toArray()) {
            const QJsonObject counts = c.toObject();
            perClass[counts.value(QStringLiteral("name")).toString()] = counts.value(QStringLiteral("train")).toInt()
                                                                        + counts.value(QStringLiteral("validation")).toInt()
                                                                        + counts.value(QStringLiteral("test")).toInt();
        }
        QCOMPARE(perClass.value(QStringLiteral("Bag")), 5);
        QCOMPARE(perClass.value(QStringLiteral("Coat")), 7);
    }

    void aProjectThatCannotBeReadIsRefused()
    {
        QTemporaryDir dir;
        const QString projectFile = dir.filePath(QStringLiteral("broken.rsproject"));
        QFile file(projectFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"format\": ");
        file.close();
        const rs::test::CliRun run = runCli({QStringLiteral("audit"), QStringLiteral("--random-weights"), QStringLiteral("3"),
                                             QStringLiteral("--project"), projectFile});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QDir::toNativeSeparators(projectFile) + QStringLiteral(": not JSON")), qPrintable(run.err));
    }

    void refusesBadAuditOptions_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QString>("message");
        QTest::newRow("label score") << QStringList{QStringLiteral("--label-score"), QStringLiteral("entropy")}
                                     << QStringLiteral("--label-score must be self-confidence or margin; got entropy");
        QTest::newRow("similarity") << QStringList{QStringLiteral("--duplicate-similarity"), QStringLiteral("1.5")}
                                    << QStringLiteral("the duplicate similarity must be above 0 and at most 1; got 1.5");
    }

    void refusesBadAuditOptions()
    {
        QFETCH(QStringList, options);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const rs::test::CliRun run = runCli(QStringList{QStringLiteral("audit"), QStringLiteral("--random-weights"),
                                                        QStringLiteral("3"), QStringLiteral("--image_dir"), dir.path()}
                                            + options);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(TestCliAudit)
#include "test_cliaudit.moc"
