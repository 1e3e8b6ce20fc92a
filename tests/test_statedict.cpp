// Reading torch.save files without running them: both serialisations, every tensor layout a
// state dict uses, and hostile, truncated or damaged files refused with a reason.

#include "io/statedict.h"

#include "io/bytereader.h"
#include "testsupport.h"

#include <ATen/Functions.h>

#include <QDir>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using rs::FormatError;
using rs::StateDict;

namespace {

StateDict read(const QByteArray &bytes)
{
    return rs::readStateDict(reinterpret_cast<const std::uint8_t *>(bytes.constData()), std::size_t(bytes.size()));
}

QString errorOf(const QString &path)
{
    try {
        rs::readStateDict(path);
    } catch (const FormatError &e) {
        return QString::fromUtf8(e.what());
    }
    return QString();
}

} // namespace

class TestStateDict : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsBothFormats_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("format");
        QTest::newRow("zip") << "tiny_zip.pth" << "zip";
        QTest::newRow("legacy") << "tiny_legacy.pth" << "legacy";
    }

    void readsBothFormats()
    {
        QFETCH(QString, file);
        QFETCH(QString, format);
        const StateDict dict = rs::readStateDict(rs::test::referenceFile(file));
        QCOMPARE(QString::fromLatin1(rs::formatName(dict.format)), format);
        const QStringList expectedKeys{QStringLiteral("matrix"), QStringLiteral("row_view"), QStringLiteral("transposed"),
                                       QStringLiteral("half"), QStringLiteral("double"), QStringLiteral("counter"),
                                       QStringLiteral("empty")};
        QCOMPARE(int(dict.tensors.size()), expectedKeys.size());
        for (std::size_t i = 0; i < dict.tensors.size(); ++i) {
            const auto &[name, tensor] = dict.tensors[i];
            QCOMPARE(QString::fromStdString(name), expectedKeys[int(i)]);
            const rs::NpyArray expected = rs::test::npy(rs::test::referenceFile(QStringLiteral("tiny_%1.npy").arg(expectedKeys[int(i)])));
            QCOMPARE(tensor.sizes().vec(), expected.shape);
            const at::Tensor values = tensor.to(at::kFloat).contiguous();
            QVERIFY2(std::equal(expected.values.begin(), expected.values.end(), values.data_ptr<float>()), name.c_str());
        }
        QCOMPARE(dict.tensors[3].second.scalar_type(), at::kHalf);
        QCOMPARE(dict.tensors[4].second.scalar_type(), at::kDouble);
        QCOMPARE(dict.tensors[5].second.scalar_type(), at::kLong);
        // Views keep sharing their storage, as in the file.
        QCOMPARE(dict.tensors[1].second.storage().data(), dict.tensors[0].second.storage().data());
    }

    void refusesFilesThatAreNotStateDicts_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("reason");
        QTest::newRow("zip pickle calling os.system") << "evil_zip.pth" << "refusing 'posix.system'";
        QTest::newRow("legacy pickle calling os.system") << "evil_legacy.pth" << "refusing 'posix.system'";
        QTest::newRow("a list of tensors") << "not_a_dict.pth" << "holds no state dict";
        QTest::newRow("keys file") << "inception_keys.txt" << "not a PyTorch weights file";
        QTest::newRow("missing") << "no-such-file.pth" << "cannot open";
    }

    void refusesFilesThatAreNotStateDicts()
    {
        QFETCH(QString, file);
        QFETCH(QString, reason);
        QTemporaryDir workDir;
        const QString previous = QDir::currentPath();
        QDir::setCurrent(workDir.path()); // where the hostile pickle's command would leave its mark
        const QString error = errorOf(rs::test::referenceFile(file));
        QDir::setCurrent(previous);
        QVERIFY2(error.contains(reason), qPrintable(error));
        QVERIFY(!QFile::exists(workDir.filePath(QStringLiteral("pwned-by-pickle"))));
    }

    void refusesEmptyData()
    {
        QVERIFY_THROWS_EXCEPTION(FormatError, read(QByteArray()));
    }

    void everyTruncationIsAnError_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("zip") << "tiny_zip.pth";
        QTest::newRow("legacy") << "tiny_legacy.pth";
    }

    void everyTruncationIsAnError()
    {
        QFETCH(QString, file);
        const QByteArray bytes = rs::test::readAll(rs::test::referenceFile(file));
        for (qsizetype n = 0; n < bytes.size(); ++n) {
            try {
                read(bytes.left(n));
                QFAIL(qPrintable(QStringLiteral("a file cut to %1 bytes was accepted").arg(n)));
            } catch (const FormatError &) {
            }
        }
    }

    // Random damage either leaves a readable file (a changed value in legacy data, which has
    // no checksum) or is reported as FormatError: never a crash, a hang or another exception.
    void damagedFilesFailCleanly_data()
    {
        readsBothFormats_data();
    }

    void damagedFilesFailCleanly()
    {
        QFETCH(QString, file);
        const QByteArray original = rs::test::readAll(rs::test::referenceFile(file));
        QRandomGenerator random(42);
        int refused = 0;
        const int trials = 3000;
        for (int trial = 0; trial < trials; ++trial) {
            QByteArray bytes = original;
            for (int flips = 1 + trial % 3; flips > 0; --flips)
                bytes[random.bounded(int(bytes.size()))] = char(random.bounded(256));
            try {
                read(bytes);
            } catch (const FormatError &) {
                ++refused;
            }
        }
        qInfo("%s: %d of %d damaged copies refused", qPrintable(file), refused, trials);
        QVERIFY(refused > trials / 4);
    }
};

QTEST_GUILESS_MAIN(TestStateDict)
#include "test_statedict.moc"
