#include "datasetwelcome.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

#include <algorithm>

namespace rs {
namespace {

constexpr int kIconSize = 64;

QPushButton *button(const QString &text, const char *name)
{
    auto *b = new QPushButton(text);
    b->setObjectName(QLatin1String(name));
    return b;
}

QHBoxLayout *centred(std::initializer_list<QWidget *> widgets)
{
    auto *row = new QHBoxLayout;
    row->addStretch();
    for (QWidget *w : widgets)
        row->addWidget(w);
    row->addStretch();
    return row;
}

} // namespace

DatasetWelcome::DatasetWelcome(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("datasetWelcome"));
    // A visible drop zone: a dashed frame around the whole page.
    setAttribute(Qt::WA_StyledBackground);
    setStyleSheet(QStringLiteral("#datasetWelcome { border: 2px dashed palette(mid); border-radius: 12px; }"));
    auto *icon = new QLabel;
    const QIcon folder = style()->standardIcon(QStyle::SP_DirOpenIcon);
    // Styles draw this icon small; the largest they have, scaled smoothly, reads from afar.
    QSize largest(kIconSize, kIconSize);
    if (const QList<QSize> sizes = folder.availableSizes(); !sizes.isEmpty())
        largest = *std::max_element(sizes.begin(), sizes.end(), [](QSize a, QSize b) { return a.width() < b.width(); });
    icon->setPixmap(folder.pixmap(largest).scaled(kIconSize, kIconSize, Qt::KeepAspectRatio, Qt::SmoothTransformation));
    icon->setAlignment(Qt::AlignCenter);
    auto *title = new QLabel(tr("Drop class folders here"));
    title->setObjectName(QStringLiteral("dropTitle"));
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    title->setFont(big);
    title->setAlignment(Qt::AlignCenter);
    auto *how = new QLabel(tr("One folder per class, named after the class, or a folder holding them. "
                              "A few hundred images per class are plenty; any size and format."));
    how->setWordWrap(true);
    how->setAlignment(Qt::AlignCenter);
    QPushButton *add = button(tr("&Add folder…"), "welcomeAddFolderButton");
    QPushButton *sample = button(tr("Try the &sample images"), "sampleDataButton");
    sample->setToolTip(tr("Ten classes of clothing photos from Fashion-MNIST, to see how training works."));

    m_weights = new QLabel;
    m_weights->setObjectName(QStringLiteral("welcomeWeightsStatus"));
    m_weights->setWordWrap(true);
    m_weights->setAlignment(Qt::AlignCenter);
    QPushButton *download = button(tr("&Download (104 MB)"), "welcomeDownloadButton");
    QPushButton *choose = button(tr("&Choose file…"), "welcomeChooseWeightsButton");
    QPushButton *untrained = button(tr("&Untrained weights"), "welcomeUntrainedButton");
    untrained->setToolTip(tr("Random weights: the tool works, but the classifier learns little. For trying it out."));
    m_weightsActions = new QWidget;
    m_weightsActions->setLayout(centred({download, choose, untrained}));

    auto *layout = new QVBoxLayout(this);
    layout->addStretch();
    layout->addWidget(icon);
    layout->addWidget(title);
    layout->addWidget(how);
    layout->addSpacing(12);
    layout->addLayout(centred({add, sample}));
    layout->addSpacing(24);
    layout->addWidget(m_weights);
    layout->addWidget(m_weightsActions);
    layout->addStretch();

    connect(add, &QPushButton::clicked, this, &DatasetWelcome::addFolderRequested);
    connect(sample, &QPushButton::clicked, this, &DatasetWelcome::sampleDataRequested);
    connect(download, &QPushButton::clicked, this, &DatasetWelcome::weightsDownloadRequested);
    connect(choose, &QPushButton::clicked, this, &DatasetWelcome::weightsFileRequested);
    connect(untrained, &QPushButton::clicked, this, &DatasetWelcome::untrainedWeightsRequested);
}

void DatasetWelcome::setWeightsStatus(const QString &text, bool ready)
{
    m_weights->setText(ready ? text : text + QLatin1Char('\n') + tr("Training needs them: get them now, or when you press Start."));
    m_weightsActions->setVisible(!ready);
}

} // namespace rs
