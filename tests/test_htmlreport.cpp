// retrain-cli report: a run's report and audit become one HTML page that headless Chromium
// (Debian's chromium) opens offline with every section, every embedded thumbnail decoded and
// nothing on the console; names are escaped, unreadable images named, and what is not a run
// report is refused with the file's name.

#include "evaluation/evaluation.h"
#include "export/htmlreport.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using rs::test::runCli;

namespace {

QJsonObject readObject(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return QJsonDocument::fromJson(file.readAll()).object();
}

// Counts, once the page has loaded, the images the browser decoded, and says so on the console:
// the test's own probe, appended to a copy of the page.
const char *const kProbe = R"(<script>
window.addEventListener('load', () => {
  const images = [...document.images];
  const decoded = images.filter(i => i.complete && i.naturalWidth > 0).length;
  console.log('report-check ' + decoded + ' of ' + images.length);
  document.body.setAttribute('data-decoded', decoded + ' of ' + images.length);
});
</script>)";

} // namespace

class TestHtmlReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aRunsPageOpensInChromium()
    {
        const QString chromium = QStandardPaths::findExecutable(QStringLiteral("chromium"));
        QVERIFY2(!chromium.isEmpty(), "Debian's chromium package is needed (tools/run.sh test installs it)");
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("data"));
        QCOMPARE(runCli({QStringLiteral("sample-data"), QStringLiteral("--per-class"), QStringLiteral("12"), data}).exitCode, 0);
        QVERIFY(QFile::copy(QDir(data + QStringLiteral("/Bag")).entryInfoList(QDir::Files, QDir::Name).first().filePath(),
                            data + QStringLiteral("/Coat/a <copy> & more.png")));
        const QStringList common{QStringLiteral("--random-weights"), QStringLiteral("3"), QStringLiteral("--bottleneck_dir"),
                                 dir.filePath(QStringLiteral("cache")), QStringLiteral("--image_dir"), data};
        const QString report = dir.filePath(QStringLiteral("report.json")), audit = dir.filePath(QStringLiteral("audit.json"));
        QCOMPARE(runCli(QStringList{QStringLiteral("train"), QStringLiteral("--steps"), QStringLiteral("200"),
                                    QStringLiteral("--report"), report} + common).exitCode, 0);
        QCOMPARE(runCli(QStringList{QStringLiteral("audit"), QStringLiteral("--json"), audit} + common).exitCode, 0);
        const QString page = dir.filePath(QStringLiteral("report.html"));
        const rs::test::CliRun run = runCli({QStringLiteral("report"), report, QStringLiteral("--audit"), audit,
                                             QStringLiteral("--html"), page});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(run.out.startsWith(QStringLiteral("report written to ")));

        // Every thumbnail the page should embed: mistakes, label issues, duplicates, outliers.
        const QJsonObject found = readObject(audit);
        int expected = 0;
        for (const QJsonValue p : readObject(report).value(QStringLiteral("test")).toObject().value(QStringLiteral("predictions")).toArray())
            expected += !p.toObject().value(QStringLiteral("correct")).toBool();
        expected = std::min(expected, 48) + std::min(int(found.value(QStringLiteral("label_issues")).toArray().size()), 48)
                   + std::min(int(found.value(QStringLiteral("outliers")).toArray().size()), 48);
        for (const QJsonValue group : found.value(QStringLiteral("duplicates")).toArray())
            expected += int(group.toObject().value(QStringLiteral("images")).toArray().size());
        QVERIFY(expected > 2);

        QFile html(page);
        QVERIFY(html.open(QIODevice::ReadOnly));
        const QByteArray bytes = html.readAll();
        QVERIFY(!bytes.contains("<script")); // the page itself runs nothing
        QVERIFY(!bytes.contains("src=\"http") && !bytes.contains("src=\"file"));
        QVERIFY(!bytes.contains("a <copy> & more"));
        QVERIFY(bytes.contains("a &lt;copy&gt; &amp; more"));
        const QString probed = dir.filePath(QStringLiteral("probed.html"));
        QFile copy(probed);
        QVERIFY(copy.open(QIODevice::WriteOnly));
        copy.write(bytes + kProbe);
        copy.close();

        QProcess browser;
        browser.start(chromium, {QStringLiteral("--headless"), QStringLiteral("--no-sandbox"), QStringLiteral("--disable-gpu"),
                                 QStringLiteral("--user-data-dir=") + dir.filePath(QStringLiteral("profile")),
                                 QStringLiteral("--enable-logging=stderr"), QStringLiteral("--v=0"),
                                 QStringLiteral("--virtual-time-budget=10000"), QStringLiteral("--dump-dom"),
                                 QUrl::fromLocalFile(probed).toString()});
        QVERIFY(browser.waitForFinished(120000));
        const QString dom = QString::fromUtf8(browser.readAllStandardOutput());
        const QString log = QString::fromUtf8(browser.readAllStandardError());
        for (const char *section : {"summary", "dataset", "curves", "confusion", "per-class", "mistakes", "health", "settings"})
            QVERIFY2(dom.contains(QStringLiteral("id=\"%1\"").arg(QLatin1String(section))), section);
        QVERIFY(dom.contains(QStringLiteral("<svg")));
        const QString all = QStringLiteral("%1 of %1").arg(expected);
        QVERIFY2(dom.contains(QStringLiteral("data-decoded=\"%1\"").arg(all)), qPrintable(log));
        // The console holds the probe's line and nothing else: no error, no failed load.
        const QStringList console = log.split(QLatin1Char('\n')).filter(QStringLiteral("CONSOLE"));
        QCOMPARE(console.size(), 1);
        QVERIFY2(console.front().contains(QStringLiteral("report-check ") + all), qPrintable(console.front()));
    }

    void escapesNamesAndNamesUnreadableImages()
    {
        const QStringList classes{QStringLiteral("<b>bold</b>"), QStringLiteral("\"quoted\" & 'single'")};
        const rs::Evaluation evaluation = rs::evaluate(rs::FeatureMatrix{2, 2, {0.2f, 0.8f, 0.6f, 0.4f}}, {0, 1},
                                                       {QStringLiteral("/nowhere/gone.jpg"), QStringLiteral("/nowhere/also.jpg")});
        const QJsonObject report{
            {QStringLiteral("classes"), QJsonArray{QJsonObject{{QStringLiteral("name"), classes[0]}},
                                                   QJsonObject{{QStringLiteral("name"), classes[1]}}}},
            {QStringLiteral("test"), rs::toJson(evaluation, classes)}};
        const QString page = QString::fromUtf8(rs::htmlReport(report));
        QVERIFY(!page.contains(QStringLiteral("<b>bold")));
        QVERIFY(page.contains(QStringLiteral("&lt;b&gt;bold&lt;/b&gt;")));
        QVERIFY(page.contains(QStringLiteral("&quot;quoted&quot; &amp; &#39;single&#39;")));
        QCOMPARE(page.count(QStringLiteral("(not readable)")), 2); // both were misclassified
        QVERIFY(page.contains(QStringLiteral("Misclassified test images: 2")));
    }

    void refusesWhatIsNotARunReport()
    {
        QTemporaryDir dir;
        const QString audit = dir.filePath(QStringLiteral("audit.json"));
        QFile file(audit);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"label_issues": [], "duplicates": []})");
        file.close();
        const QString out = dir.filePath(QStringLiteral("out.html"));
        rs::test::CliRun run = runCli({QStringLiteral("report"), audit, QStringLiteral("--html"), out});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QDir::toNativeSeparators(audit) + QStringLiteral(": not a training run's report")),
                 qPrintable(run.err));
        QVERIFY(!QFile::exists(out));
        run = runCli({QStringLiteral("report"), audit});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(QStringLiteral("--html FILE")));
        run = runCli({QStringLiteral("report"), dir.filePath(QStringLiteral("missing.json")), QStringLiteral("--html"), out});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains(QDir::toNativeSeparators(dir.filePath(QStringLiteral("missing.json")))));
    }
};

QTEST_GUILESS_MAIN(TestHtmlReport)
#include "test_htmlreport.moc"
