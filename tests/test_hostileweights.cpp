// Weight files built to hurt the reader (tests/python/make_hostile_weights.py): tensors reaching
// outside their storage, negative and overflowing sizes, storages claiming more bytes than
// their record or the file holds, missing records, memo references doubling forty times, a
// zip directory claiming 4 GB. Each must be refused, naming the file and the reason, quickly
// and without allocating what it claims.

#include "base/processinfo.h"
#include "io/bytereader.h"
#include "io/statedict.h"
#include "model/backbone.h"
#include "testsupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestHostileWeights : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        const int code = QProcess::execute(rs::test::systemPython(),
                                           {QStringLiteral(RS_SOURCE_DIR "/python/make_hostile_weights.py"), m_dir.path()});
        QCOMPARE(code, 0);
    }

    void everyFileIsRefusedQuickly_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("reason");
        QTest::newRow("size beyond its storage") << "size_beyond_storage" << "tensor reaches past the end of its storage";
        QTest::newRow("negative size") << "negative_size" << "tensor size or stride out of range";
        QTest::newRow("stride beyond its storage") << "stride_beyond_storage" << "tensor reaches past the end of its storage";
        QTest::newRow("offset beyond its storage") << "offset_beyond_storage" << "tensor reaches past the end of its storage";
        QTest::newRow("geometry overflowing 64 bits") << "overflowing_geometry" << "tensor size or stride out of range";
        QTest::newRow("storage claims more than its record") << "storage_claims_more_than_its_record" << "storage '0' is larger than the file";
        QTest::newRow("storage claims exabytes") << "storage_claims_exabytes" << "storage '0' is larger than the file";
        QTest::newRow("missing storage record") << "missing_storage_record" << "storage '0' is missing from the archive";
        QTest::newRow("memo references doubling 40 times") << "memo_doubling" << "state dict entry 'weight' is not a tensor";
        QTest::newRow("zip record claiming 4 GB") << "zip_record_claims_4gb" << "zip entry 'archive/data/0' reaches past the end of the file";
    }

    void everyFileIsRefusedQuickly()
    {
        QFETCH(QString, file);
        QFETCH(QString, reason);
        const QString path = QDir(m_dir.path()).filePath(file + QStringLiteral(".pth"));
        const std::int64_t memoryBefore = rs::peakResidentBytes();
        QElapsedTimer clock;
        clock.start();
        // The reader itself must refuse the file for this reason: its message holds no path, so
        // the reason cannot be matched by the file's own name.
        try {
            rs::readStateDict(path);
            QFAIL("the reader accepted the file");
        } catch (const rs::FormatError &e) {
            const QString message = QString::fromUtf8(e.what());
            qInfo("%s", qPrintable(message));
            QVERIFY2(message.contains(reason), qPrintable(message));
        }
        // Loading weights names the file, then gives the reader's reason.
        try {
            rs::Backbone::fromFile(path);
            QFAIL("the file was accepted");
        } catch (const rs::WeightsError &e) {
            const QString message = QString::fromUtf8(e.what());
            const QString prefix = QDir::toNativeSeparators(path) + QStringLiteral(": ");
            QVERIFY2(message.startsWith(prefix), qPrintable(message));
            QVERIFY2(message.mid(prefix.size()).contains(reason), qPrintable(message));
        }
        QVERIFY(clock.elapsed() < 2000);
        QVERIFY(rs::peakResidentBytes() - memoryBefore < (std::int64_t(256) << 20));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestHostileWeights)
#include "test_hostileweights.moc"
