#pragma once

#include <QObject>

class QMenu;
class QWidget;

namespace rs {

class RecentProjects;
class Session;

// The project file behind a window: new, open, save, save as, the recent list, and the
// question before unsaved changes would be lost. Unsaved means the window is modified.
class ProjectFiles final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProjectFiles)

public:
    // `keepWeights`: the weights chosen on the command line outrank a project's.
    ProjectFiles(Session *session, QWidget *window, QMenu *recentMenu, bool keepWeights);

    QString path() const { return m_path; }
    // Open or save a file; on failure failed() says why and they return false.
    bool open(const QString &path);
    bool save(const QString &path);
    bool save(); // to the current file, or as a new one
    bool saveAs();
    void startNew();
    void chooseToOpen();
    // Whether the current work may go: saved, discarded, or there was nothing to save.
    bool saveOrCancel();
    // The same file as `other`'s, for a window that takes another's work over.
    void takeOver(const ProjectFiles &other);

Q_SIGNALS:
    void pathChanged(const QString &path);
    void failed(const QString &title, const QString &message);
    void saved(const QString &message);

private:
    void setPath(const QString &path);

    Session *m_session;
    QWidget *m_window;
    RecentProjects *m_recent;
    bool m_keepWeights;
    QString m_path;
};

} // namespace rs
