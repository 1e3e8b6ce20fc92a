// A folder nobody tidied, built at test time: every kind of file a user's photo folders may
// hold beside their images. Each must be decoded correctly or skipped with its reason, and
// nothing may block, hang or end the run: FIFOs, device links and symlink loops included.

#include "data/dataset.h"
#include "features/extraction.h"
#include "testsupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

#include <algorithm>
#include <map>

using rs::test::imageFile;

namespace {

// What must become of a file: decoded, or skipped with a reason containing this text.
const QString kDecoded = QStringLiteral("decoded");

class Corpus
{
public:
    explicit Corpus(const QString &root) : m_root(root) {}

    void copy(const QString &to, const char *from, const QString &outcome = kDecoded)
    {
        QVERIFY(QFile::copy(imageFile(QLatin1String(from)), path(to)));
        expect(to, outcome);
    }
    void write(const QString &to, const QByteArray &bytes, const QString &outcome)
    {
        QFile file(path(to));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
        expect(to, outcome);
    }
    void fifo(const QString &to)
    {
        QCOMPARE(::mkfifo(QFile::encodeName(path(to)).constData(), 0600), 0);
        expect(to, QStringLiteral("not a regular file"));
    }
    void link(const QString &to, const QString &target, const QString &outcome)
    {
        QVERIFY(QFile::link(target, path(to)));
        expect(to, outcome);
    }
    // A folder, whatever its name, is searched, never read as an image or listed as skipped.
    void folder(const QString &name)
    {
        QVERIFY(QDir(m_root).mkpath(name));
        m_folders << path(name);
    }
    const QStringList &folders() const { return m_folders; }

    QString path(const QString &relative) const { return QDir(m_root).filePath(relative); }
    const std::map<QString, QString> &expected() const { return m_expected; }

private:
    void expect(const QString &relative, const QString &outcome) { m_expected[path(relative)] = outcome; }

    QString m_root;
    std::map<QString, QString> m_expected;
    QStringList m_folders;
};

} // namespace

class TestHostileFolders : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyFileIsDecodedOrSkippedWithItsReason()
    {
        QTemporaryDir dir;
        Corpus c(dir.path());
        c.folder(QStringLiteral("cats"));
        c.folder(QStringLiteral("dogs"));
        c.folder(QStringLiteral("empty class"));
        // Names: spaces, emoji, CJK, a leading dash, a newline, the longest a name can be.
        c.copy(QStringLiteral("cats/with space.jpg"), "photo.jpg");
        c.copy(QStringLiteral("cats/emoji 🐱.png"), "wide_photo.png");
        c.copy(QStringLiteral("cats/猫の写真.bmp"), "small.bmp");
        c.copy(QStringLiteral("cats/-leading-dash.png"), "gray.png");
        c.copy(QStringLiteral("cats/new\nline.png"), "alpha.png");
        c.copy(QStringLiteral("cats/") + QString(251, QLatin1Char('a')) + QStringLiteral(".png"), "palette.png");
        // Formats and their variants.
        c.copy(QStringLiteral("cats/16-bit.png"), "deep16.png");
        c.copy(QStringLiteral("cats/cmyk.jpg"), "cmyk.jpg");
        c.copy(QStringLiteral("cats/exif-rotated.JPG"), "rotated.jpg");
        c.copy(QStringLiteral("cats/lossless.webp"), "lossless.webp");
        c.copy(QStringLiteral("cats/pages.tiff"), "multipage.tif");
        c.copy(QStringLiteral("cats/a png named.jpg"), "wide_photo.png"); // mislabelled: decoded by its content
        // Broken files.
        c.write(QStringLiteral("cats/zero bytes.jpg"), {}, QStringLiteral("the file is empty"));
        c.write(QStringLiteral("cats/cut.jpg"), rs::test::readAll(imageFile(QStringLiteral("photo.jpg"))).left(3000),
                QStringLiteral("truncated JPEG"));
        c.write(QStringLiteral("cats/notes.png"), "shopping list\n", QStringLiteral("not an image"));
        c.write(QStringLiteral("cats/bomb.png"), rs::test::pngDeclaring(40000), QStringLiteral("declares 40000 × 40000 pixels"));
        // A kilobyte of Radiance HDR, which OpenCV would decode into a 12 GB buffer.
        c.write(QStringLiteral("cats/radiance.jpg"), QByteArray("#?RADIANCE\nFORMAT=32-bit_rle_rgbe\n\n-Y 32000 +X 32000\n") + QByteArray(1000, '\0'),
                QStringLiteral("not an image in a format this tool reads"));
        c.copy(QStringLiteral("cats/animated.gif"), "animated.gif", QStringLiteral("not an image file type"));
        c.copy(QStringLiteral("cats/.hidden.png"), "photo.jpg", QStringLiteral("hidden file"));
        // Things that are not files: none may block the scan or the read.
        c.fifo(QStringLiteral("cats/pipe.jpg"));
        c.link(QStringLiteral("cats/endless.png"), QStringLiteral("/dev/zero"), QStringLiteral("not a regular file"));
        const QString notFollowed = QStringLiteral("a link to a folder, not followed");
        c.link(QStringLiteral("cats/loop"), QStringLiteral("."), notFollowed);
        c.link(QStringLiteral("cats/up"), QStringLiteral(".."), notFollowed); // would pull the dogs in as cats
        c.link(QStringLiteral("cats/nowhere.jpg"), QStringLiteral("no such target"), QStringLiteral("cannot open"));
        c.link(QStringLiteral("cats/linked photo.jpg"), imageFile(QStringLiteral("photo.jpg")), kDecoded);
        c.folder(QStringLiteral("cats/a folder.jpg"));
        c.copy(QStringLiteral("cats/a folder.jpg/inside.png"), "gray.png");
        c.copy(QStringLiteral("dogs/dog.jpg"), "rotated.jpg");

        QElapsedTimer clock;
        clock.start();
        const rs::Dataset dataset = rs::scanDataset({dir.path()});
        QStringList paths;
        for (const rs::ImageEntry &image : dataset.images)
            paths << image.path;
        const rs::ExtractionResult result = rs::extractFeatures(rs::Backbone::untrained(2), paths);
        qInfo("%zu files tried: %lld decoded, %lld skipped at extraction, %lld at the scan, in %lld ms",
              c.expected().size(), qlonglong(result.features.rows), qlonglong(result.errors.size()),
              qlonglong(dataset.skipped.size()), clock.elapsed());
        QVERIFY(clock.elapsed() < 60000);

        QStringList decoded, reasons = dataset.skipped + result.errors;
        for (int index : result.sourceIndex)
            decoded << paths[index];
        for (const auto &[path, outcome] : c.expected()) {
            if (outcome == kDecoded) {
                QVERIFY2(decoded.contains(path), qPrintable(path));
                continue;
            }
            const auto reason = std::find_if(reasons.begin(), reasons.end(), [&](const QString &r) {
                return r.startsWith(QDir::toNativeSeparators(path) + QStringLiteral(": ")) || r.startsWith(path + QStringLiteral(": "));
            });
            QVERIFY2(reason != reasons.end(), qPrintable(QStringLiteral("no reason given for ") + path));
            QVERIFY2(reason->contains(outcome), qPrintable(*reason));
        }
        for (const QString &folder : c.folders()) {
            QVERIFY2(!paths.contains(folder), qPrintable(folder + QStringLiteral(" was taken as an image")));
            for (const QString &reason : reasons)
                QVERIFY2(!reason.startsWith(folder + QStringLiteral(": ")), qPrintable(reason));
        }
        QVERIFY(dataset.skipped.filter(QStringLiteral("empty class: class folder holds no images")).size() == 1);
        // Every image counted once, in its own class.
        const auto decodable = std::count_if(c.expected().begin(), c.expected().end(),
                                             [](const auto &entry) { return entry.second == kDecoded; });
        QCOMPARE(result.features.rows, std::int64_t(decodable));
        QCOMPARE(dataset.classes, (QStringList{QStringLiteral("cats"), QStringLiteral("dogs")}));
    }
};

QTEST_GUILESS_MAIN(TestHostileFolders)
#include "test_hostilefolders.moc"
