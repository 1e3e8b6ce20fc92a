#pragma once

#include "export/prediction.h"

#include <QFutureWatcher>
#include <QImage>
#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace rs {

// Drop images on it (or choose them) and see the trained classifier's five likeliest
// classes for each, as bars.
class PredictPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PredictPage)

public:
    static constexpr int kTopClasses = 5;
    using Predictor = std::function<TopClassPredictions(const QStringList &paths, int k)>;

    explicit PredictPage(QWidget *parent = nullptr);

    // A null predictor: nothing trained yet; `reason` says so.
    void setPredictor(Predictor predictor, const QStringList &classes, const QString &reason = {});
    void predict(const QStringList &paths);
    bool isBusy() const { return m_watcher.isRunning(); }
    // Shows what `previous` shows (a window rebuilt in another language keeps the results).
    void takeOver(const PredictPage &previous);

Q_SIGNALS:
    void predicted();

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

    // Takes the classified images off the page.
    void clear();

private:
    // What the worker hands back: the predictions and a preview of each image, decoded there.
    struct Batch
    {
        TopClassPredictions predictions;
        QList<QImage> previews;
    };

    void removeCards();
    void chooseImages();
    void showResults();
    void showBatch(const Batch &batch);
    QWidget *card(const ImageTopClasses &image, const QImage &preview) const;

    Batch m_shown;
    Predictor m_predictor;
    QStringList m_classes;
    QLabel *m_message;
    QPushButton *m_clear;
    QString m_reason; // why there is no predictor
    QVBoxLayout *m_cards;
    QFutureWatcher<Batch> m_watcher;
};

} // namespace rs
