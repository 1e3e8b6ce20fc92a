// MainWindow's side of project files: new, open, save, recent.

#include "mainwindow.h"

#include "datasetpage.h"
#include "predictpage.h"
#include "resultspage.h"
#include "settingspage.h"
#include "trainingpage.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>

namespace rs {
namespace {

const QString kRecentKey = QStringLiteral("recentProjects");
constexpr int kRecentProjects = 8;

QString projectFilter()
{
    return MainWindow::tr("Retrain Studio projects (*.rsproject);;All files (*)");
}

} // namespace

void MainWindow::newProject()
{
    if (!saveOrCancel())
        return;
    m_projectPath.clear();
    m_run.reset();
    m_runBackbone.reset();
    m_exportBase.reset();
    m_summary.reset();
    m_dataset->setDataset({}, {});
    m_results->clear();
    m_training->showCurve({}, tr("Not started. Add classes on the Dataset page, then press Start."));
    m_predict->setPredictor({}, {}, tr("Train a classifier first."));
    updateTitle();
    setDirty(false);
    updateActions();
}

void MainWindow::chooseProjectToOpen()
{
    if (!saveOrCancel())
        return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Open project"), {}, projectFilter());
    if (!path.isEmpty())
        openProject(path);
}

bool MainWindow::openProject(const QString &path)
{
    if (m_job->isRunning()) {
        showError(tr("Cannot open the project"), tr("Stop the training run first."));
        return false;
    }
    Project project;
    try {
        project = loadProject(path);
    } catch (const std::runtime_error &e) {
        showError(tr("Cannot open the project"), QString::fromStdString(e.what()));
        return false;
    }
    m_projectPath = QFileInfo(path).absoluteFilePath();
    m_run.reset();
    m_runBackbone.reset();
    m_exportBase.reset();
    m_dataset->setDataset(project.sources.classes, project.split);
    m_settings->setOptions(project.training, project.epochs, project.layer);
    m_settings->setAugmentation(project.augmentation);
    m_settings->setFineTuning(project.fineTuning);
    if (!project.weightsFile.isEmpty() && !m_options.weights)
        m_settings->setWeights({project.weightsFile, {}});
    m_predict->setPredictor({}, {}, tr("This project holds the last run's report, not its model: press Start to train "
                                       "again (features already computed come from the cache)."));
    if (project.lastRun) {
        showRun(*project.lastRun);
        m_training->showCurve(project.lastRun->curve, tr("The last run, as saved with the project."));
    } else {
        m_summary.reset();
        m_results->clear();
        m_training->showCurve({}, tr("Not started yet."));
    }
    updateTitle();
    addRecentProject(m_projectPath);
    setDirty(false);
    updateActions();
    return true;
}

bool MainWindow::saveProject(const QString &path)
{
    Project project;
    project.sources.classes = m_dataset->classes();
    project.split = m_dataset->split();
    project.layer = m_settings->layer();
    project.training = m_settings->options();
    project.augmentation = m_settings->augmentation();
    project.fineTuning = m_settings->fineTuning();
    project.epochs = m_settings->epochs();
    if (!m_settings->weights().randomSeed && m_settings->weights().file != defaultWeightsPath())
        project.weightsFile = m_settings->weights().file;
    project.lastRun = m_summary;
    try {
        rs::saveProject(path, project);
    } catch (const std::runtime_error &e) {
        showError(tr("Cannot save the project"), QString::fromStdString(e.what()));
        return false;
    }
    m_projectPath = QFileInfo(path).absoluteFilePath();
    updateTitle();
    addRecentProject(m_projectPath);
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(m_projectPath)));
    setDirty(false);
    return true;
}

bool MainWindow::saveProjectAs()
{
    QString path = QFileDialog::getSaveFileName(this, tr("Save project"), m_projectPath, projectFilter());
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".rsproject");
    return saveProject(path);
}

bool MainWindow::saveOrCancel()
{
    if (!isWindowModified())
        return true;
    const auto answer = QMessageBox::question(this, tr("Unsaved changes"), tr("Save the changes to this project first?"),
                                              QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    if (answer == QMessageBox::Save)
        return m_projectPath.isEmpty() ? saveProjectAs() : saveProject(m_projectPath);
    return answer == QMessageBox::Discard;
}

void MainWindow::addRecentProject(const QString &path)
{
    QSettings settings;
    QStringList recent = settings.value(kRecentKey).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    settings.setValue(kRecentKey, recent.mid(0, kRecentProjects));
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(kRecentKey).toStringList();
    for (const QString &path : recent)
        m_recentMenu->addAction(QDir::toNativeSeparators(path), this, [this, path] {
            if (saveOrCancel())
                openProject(path);
        });
    m_recentMenu->setEnabled(!recent.isEmpty());
}

} // namespace rs
