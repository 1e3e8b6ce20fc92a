#pragma once

#include <QFontDatabase>
#include <QLocale>
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

// The warning to show when `language`'s script has no font among `available` (the fonts' writing
// systems), in English: a text in that script would be empty boxes. Empty when there is a font.
QString missingFontWarning(const QLocale &language,
                           const QList<QFontDatabase::WritingSystem> &available = QFontDatabase::writingSystems());

} // namespace rs
