#include "recentprojects.h"

#include <QDir>
#include <QMenu>
#include <QSettings>

namespace rs {
namespace {

const QString kRecentKey = QStringLiteral("recentProjects");
constexpr int kRecentProjects = 8;

} // namespace

RecentProjects::RecentProjects(QMenu *menu) : QObject(menu), m_menu(menu)
{
    m_menu->setObjectName(QStringLiteral("recentProjectsMenu"));
    update();
}

void RecentProjects::add(const QString &path)
{
    QSettings settings;
    QStringList recent = settings.value(kRecentKey).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    settings.setValue(kRecentKey, recent.mid(0, kRecentProjects));
    update();
}

void RecentProjects::update()
{
    m_menu->clear();
    const QStringList recent = QSettings().value(kRecentKey).toStringList();
    for (const QString &path : recent)
        m_menu->addAction(QDir::toNativeSeparators(path), this, [this, path] { Q_EMIT chosen(path); });
    m_menu->setEnabled(!recent.isEmpty());
}

} // namespace rs
