// The main window's actions: what each does, the menus and toolbar that hold them, and when
// each is enabled.

#include "mainwindow.h"

#include "datasetpage.h"
#include "projectfiles.h"
#include "trainingpage.h"
#include "userguide.h"

#include <QDir>
#include <QFileDialog>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QToolBar>

namespace rs {

void MainWindow::connectActions()
{
    connect(m_actions.newProject, &QAction::triggered, m_files, &ProjectFiles::startNew);
    connect(m_actions.openProject, &QAction::triggered, m_files, &ProjectFiles::chooseToOpen);
    connect(m_actions.saveProject, &QAction::triggered, m_files, qOverload<>(&ProjectFiles::save));
    connect(m_actions.saveProjectAs, &QAction::triggered, m_files, &ProjectFiles::saveAs);
    connect(m_actions.start, &QAction::triggered, this, [this] { startTraining(false); });
    connect(m_actions.findSettings, &QAction::triggered, this, [this] { startTraining(true); });
    connect(m_actions.findRate, &QAction::triggered, this, &MainWindow::findLearningRate);
    connect(m_actions.checkData, &QAction::triggered, this, [this] {
        if (readyToRun(false, tr("Cannot check the data")))
            m_session->checkData();
    });
    connect(m_actions.resume, &QAction::triggered, m_session, &Session::resumeTraining);
    connect(m_actions.stop, &QAction::triggered, this, [this] {
        m_session->stopTraining();
        m_training->setPhase(tr("Stopping…"));
        m_actions.stop->setEnabled(false);
    });
    connect(m_actions.exportModel, &QAction::triggered, this, &MainWindow::chooseExportFolder);
    connect(m_actions.exportReport, &QAction::triggered, this, [this] {
        const QString file = QFileDialog::getSaveFileName(this, tr("Export the report"), QDir::home().filePath(QStringLiteral("report.html")),
                                                          tr("Web pages (*.html)"));
        if (!file.isEmpty())
            m_session->exportReport(file);
    });
    connect(m_actions.downloadWeights, &QAction::triggered, this, &MainWindow::downloadWeights);
    connect(m_actions.quit, &QAction::triggered, this, &QWidget::close);
}

void MainWindow::createMenus()
{
    connect(m_actions.addFolder, &QAction::triggered, m_dataset, [this] {
        m_pages->setCurrentWidget(m_dataset);
        m_dataset->chooseFolder();
    });
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addActions({m_actions.newProject, m_actions.openProject});
    m_files = new ProjectFiles(m_session, this, file->addMenu(tr("Open &recent")), m_options.weights.has_value());
    connect(m_files, &ProjectFiles::pathChanged, this, &MainWindow::updateTitle);
    connect(m_files, &ProjectFiles::failed, this, &MainWindow::showError);
    connect(m_files, &ProjectFiles::saved, statusBar(), [this](const QString &message) { statusBar()->showMessage(message); });
    file->addActions({m_actions.saveProject, m_actions.saveProjectAs});
    file->addSeparator();
    file->addActions({m_actions.addFolder, m_actions.exportModel, m_actions.exportReport, m_actions.downloadWeights});
    file->addSeparator();
    file->addAction(m_actions.quit);
    QMenu *training = menuBar()->addMenu(tr("&Training"));
    training->addActions({m_actions.start, m_actions.findSettings, m_actions.findRate, m_actions.checkData, m_actions.stop,
                          m_actions.resume});
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *guide = help->addAction(tr("&User guide"), this, [this] { showUserGuide(this); });
    guide->setObjectName(QStringLiteral("actionUserGuide"));
    guide->setShortcut(QKeySequence::HelpContents);
    guide->setIcon(QIcon::fromTheme(QStringLiteral("help-contents"), style()->standardIcon(QStyle::SP_DialogHelpButton)));
    auto *language = new LanguageMenu(help);
    help->addMenu(language);
    connect(language, &LanguageMenu::chosen, this, [this](const QString &message) {
        // Queued: the menu that asked goes with this window.
        QMetaObject::invokeMethod(
            this,
            [this, message] {
                MainWindow *shown = retranslate();
                (shown ? shown : this)->statusBar()->showMessage(message);
            },
            Qt::QueuedConnection);
    });
    help->addAction(tr("&About Retrain Studio"), this, [this] {
        QMessageBox::about(this, tr("About Retrain Studio"),
                           tr("<p><b>Retrain Studio %1</b></p><p>Trains an image classifier on your own images by "
                              "transfer learning from an ImageNet-trained InceptionV3, without Python.</p>")
                               .arg(QStringLiteral(RETRAIN_VERSION)));
    });

    QToolBar *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolBar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addActions({m_actions.openProject, m_actions.saveProject, m_actions.addFolder});
    toolbar->addSeparator();
    toolbar->addActions({m_actions.start, m_actions.stop, m_actions.resume, m_actions.exportModel});
}

void MainWindow::updateActions()
{
    const bool training = m_session->isTraining();
    m_actions.start->setEnabled(!training);
    m_actions.findSettings->setEnabled(!training);
    m_actions.findRate->setEnabled(!training);
    m_actions.checkData->setEnabled(!training);
    m_actions.stop->setEnabled(training);
    m_actions.resume->setEnabled(m_session->canResume());
    m_actions.exportModel->setEnabled(!training && m_session->canPredict() && !m_session->isBusy());
    m_actions.exportReport->setEnabled(m_session->project().lastRun && !m_session->isBusy());
    m_actions.openProject->setEnabled(!training);
    m_actions.newProject->setEnabled(!training);
}

} // namespace rs
