#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace rs {

// What the Dataset page shows before it has classes: where to drop folders, the ways to add
// them (a folder, the sample images), and whether the ImageNet weights are there, with the ways
// to get them, each one click away.
class DatasetWelcome final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DatasetWelcome)

public:
    explicit DatasetWelcome(QWidget *parent = nullptr);

    // `text` says which weights are used; without `ready` weights the ways to get them show.
    void setWeightsStatus(const QString &text, bool ready);

Q_SIGNALS:
    void addFolderRequested();
    void sampleDataRequested();
    void weightsDownloadRequested();
    void weightsFileRequested();
    void untrainedWeightsRequested();

private:
    QLabel *m_weights;
    QWidget *m_weightsActions;
};

} // namespace rs
