#pragma once

// A `retrain-cli features --image_dir` output as the benches read it: F.npy's rows with each
// row's label and subset from F.tsv beside it.

#include "io/npy.h"

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QString>

#include <cstdio>
#include <optional>
#include <vector>

struct LabelledRows
{
    rs::NpyArray features;
    std::vector<int> labels;
    std::vector<QByteArray> subsets; // "train", "validation" or "test"
};

// Prints what it cannot read and returns nothing then.
inline std::optional<LabelledRows> readLabelledRows(const QString &npyPath)
{
    LabelledRows rows{rs::readNpy(npyPath), {}, {}};
    QFile table(npyPath.chopped(4) + QStringLiteral(".tsv"));
    if (!table.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s\n", qPrintable(table.fileName()));
        return std::nullopt;
    }
    table.readLine(); // header: row label class subset path
    for (std::int64_t row = 0; row < rows.features.shape.at(0); ++row) {
        const QList<QByteArray> fields = table.readLine().split('\t');
        rows.labels.push_back(fields.at(1).toInt());
        rows.subsets.push_back(fields.at(3));
    }
    return rows;
}
