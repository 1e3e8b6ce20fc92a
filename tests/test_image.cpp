// Image decoding and preprocessing against torchvision's own preprocessing of the same files
// (see tests/python/make_images.py), and clear errors for files that are not usable images.

#include "backbone.h"
#include "image.h"
#include "preprocess.h"
#include "testsupport.h"

#include <QTest>

using rs::test::imageFile;

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
