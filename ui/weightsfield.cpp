#include "weightsfield.h"

#include "model/backbone.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <utility>

namespace rs {

WeightsField::WeightsField(QWidget *parent) : QWidget(parent)
{
    m_file = new QLineEdit;
    m_file->setObjectName(QStringLiteral("weightsFile"));
    m_file->setToolTip(tr("torchvision's ImageNet-trained InceptionV3 file (%1).").arg(officialWeightsFileName()));
    m_file->setPlaceholderText(defaultWeightsPath());
    m_file->setMinimumWidth(300);
    auto *browseButton = new QPushButton(tr("Browse…"));
    m_problem = new QLabel;
    m_problem->setObjectName(QStringLiteral("weightsProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #d03030;"));
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_file, 1);
    row->addWidget(browseButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_problem);
    connect(browseButton, &QPushButton::clicked, this, &WeightsField::browse);
    connect(m_file, &QLineEdit::textEdited, this, &WeightsField::changed);
    connect(m_file, &QLineEdit::editingFinished, this, &WeightsField::check);
    connect(&m_check, &QFutureWatcher<Check>::finished, this, [this] {
        const Check result = m_check.result();
        m_problem->setText(result.problem);
        if (result.backbone && m_checked)
            Q_EMIT loaded(*m_checked, result.backbone);
        if (std::exchange(m_checkAgain, false))
            check();
        else
            Q_EMIT checked();
    });
    check();
}

WeightsSource WeightsField::weights() const
{
    if (m_randomSeed)
        return WeightsSource::random(*m_randomSeed);
    return WeightsSource::file(m_file->text().trimmed());
}

void WeightsField::setWeights(const WeightsSource &weights)
{
    m_randomSeed = weights.randomSeed();
    m_file->setEnabled(!m_randomSeed);
    if (m_randomSeed)
        m_file->setText(tr("random weights, seed %1 (for testing only)").arg(*m_randomSeed));
    else
        m_file->setText(weights.isDefaultFile() ? QString() : weights.path());
    check();
    Q_EMIT changed();
}

void WeightsField::browse()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("InceptionV3 weights"), {},
                                                      tr("PyTorch weights (*.pth *.pt);;All files (*)"));
    if (!file.isEmpty())
        setWeights(WeightsSource::file(file));
}

QString WeightsField::problem() const
{
    return m_problem->text();
}

void WeightsField::check()
{
    const WeightsSource source = weights();
    if (source == m_checked && !m_check.isRunning())
        return;
    if (m_check.isRunning()) { // one read at a time; the latest choice is read next
        m_checkAgain = true;
        return;
    }
    m_checked = source;
    if (const QString missing = source.validate(); !missing.isEmpty() || source.isRandom()) {
        m_problem->setText(missing);
        Q_EMIT checked();
        return;
    }
    m_problem->clear();
    // The whole file is read, as a run would: ~100 MB, about a second, off the GUI thread.
    m_check.setFuture(QtConcurrent::run([source]() -> Check {
        try {
            return {{}, std::make_shared<const Backbone>(source.load())};
        } catch (const std::exception &e) {
            return {QString::fromUtf8(e.what()), nullptr};
        }
    }));
}

} // namespace rs
