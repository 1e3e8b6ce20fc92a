#pragma once

#include <QByteArray>
#include <QJsonObject>

namespace rs {

struct HtmlReportOptions
{
    QJsonObject audit;     // retrain-cli audit --json's object; empty: no data health section
    int imagesPerList = 48; // thumbnails embedded per list (mistakes, label issues, ...)
    int thumbnailSide = 112;
};

// A run report (TrainingRun::report, what retrain-cli train --report writes) as one
// self-contained HTML page that opens offline in any browser: no script and no external file.
// Sections, each an element with its id: summary, dataset, curves (loss and learning rate as
// inline SVG), confusion (inline SVG), per-class, mistakes (thumbnails of misclassified test
// images, embedded as JPEG data), settings, and with an audit, health (label issues, duplicate
// groups, outliers, with thumbnails). An image that cannot be read is named instead of shown.
// Throws std::invalid_argument when `report` is not a run report.
QByteArray htmlReport(const QJsonObject &report, const HtmlReportOptions &options = {});

} // namespace rs
