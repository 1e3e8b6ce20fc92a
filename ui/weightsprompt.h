#pragma once

#include "model/weightssource.h"

#include <QObject>
#include <QUrl>

class QWidget;

namespace rs {

// The dialogs around missing ImageNet weights: the question when training needs them, and
// the download with its progress. What the user picks comes back as signals.
class WeightsPrompt final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WeightsPrompt)

public:
    // `window` parents the dialogs; downloads come from `url`.
    WeightsPrompt(const QUrl &url, QWidget *window);

    // Training needs weights and `missing` does not exist: download, choose a file, or go
    // on with untrained weights.
    void offer(const QString &missing);
    // Fetches the weights into the torch hub cache.
    void download();
    // Which weights are in use, or that the file is missing: for the status bar.
    static QString describe(const WeightsSource &weights);

Q_SIGNALS:
    void chosen(const rs::WeightsSource &weights, const QString &message);
    void browseRequested();
    void downloadFinished(const QString &error); // empty on success

private:
    // The choice between downloading (`downloadLabel`), a file and untrained weights.
    void ask(const QString &name, const QString &title, const QString &text, const QString &informative,
             const QString &downloadLabel);

    QUrl m_url;
    QWidget *m_window;
    bool m_downloading = false;
    bool m_cancelled = false; // the user stopped the download: no need to say what else to do
};

} // namespace rs
