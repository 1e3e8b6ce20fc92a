#include "projectfiles.h"

#include "recentprojects.h"
#include "session.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QWidget>

namespace rs {
namespace {

QString projectFilter()
{
    return ProjectFiles::tr("Retrain Studio projects (*.rsproject);;All files (*)");
}

} // namespace

ProjectFiles::ProjectFiles(Session *session, QWidget *window, QMenu *recentMenu, bool keepWeights)
    : QObject(window), m_session(session), m_window(window), m_recent(new RecentProjects(recentMenu)),
      m_keepWeights(keepWeights)
{
    connect(m_recent, &RecentProjects::chosen, this, [this](const QString &path) {
        if (saveOrCancel())
            open(path);
    });
}

void ProjectFiles::setPath(const QString &path)
{
    m_path = path.isEmpty() ? QString() : QFileInfo(path).absoluteFilePath();
    if (!m_path.isEmpty())
        m_recent->add(m_path);
    m_window->setWindowModified(false);
    Q_EMIT pathChanged(m_path);
}

void ProjectFiles::takeOver(const ProjectFiles &other)
{
    m_path = other.m_path;
    Q_EMIT pathChanged(m_path);
}

void ProjectFiles::startNew()
{
    if (!saveOrCancel())
        return;
    m_session->loadProject({});
    setPath({});
}

void ProjectFiles::chooseToOpen()
{
    if (!saveOrCancel())
        return;
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Open project"), {}, projectFilter());
    if (!path.isEmpty())
        open(path);
}

bool ProjectFiles::open(const QString &path)
{
    if (m_session->isTraining()) {
        Q_EMIT failed(tr("Cannot open the project"), tr("Stop the training run first."));
        return false;
    }
    Project project;
    try {
        project = loadProject(path);
    } catch (const std::runtime_error &e) {
        Q_EMIT failed(tr("Cannot open the project"), QString::fromStdString(e.what()));
        return false;
    }
    if (m_keepWeights)
        project.weightsFile.clear();
    m_session->loadProject(std::move(project));
    setPath(path);
    m_session->restoreClassifier(path);
    return true;
}

bool ProjectFiles::save(const QString &path)
{
    try {
        saveProject(path, m_session->project());
    } catch (const std::runtime_error &e) {
        Q_EMIT failed(tr("Cannot save the project"), QString::fromStdString(e.what()));
        return false;
    }
    setPath(path);
    m_session->keepClassifier(path);
    Q_EMIT saved(tr("Saved %1").arg(QDir::toNativeSeparators(m_path)));
    return true;
}

bool ProjectFiles::save()
{
    return m_path.isEmpty() ? saveAs() : save(m_path);
}

bool ProjectFiles::saveAs()
{
    QString path = QFileDialog::getSaveFileName(m_window, tr("Save project"), m_path, projectFilter());
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".rsproject");
    return save(path);
}

bool ProjectFiles::saveOrCancel()
{
    if (!m_window->isWindowModified())
        return true;
    const auto answer = QMessageBox::question(m_window, tr("Unsaved changes"), tr("Save the changes to this project first?"),
                                              QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

} // namespace rs
