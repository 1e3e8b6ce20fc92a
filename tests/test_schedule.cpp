// Learning-rate schedules: values at the start, the middle and the last step, worked out by
// hand for BLR = 0.1, MLR = 0.001 and 10 000 steps.

#include "training/schedule.h"

#include <QTest>

using Kind = rs::LearningRateSchedule::Kind;
Q_DECLARE_METATYPE(Kind)

class TestSchedule : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void valuesAtKeySteps_data()
    {
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<double>("first");
        QTest::addColumn<double>("middle"); // step 5000
        QTest::addColumn<double>("last");   // step 9999
        // 0.001 + 0.099 e^-0.5 and 0.001 + 0.099 e^-0.9999
        QTest::newRow("exponential") << Kind::Exponential << 0.1 << 0.0610465353 << 0.0374237069;
        QTest::newRow("constant") << Kind::Constant << 0.1 << 0.1 << 0.1;
        // divided by 10 after 3334 and 6667 steps
        QTest::newRow("step") << Kind::Step << 0.1 << 0.01 << 0.001;
        // cos(pi * 5000 / 9999) = -1.5708e-4
        QTest::newRow("cosine") << Kind::Cosine << 0.1 << 0.0504922238 << 0.001;
        // 0.1 * 0.01^(5000 / 9999)
        QTest::newRow("geometric") << Kind::Geometric << 0.1 << 0.0099976974 << 0.001;
    }

    void valuesAtKeySteps()
    {
        QFETCH(Kind, kind);
        QFETCH(double, first);
        QFETCH(double, middle);
        QFETCH(double, last);
        const rs::LearningRateSchedule s{kind, 0.1, 0.001, 10000};
        QVERIFY(qAbs(s.rateAt(0) - first) < 1e-9);
        QVERIFY2(qAbs(s.rateAt(5000) - middle) < 1e-9, qPrintable(QString::number(s.rateAt(5000), 'g', 12)));
        QVERIFY2(qAbs(s.rateAt(9999) - last) < 1e-9, qPrintable(QString::number(s.rateAt(9999), 'g', 12)));
        for (int i = 1; i < 10000; ++i)
            QVERIFY(s.rateAt(i) <= s.rateAt(i - 1) && s.rateAt(i) >= 0.001 - 1e-15);
    }

    void namesRoundTrip()
    {
        for (const QString &name : rs::LearningRateSchedule::kindNames())
            QCOMPARE(rs::LearningRateSchedule::kindName(*rs::LearningRateSchedule::parseKind(name)), name);
        QVERIFY(!rs::LearningRateSchedule::parseKind(QStringLiteral("linear")));
        QVERIFY(rs::LearningRateSchedule::formulas().contains(QStringLiteral("MLR + (BLR - MLR) * exp(-i / STEPS)")));
    }
};

QTEST_GUILESS_MAIN(TestSchedule)
#include "test_schedule.moc"
