// Image decoding and preprocessing against torchvision's own preprocessing of the same files
// (see tests/python/make_images.py), and clear errors for files that are not usable images.

#include "images/image.h"
#include "images/imageheader.h"
#include "images/preprocess.h"
#include "model/backbone.h"
#include "testsupport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

#include <chrono>

using rs::test::imageFile;

namespace {

QByteArray le32(std::uint32_t v)
{
    return QByteArray(reinterpret_cast<const char *>(&v), 4);
}

QByteArray be16(int v)
{
    const char bytes[2] = {char(v >> 8), char(v & 0xff)};
    return QByteArray(bytes, 2);
}

QByteArray le16(int v)
{
    const char bytes[2] = {char(v & 0xff), char(v >> 8)};
    return QByteArray(bytes, 2);
}

// A few hundred bytes whose header claims `side` x `side` pixels, in each format.
QByteArray giant(const QString &format, std::uint32_t side)
{
    const QByteArray tail(200, '\x55');
    if (format == QLatin1String("png"))
        return rs::test::pngDeclaring(side);
    if (format == QLatin1String("jpeg"))
        return QByteArray("\xff\xd8\xff\xc0\x00\x11\x08", 7) + be16(side) + be16(side) + tail;
    if (format == QLatin1String("bmp"))
        return QByteArray("BM") + QByteArray(16, '\0') + le32(side) + le32(side) + tail;
    if (format == QLatin1String("gif"))
        return QByteArray("GIF89a") + le16(side) + le16(side) + tail;
    if (format == QLatin1String("webp"))
        return QByteArray("RIFF") + le32(300) + QByteArray("WEBPVP8X") + le32(10) + QByteArray(4, '\0')
            + le32(side - 1).left(3) + le32(side - 1).left(3) + tail;
    // TIFF: one directory with ImageWidth and ImageLength as LONGs.
    auto entry = [](int tag, std::uint32_t value) -> QByteArray { return le16(tag) + le16(4) + le32(1) + le32(value); };
    return QByteArray("II*\0", 4) + le32(8) + le16(2) + entry(256, side) + entry(257, side) + le32(0) + tail;
}

} // namespace

class TestImage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchesTorchvisionPreprocessing_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<double>("tolerance");
        // Our resampler reproduces PIL's fixed-point arithmetic and both decoders use Debian's
        // libjpeg-turbo, libpng and libwebp, so results agree to float rounding (v / 127.5 - 1
        // against torchvision's normalise-then-transform_input), i.e. ~1e-6.
        const double exact = 1e-5;
        QTest::newRow("jpeg") << "photo.jpg" << 640 << 480 << exact;
        QTest::newRow("wide png") << "wide_photo.png" << 1200 << 300 << exact;
        QTest::newRow("small bmp, enlarged") << "small.bmp" << 50 << 40 << exact;
        QTest::newRow("grey png") << "gray.png" << 300 << 200 << exact;
        QTest::newRow("png with alpha") << "alpha.png" << 320 << 240 << exact;
        QTest::newRow("palette png") << "palette.png" << 200 << 260 << exact;
        QTest::newRow("16-bit grey png") << "deep16.png" << 280 << 210 << exact;
        QTest::newRow("lossless webp") << "lossless.webp" << 330 << 310 << exact;
        QTest::newRow("tiff") << "tiff_image.tif" << 160 << 120 << exact;
        QTest::newRow("multi-page tiff: its first page") << "multipage.tif" << 200 << 150 << exact;
        QTest::newRow("non-ASCII file name") << "猫 の写真.png" << 310 << 305 << exact;
        QTest::newRow("EXIF rotated jpeg") << "rotated.jpg" << 300 << 400 << exact;
        // Decoded at a reduced size by libjpeg's scaled IDCT, as PIL's draft mode does.
        QTest::newRow("large jpeg, decoded at 1/4") << "large_photo.jpg" << 400 << 300 << exact;
        QTest::newRow("huge jpeg, decoded at 1/8") << "huge_photo.jpg" << 325 << 313 << exact;
        QTest::newRow("large EXIF rotated jpeg, decoded at 1/2") << "large_rotated.jpg" << 350 << 650 << exact;
        // PIL and OpenCV convert CMYK to RGB with different formulas; 1/127.5 is one level.
        QTest::newRow("cmyk jpeg") << "cmyk.jpg" << 240 << 180 << 3 / 127.5;
    }

    void matchesTorchvisionPreprocessing()
    {
        QFETCH(QString, file);
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(double, tolerance);
        const rs::DecodedImage decoded = rs::loadImage(imageFile(file), rs::Backbone::kInputSize);
        QVERIFY2(decoded.ok(), qPrintable(decoded.error));
        QCOMPARE(decoded.image.width, width);
        QCOMPARE(decoded.image.height, height);

        const std::vector<float> input = rs::networkInput(decoded.image, rs::Backbone::kInputSize);
        const rs::NpyArray expected = rs::test::npy(imageFile(file + QStringLiteral(".npy")));
        QCOMPARE(expected.shape, (std::vector<std::int64_t>{3, 299, 299}));
        QCOMPARE(input.size(), expected.values.size());
        const double error = rs::test::compare(input.data(), expected.values.data(), input.size()).maxAbs;
        qInfo("%s: max abs difference %.2e", qPrintable(file), error);
        QVERIFY2(error <= tolerance, qPrintable(QString::number(error)));
    }

    // Without a size to reach, every image is decoded whole.
    void decodesWholeWithoutATargetSize()
    {
        QCOMPARE(rs::loadImage(imageFile(QStringLiteral("huge_photo.jpg"))).image.width, 2600);
        QCOMPARE(rs::loadImage(imageFile(QStringLiteral("large_rotated.jpg"))).image.height, 1300);
        QCOMPARE(rs::loadImage(imageFile(QStringLiteral("large_photo.jpg")), 1000).image.width, 1600);
    }

    // The header parser agrees with the decoders on every test image (EXIF rotation aside).
    void headersDeclareTheDecodedSize()
    {
        for (const char *name : {"photo.jpg", "wide_photo.png", "small.bmp", "gray.png", "alpha.png", "palette.png", "deep16.png",
                                 "lossless.webp", "tiff_image.tif", "cmyk.jpg", "large_photo.jpg", "huge_photo.jpg"}) {
            const QByteArray bytes = rs::test::readAll(imageFile(QLatin1String(name)));
            const std::optional<rs::DeclaredSize> declared = rs::declaredImageSize(bytes);
            QVERIFY2(declared, name);
            const rs::DecodedImage decoded = rs::decodeImage(bytes, QLatin1String(name));
            QCOMPARE(declared->width, decoded.image.width);
            QCOMPARE(declared->height, decoded.image.height);
        }
        QVERIFY(!rs::declaredImageSize("not an image"));
        QVERIFY(!rs::declaredImageSize(QByteArray("\x89PNG\r\n\x1a\n", 8))); // cut before IHDR
    }

    void refusesDeclaredGiantsBeforeDecoding_data()
    {
        QTest::addColumn<QString>("format");
        for (const char *format : {"png", "jpeg", "bmp", "gif", "webp", "tiff"})
            QTest::newRow(format) << QString::fromLatin1(format);
    }

    void refusesDeclaredGiantsBeforeDecoding()
    {
        QFETCH(QString, format);
        const QByteArray bytes = giant(format, 40000);
        QVERIFY(bytes.size() < 1000);
        const auto started = std::chrono::steady_clock::now();
        const rs::DecodedImage decoded = rs::decodeImage(bytes, QStringLiteral("bomb"));
        QVERIFY(std::chrono::steady_clock::now() - started < std::chrono::milliseconds(100));
        QVERIFY2(decoded.error.contains(QStringLiteral("declares 40000 × 40000 pixels, more than the limit of 179 megapixels")),
                 qPrintable(decoded.error));
    }

    // Found by fuzz_image: PNG and TIFF sides are 32-bit, so their product can pass 64 signed
    // bits; it wrapped to a negative pixel count that passed the limit.
    void refusesSidesWhoseProductOverflows_data()
    {
        QTest::addColumn<QString>("format");
        QTest::newRow("png") << QStringLiteral("png");
        QTest::newRow("tiff") << QStringLiteral("tiff");
    }

    void refusesSidesWhoseProductOverflows()
    {
        QFETCH(QString, format);
        const rs::DecodedImage decoded = rs::decodeImage(giant(format, 0xffffffffu), QStringLiteral("bomb"));
        QVERIFY2(decoded.error.contains(QStringLiteral("declares 4294967295 × 4294967295 pixels")), qPrintable(decoded.error));
    }

    // OpenCV reads more formats than the scan collects, and checks their sizes only against a
    // gigapixel: found by fuzz_image, a kilobyte of HDR named .jpg made it allocate 12 GB.
    void decodesOnlyFormatsWhoseHeaderIsChecked_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        const QByteArray pad(1000, '\0');
        QTest::newRow("radiance hdr") << QByteArray("#?RADIANCE\nFORMAT=32-bit_rle_rgbe\n\n-Y 32000 +X 32000\n") + pad;
        QTest::newRow("binary ppm") << QByteArray("P6\n32768 32767\n255\n") + pad;
        QTest::newRow("sun raster") << QByteArray("\x59\xa6\x6a\x95\x00\x00\x7d\x00\x00\x00\x7d\x00\x00\x00\x00\x18", 16) + pad;
        QTest::newRow("bigtiff") << QByteArray("II+\0\x08\0\0\0", 8) + pad;
    }

    void decodesOnlyFormatsWhoseHeaderIsChecked()
    {
        QFETCH(QByteArray, bytes);
        const auto started = std::chrono::steady_clock::now();
        const rs::DecodedImage decoded = rs::decodeImage(bytes, QStringLiteral("photo.jpg"));
        QVERIFY(std::chrono::steady_clock::now() - started < std::chrono::milliseconds(100));
        QVERIFY2(decoded.error.startsWith(QStringLiteral("photo.jpg: not an image in a format this tool reads")), qPrintable(decoded.error));
    }

    // A bitmap with OS/2's 12-byte header keeps its sides in 16 bits: read as 32-bit, they
    // made a small image look like a giant.
    void decodesOs2Bitmaps()
    {
        QByteArray bmp = QByteArray("BM") + le32(26 + 2 * 12) + le32(0) + le32(26) // file header
                         + le32(12) + le16(3) + le16(2) + le16(1) + le16(24);      // OS/2 1.x header
        for (int row = 0; row < 2; ++row) { // bottom row first, blue-green-red, padded to 4 bytes
            for (int column = 0; column < 3; ++column)
                bmp += QByteArray(1, char(column * 50)) + QByteArray(1, char(row * 100)) + QByteArray(1, char(200));
            bmp += QByteArray(3, '\0');
        }
        QCOMPARE(rs::declaredImageSize(bmp)->width, 3);
        const rs::DecodedImage decoded = rs::decodeImage(bmp, QStringLiteral("os2.bmp"));
        QVERIFY2(decoded.ok(), qPrintable(decoded.error));
        QCOMPARE(decoded.image.height, 2);
        const std::vector<std::uint8_t> topRight(decoded.image.pixels.begin() + 6, decoded.image.pixels.begin() + 9);
        QCOMPARE(topRight, (std::vector<std::uint8_t>{200, 100, 100}));
    }

    void pixelLimitIsConfigurable()
    {
        const QString photo = imageFile(QStringLiteral("photo.jpg"));
        rs::setMaxImagePixels(640 * 480 - 1);
        const rs::DecodedImage refused = rs::loadImage(photo);
        rs::setMaxImagePixels(640 * 480);
        const rs::DecodedImage accepted = rs::loadImage(photo);
        rs::setMaxImagePixels(rs::kDefaultMaxImagePixels);
        QVERIFY2(refused.error.contains(QStringLiteral("declares 640 × 480 pixels")), qPrintable(refused.error));
        QVERIFY(accepted.ok());
    }

    // A FIFO would block a reader until a writer came; a device would never end.
    void readsRegularFilesOnly()
    {
        QTemporaryDir dir;
        const QString fifo = dir.filePath(QStringLiteral("pipe.jpg"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        const QString device = dir.filePath(QStringLiteral("zero.png"));
        QVERIFY(QFile::link(QStringLiteral("/dev/zero"), device));
        for (const QString &path : {fifo, device}) {
            QString error;
            QVERIFY(rs::readImageFile(path, error).isEmpty());
            QVERIFY2(error.contains(QStringLiteral("not a regular file")), qPrintable(error));
        }
    }

    void unusableFilesNameTheFileAndReason_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("reason");
        QTest::newRow("empty") << "empty.jpg" << "the file is empty";
        QTest::newRow("truncated jpeg") << "truncated.jpg" << "truncated JPEG";
        QTest::newRow("truncated png") << "truncated.png" << "not an image";
        QTest::newRow("text") << "notes.png" << "not an image";
        QTest::newRow("missing") << "no such file.jpg" << "cannot open";
    }

    void unusableFilesNameTheFileAndReason()
    {
        QFETCH(QString, file);
        QFETCH(QString, reason);
        const rs::DecodedImage decoded = rs::loadImage(imageFile(file));
        QVERIFY(!decoded.ok());
        QVERIFY2(decoded.error.startsWith(imageFile(file) + QStringLiteral(": ")), qPrintable(decoded.error));
        QVERIFY2(decoded.error.contains(reason), qPrintable(decoded.error));
    }

    void resizeKeepsSameSizeImagesUnchanged()
    {
        rs::RgbImage image{4, 3, {}};
        for (int i = 0; i < 4 * 3 * 3; ++i)
            image.pixels.push_back(std::uint8_t(i * 7));
        QCOMPARE(rs::resizeBilinear(image, 4, 3).pixels, image.pixels);
    }

    void resizeOfAFlatImageIsFlat()
    {
        const rs::RgbImage flat{997, 13, std::vector<std::uint8_t>(997 * 13 * 3, 200)};
        const rs::RgbImage out = rs::resizeBilinear(flat, 299, 299);
        QCOMPARE(out.pixels, std::vector<std::uint8_t>(299 * 299 * 3, 200));
    }
};

QTEST_GUILESS_MAIN(TestImage)
#include "test_image.moc"
