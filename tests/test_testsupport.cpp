// The test helpers that other tests' verdicts rest on: a helper that cannot fail makes
// every test using it unable to fail.

#include "testsupport.h"

#include <QTest>

#include <cmath>
#include <limits>

class TestTestSupport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void compareMeasuresTheLargestDifference()
    {
        const float actual[] = {1.0f, 2.5f, -3.0f}, expected[] = {1.0f, 2.0f, -4.0f};
        const rs::test::Difference d = rs::test::compare(actual, expected, 3);
        QCOMPARE(d.maxAbs, 1.0);
        QCOMPARE(d.scale, 4.0);
        QCOMPARE(d.relative(), 0.25);
    }

    void compareFailsOnNonFiniteValues_data()
    {
        QTest::addColumn<float>("actual");
        QTest::addColumn<float>("expected");
        const float nan = std::numeric_limits<float>::quiet_NaN(), inf = std::numeric_limits<float>::infinity();
        QTest::newRow("NaN computed") << nan << 1.0f;
        QTest::newRow("NaN expected") << 1.0f << nan;
        QTest::newRow("both NaN") << nan << nan;
        QTest::newRow("infinity computed") << inf << 1.0f;
        QTest::newRow("both minus infinity") << -inf << -inf;
    }

    void compareFailsOnNonFiniteValues()
    {
        QFETCH(float, actual);
        QFETCH(float, expected);
        // The odd value sits between ordinary ones, where a running maximum would skip it.
        const float a[] = {0.5f, actual, 0.25f}, e[] = {0.5f, expected, 0.25f};
        const rs::test::Difference d = rs::test::compare(a, e, 3);
        QVERIFY(std::isinf(d.relative()));
        QVERIFY(!(d.relative() < 1e30)); // fails every tolerance a test could give
    }
};

QTEST_GUILESS_MAIN(TestTestSupport)
#include "test_testsupport.moc"
