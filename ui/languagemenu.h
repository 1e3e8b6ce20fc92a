#pragma once

#include <QMenu>

namespace rs {

// QSettings key of the interface language chosen in Help ▸ Language; empty: the system's.
inline const QString kLanguageKey = QStringLiteral("language");

// Help ▸ Language: the system's language or one of the catalogues, each named in itself so it
// can be found whatever the current one. The choice applies at the next start; `chosen` says so.
class LanguageMenu final : public QMenu
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LanguageMenu)

public:
    explicit LanguageMenu(QWidget *parent = nullptr);

Q_SIGNALS:
    void chosen(const QString &message);
};

} // namespace rs
