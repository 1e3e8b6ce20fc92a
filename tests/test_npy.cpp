// .npy files: our reader and writer agree, NumPy reads what we write, bad files are refused.

#include "io/npy.h"
#include "testsupport.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

// A version 1.0 file with the given header and four bytes of data.
QByteArray withHeader(const QByteArray &header)
{
    const auto length = std::uint16_t(header.size());
    return QByteArray("\x93NUMPY\x01", 7) + QByteArray(1, '\0')
        + QByteArray(reinterpret_cast<const char *>(&length), 2) + header + QByteArray(4, '\0');
}

} // namespace

class TestNpy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrips_data()
    {
        QTest::addColumn<std::vector<std::int64_t>>("shape");
        QTest::newRow("vector") << std::vector<std::int64_t>{5};
        QTest::newRow("matrix") << std::vector<std::int64_t>{3, 4};
        QTest::newRow("no rows") << std::vector<std::int64_t>{0, 2048};
        QTest::newRow("4-d") << std::vector<std::int64_t>{2, 3, 2, 2};
    }

    void roundTrips()
    {
        QFETCH(std::vector<std::int64_t>, shape);
        rs::NpyArray a{shape, {}};
        std::int64_t n = 1;
        for (auto d : shape)
            n *= d;
        for (std::int64_t i = 0; i < n; ++i)
            a.values.push_back(float(i) * 0.25f - 3.0f);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.npy"));
        rs::writeNpy(path, a);
        QCOMPARE(rs::test::readAll(path).size() % 64, (n * 4) % 64); // the header is padded to 64 bytes
        const rs::NpyArray b = rs::readNpy(path);
        QCOMPARE(b.shape, a.shape);
        QCOMPARE(b.values, a.values);
    }

    void numpyReadsWhatWeWrite()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("features.npy"));
        rs::writeNpy(path, {{2, 3}, {1, 2, 3, 4, 5, 6.5f}});
        QProcess python;
        python.start(rs::test::systemPython(),
                     {QStringLiteral("-c"),
                      QStringLiteral("import numpy, sys; a = numpy.load(sys.argv[1]); print(a.dtype, a.shape, a[1, 2])"),
                      path});
        QVERIFY(python.waitForFinished(60000));
        QCOMPARE(python.exitCode(), 0);
        QCOMPARE(QString::fromUtf8(python.readAllStandardOutput()).trimmed(), QStringLiteral("float32 (2, 3) 6.5"));
    }

    void refusesBadFiles_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("reason");
        QTest::newRow("not npy") << QByteArray("hello") << "not a .npy file";
        QTest::newRow("big-endian")
            << withHeader("{'descr': '>f4', 'fortran_order': False, 'shape': (1,), }") << "only little-endian";
        QTest::newRow("short data")
            << withHeader("{'descr': '<f4', 'fortran_order': False, 'shape': (9,), }") << "shorter than its shape";
    }

    void refusesBadFiles()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.npy"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
        file.close();
        try {
            rs::readNpy(path);
            QFAIL("accepted");
        } catch (const rs::NpyError &e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(reason) && QString::fromUtf8(e.what()).startsWith(path), e.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestNpy)
#include "test_npy.moc"
