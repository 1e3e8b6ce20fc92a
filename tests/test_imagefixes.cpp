// Fixes to single images: the latest fix of an image counts and undo takes it back; applied
// to a scan, relabelled images keep their subset, excluded ones leave, fixes that no longer
// fit are listed rather than applied, and the warnings follow the fixed counts.

#include "data/imagefixes.h"

#include <QTest>

namespace {

using Kind = rs::ImageFix::Kind;

QString path(const char *name)
{
    return QStringLiteral("/data/") + QLatin1String(name);
}

// Three classes of 20 images; image i of class c is /data/<class>/<i>.jpg, every fifth in test.
rs::Dataset dataset()
{
    rs::Dataset d;
    d.classes = QStringList{QStringLiteral("ants"), QStringLiteral("bees"), QStringLiteral("wasps")};
    for (int c = 0; c < 3; ++c)
        for (int i = 0; i < 20; ++i)
            d.images.push_back({QStringLiteral("/data/%1/%2.jpg").arg(d.classes[c]).arg(i, 2, 10, QLatin1Char('0')), c,
                                i % 5 == 0 ? rs::Subset::Test : rs::Subset::Train});
    return d;
}

} // namespace

class TestImageFixes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theLatestFixCountsAndUndoTakesItBack()
    {
        rs::ImageFixes fixes;
        QVERIFY(!fixes.undo());
        fixes.add({path("a.jpg"), Kind::Relabel, QStringLiteral("bees")});
        fixes.add({path("b.jpg"), Kind::Exclude, {}});
        fixes.add({path("a.jpg"), Kind::Reviewed, {}});
        QCOMPARE(fixes.find(path("a.jpg"))->kind, Kind::Reviewed);
        QCOMPARE(fixes.find(path("c.jpg")), nullptr);
        const std::vector<rs::ImageFix> current = fixes.current();
        QCOMPARE(current.size(), std::size_t(2));
        QCOMPARE(current[0].path, path("b.jpg"));
        QCOMPARE(current[1].path, path("a.jpg"));
        QCOMPARE(current[1].kind, Kind::Reviewed);

        QVERIFY(fixes.undo());
        QCOMPARE(fixes.find(path("a.jpg"))->kind, Kind::Relabel);
        QCOMPARE(fixes.history().size(), std::size_t(2));
        QVERIFY(fixes.undo());
        QVERIFY(fixes.undo());
        QVERIFY(fixes.empty());
    }

    void kindNamesRoundTrip()
    {
        for (Kind kind : {Kind::Relabel, Kind::Exclude, Kind::Reviewed})
            QCOMPARE(rs::parseFixKind(QLatin1String(rs::fixKindName(kind))), kind);
        QVERIFY(!rs::parseFixKind(QStringLiteral("delete")));
    }

    void appliedToAScan()
    {
        rs::Dataset d = dataset();
        const QString movedAnt = QStringLiteral("/data/ants/05.jpg"); // a test image
        rs::ImageFixes fixes;
        fixes.add({movedAnt, Kind::Relabel, QStringLiteral("wasps")});
        fixes.add({QStringLiteral("/data/bees/03.jpg"), Kind::Exclude, {}});
        fixes.add({QStringLiteral("/data/bees/04.jpg"), Kind::Reviewed, {}});
        fixes.add({QStringLiteral("/data/bees/06.jpg"), Kind::Relabel, QStringLiteral("bees")}); // its own class
        fixes.add({QStringLiteral("/data/gone.jpg"), Kind::Exclude, {}});
        fixes.add({QStringLiteral("/data/ants/07.jpg"), Kind::Relabel, QStringLiteral("hornets")});

        const rs::FixesApplied applied = rs::applyFixes(d, fixes);
        QCOMPARE(applied.relabelled, 1);
        QCOMPARE(applied.excluded, 1);
        QCOMPARE(applied.reviewed, 1);
        QCOMPARE(applied.stale,
                 (QStringList{QStringLiteral("/data/gone.jpg: a fix (exclude) for an image that is no longer in the dataset"),
                              QStringLiteral("/data/ants/07.jpg: relabelled to 'hornets', a class that is not in the dataset")}));
        QCOMPARE(d.images.size(), std::size_t(59));
        const auto counts = d.counts();
        QCOMPARE(counts[0].total(), 19);
        QCOMPARE(counts[1].total(), 19);
        QCOMPARE(counts[2].total(), 21);
        QCOMPARE(counts[2].perSubset[std::size_t(rs::Subset::Test)], 5); // the moved ant kept its subset
        // Still sorted by class, then path: the moved ant comes first among the wasps.
        QCOMPARE(d.images[38].path, movedAnt);
        QCOMPARE(d.images[38].label, 2);
        for (std::size_t i = 1; i < d.images.size(); ++i)
            QVERIFY(d.images[i - 1].label < d.images[i].label
                    || (d.images[i - 1].label == d.images[i].label && d.images[i - 1].path < d.images[i].path));
        QCOMPARE(d.warnings.size(), 2); // ants and bees are below 20 images now
    }

    // Seen failing while the warnings were the scan's: an emptied class went unmentioned.
    void aClassEmptiedByExclusionIsNamed()
    {
        rs::Dataset d = dataset();
        rs::ImageFixes fixes;
        for (const rs::ImageEntry &image : d.images)
            if (image.label == 0)
                fixes.add({image.path, Kind::Exclude, {}});
        const rs::FixesApplied applied = rs::applyFixes(d, fixes);
        QCOMPARE(applied.excluded, 20);
        QCOMPARE(d.classes.size(), 3);
        QVERIFY2(d.warnings.contains(QStringLiteral("class 'ants' has no images left: every one was excluded")),
                 qPrintable(d.warnings.join(QLatin1Char('\n'))));
        QVERIFY(!d.warnings.join(QLatin1Char('\n')).contains(QStringLiteral("imbalanced")));
    }

    void noFixesLeaveTheScanAlone()
    {
        rs::Dataset d = dataset();
        d.warnings << QStringLiteral("from the scan");
        QVERIFY(!rs::applyFixes(d, {}).any());
        QCOMPARE(d.images.size(), std::size_t(60));
        QCOMPARE(d.warnings, QStringList{QStringLiteral("from the scan")});
    }
};

QTEST_GUILESS_MAIN(TestImageFixes)
#include "test_imagefixes.moc"
