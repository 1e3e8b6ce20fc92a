#pragma once

#include <QObject>

class QMenu;

namespace rs {

// File ▸ Open recent: the last projects opened or saved, kept in QSettings, newest first.
class RecentProjects final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecentProjects)

public:
    explicit RecentProjects(QMenu *menu);

    void add(const QString &path);

Q_SIGNALS:
    void chosen(const QString &path);

private:
    void update();

    QMenu *m_menu;
};

} // namespace rs
