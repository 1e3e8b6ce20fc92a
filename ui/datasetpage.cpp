#include "datasetpage.h"

#include "datasetwelcome.h"
#include "thumbnailcache.h"
#include "training/settingrules.h"

#include <QComboBox>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMimeData>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace rs {
namespace {

QSpinBox *percentBox(const QString &name, const QString &tip, Setting setting)
{
    const SettingRule &rule = ruleFor(setting);
    auto *box = new QSpinBox;
    box->setObjectName(name);
    box->setRange(int(rule.minimum), int(rule.maximum));
    box->setValue(int(rule.defaultValue));
    box->setSuffix(QStringLiteral(" %"));
    box->setToolTip(tip);
    return box;
}

} // namespace

DatasetPage::DatasetPage(ThumbnailCache *thumbnails, QWidget *parent)
    : QWidget(parent), m_model(new ClassTableModel(thumbnails, this))
{
    setAcceptDrops(true);
    m_welcome = new DatasetWelcome;
    auto *add = new QPushButton(tr("&Add folder…"));
    add->setObjectName(QStringLiteral("addFolderButton"));
    auto *remove = new QPushButton(tr("&Remove class"));
    remove->setObjectName(QStringLiteral("removeClassButton"));
    remove->setEnabled(false); // until a class is selected
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();

    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("classTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->setDefaultSectionSize(thumbnails->size() + 6);
    m_table->setIconSize(QSize(ClassTableModel::kExamples * (thumbnails->size() + 2), thumbnails->size()));
    m_table->setColumnWidth(ClassTableModel::Examples, ClassTableModel::kExamples * (thumbnails->size() + 2) + 12);

    m_validation = percentBox(QStringLiteral("validationPercent"),
                              tr("Share of each class held out to watch for overfitting while training. "
                                 "Too little gives a noisy validation curve; too much takes images from training."),
                              Setting::ValidationPercent);
    m_test = percentBox(QStringLiteral("testPercent"),
                        tr("Share of each class kept aside for the final accuracy, never seen in training. "
                           "Too little makes the reported accuracy unreliable."),
                        Setting::TestPercent);
    m_splitKey = new QComboBox;
    m_splitKey->setObjectName(QStringLiteral("splitKey"));
    m_splitKey->addItem(tr("file name"), QLatin1String(splitKeyName(SplitKey::FileName)));
    m_splitKey->addItem(tr("retrain.py path"), QLatin1String(splitKeyName(SplitKey::RetrainPy)));
    m_splitKey->setToolTip(
        tr("What decides an image's set. File name: a hash of the file's name, so an image keeps its set "
           "when folders are moved or renamed. retrain.py path: a hash of the path TensorFlow's retrain.py "
           "hashes (the class folder's full path, then the file name), to compare with a retrain.py run whose "
           "--image_dir is that folder's absolute path; only *.jpg, *.jpeg, *.JPG, *.JPEG and *.png files "
           "directly in a class folder are then used, as retrain.py collects them."));
    auto *splitRow = new QHBoxLayout;
    auto *validationLabel = new QLabel(tr("&Validation:"));
    validationLabel->setBuddy(m_validation);
    splitRow->addWidget(validationLabel);
    splitRow->addWidget(m_validation);
    auto *testLabel = new QLabel(tr("&Test:"));
    testLabel->setBuddy(m_test);
    splitRow->addWidget(testLabel);
    splitRow->addWidget(m_test);
    auto *splitKeyLabel = new QLabel(tr("Split &by:"));
    splitKeyLabel->setBuddy(m_splitKey);
    splitRow->addWidget(splitKeyLabel);
    splitRow->addWidget(m_splitKey);
    splitRow->addSpacing(16);
    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("datasetSummary"));
    m_summary->setWordWrap(true);
    splitRow->addWidget(m_summary, 1);

    m_warnings = new QLabel;
    m_warnings->setObjectName(QStringLiteral("datasetWarnings"));
    m_warnings->setWordWrap(true);
    m_skipped = new QListWidget;
    m_skipped->setObjectName(QStringLiteral("skippedList"));
    m_skipped->setMaximumHeight(110);

    auto *layout = new QVBoxLayout(this);
    // Before any class: the welcome, with every way in; then the classes.
    auto *classList = new QWidget;
    auto *classesLayout = new QVBoxLayout(classList);
    classesLayout->setContentsMargins(0, 0, 0, 0);
    classesLayout->addLayout(buttons);
    classesLayout->addWidget(m_table, 1);
    m_views = new QStackedWidget;
    m_views->addWidget(m_welcome);
    m_views->addWidget(classList);
    layout->addWidget(m_views, 1);
    layout->addLayout(splitRow);
    layout->addWidget(m_warnings);
    layout->addWidget(m_skipped);

    connect(add, &QPushButton::clicked, this, &DatasetPage::chooseFolder);
    connect(remove, &QPushButton::clicked, this, &DatasetPage::removeSelected);
    const auto enableRemove = [this, remove] { remove->setEnabled(m_table->selectionModel()->hasSelection()); };
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, remove, enableRemove);
    connect(m_model, &QAbstractItemModel::modelReset, remove, enableRemove);
    connect(m_model, &QAbstractItemModel::rowsRemoved, remove, enableRemove);
    connect(m_welcome, &DatasetWelcome::sampleDataRequested, this, &DatasetPage::sampleDataRequested);
    connect(m_welcome, &DatasetWelcome::addFolderRequested, this, &DatasetPage::chooseFolder);
    for (QSpinBox *box : {m_validation, m_test})
        connect(box, &QSpinBox::valueChanged, this, [this] {
            m_model->setSplit(split());
            updateSummary();
            Q_EMIT changed();
        });
    // Another key takes other files (and hashes other names): read the classes again.
    connect(m_splitKey, &QComboBox::currentIndexChanged, this, [this] { setDataset(classes(), split()); });
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &, const QModelIndex &, const QList<int> &roles) {
        if (roles.isEmpty() || !roles.contains(Qt::DecorationRole)) {
            updateSummary();
            Q_EMIT changed();
        }
    });
    updateSummary();
}

QStringList DatasetPage::droppedFolders(const QMimeData *mime)
{
    QStringList folders;
    for (const QUrl &url : mime->urls())
        if (url.isLocalFile() && QFileInfo(url.toLocalFile()).isDir())
            folders << url.toLocalFile();
    return folders;
}

SplitOptions DatasetPage::split() const
{
    return {double(m_validation->value()), double(m_test->value()),
            parseSplitKey(m_splitKey->currentData().toString()).value_or(SplitKey::FileName)};
}

void DatasetPage::addFolders(const QStringList &folders)
{
    if (!folders.isEmpty())
        startScan([folders, key = split().key] { return scanFolders(folders, key); });
}

void DatasetPage::setDataset(const std::vector<ClassSource> &classes, const SplitOptions &split)
{
    ++m_generation;
    m_model->clear();
    m_skippedFiles.clear();
    const QSignalBlocker blockValidation(m_validation), blockTest(m_test), blockKey(m_splitKey);
    m_validation->setValue(int(split.validationPercent));
    m_test->setValue(int(split.testPercent));
    m_splitKey->setCurrentIndex(m_splitKey->findData(QLatin1String(splitKeyName(split.key))));
    m_model->setSplit(this->split());
    updateSummary();
    if (classes.empty()) { // nothing to read
        Q_EMIT changed();
        return;
    }
    startScan([classes, key = split.key] { return scanClasses(classes, key); });
    Q_EMIT changed();
}

void DatasetPage::dragEnterEvent(QDragEnterEvent *event)
{
    if (!droppedFolders(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void DatasetPage::dropEvent(QDropEvent *event)
{
    const QStringList folders = droppedFolders(event->mimeData());
    if (folders.isEmpty())
        return;
    event->acceptProposedAction();
    addFolders(folders);
}

void DatasetPage::startScan(const std::function<FolderScan()> &scan)
{
    ++m_scans;
    updateSummary();
    auto *watcher = new QFutureWatcher<FolderScan>(this);
    const int generation = m_generation;
    connect(watcher, &QFutureWatcher<FolderScan>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        --m_scans;
        if (generation == m_generation)
            scanDone(watcher->result());
        else
            updateSummary();
    });
    watcher->setFuture(QtConcurrent::run(scan));
}

void DatasetPage::scanDone(const FolderScan &scan)
{
    m_model->addClasses(scan.classes);
    m_skippedFiles << scan.skipped;
    m_skippedFiles.removeDuplicates();
    updateSummary();
    Q_EMIT changed();
}

void DatasetPage::chooseFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Add a folder of images or of class folders"));
    if (!folder.isEmpty())
        addFolders({folder});
}

void DatasetPage::removeSelected()
{
    QList<int> rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        rows << index.row();
    std::sort(rows.begin(), rows.end(), std::greater<>());
    for (int row : rows)
        m_model->removeRow(row);
    if (!rows.isEmpty()) {
        updateSummary();
        Q_EMIT changed();
    }
}

void DatasetPage::updateSummary()
{
    const std::array<int, 3> counts = m_model->includedCounts();
    const int total = counts[0] + counts[1] + counts[2];
    QString summary = tr("Classes to train on: %1 · images: %2 (training %3, validation %4, test %5)")
                          .arg(m_model->includedClasses())
                          .arg(total)
                          .arg(counts[0])
                          .arg(counts[1])
                          .arg(counts[2]);
    if (m_scans > 0)
        summary = tr("Reading folders…");
    m_summary->setText(summary);
    m_views->setCurrentIndex(m_model->rowCount() == 0 && m_scans == 0 ? 0 : 1);

    QStringList warnings;
    for (const SettingProblem &problem : checkSplit(split()))
        warnings << problem.message;
    std::vector<ClassCounts> included;
    for (int r = 0; r < m_model->rowCount(); ++r) {
        if (m_model->index(r, ClassTableModel::Name).data(Qt::CheckStateRole) != Qt::Checked)
            continue;
        const QString name = m_model->index(r, ClassTableModel::Name).data().toString();
        const int images = m_model->index(r, ClassTableModel::Images).data().toInt();
        if (images < kFewImagesPerClass)
            warnings << tr("“%1” is small (images: %2); %3 or more give a more reliable classifier.")
                            .arg(name)
                            .arg(images)
                            .arg(kFewImagesPerClass);
        ClassCounts counts{name, {}};
        for (int s = 0; s < 3; ++s)
            counts.perSubset[std::size_t(s)] = m_model->index(r, ClassTableModel::Train + s).data().toInt();
        included.push_back(counts);
    }
    if (m_scans == 0)
        warnings << emptySubsetWarnings(included);
    if (!m_skippedFiles.isEmpty())
        warnings << tr("Files skipped: %1 (listed below with the reason).").arg(m_skippedFiles.size());
    m_warnings->setText(warnings.join(QLatin1Char('\n')));
    m_warnings->setVisible(!warnings.isEmpty());
    m_skipped->clear();
    for (const QString &file : m_skippedFiles)
        m_skipped->addItem(QDir::toNativeSeparators(file));
    m_skipped->setVisible(!m_skippedFiles.isEmpty());
}

} // namespace rs
