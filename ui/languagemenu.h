#pragma once

#include <QFontDatabase>
#include <QLocale>
#include <QMenu>

namespace rs {

// QSettings key of the interface language chosen in Help ▸ Language; empty: the system's.
inline const QString kLanguageKey = QStringLiteral("language");

// Help ▸ Language: the system's language or one of the catalogues, each named in itself so it
// can be found whatever the current one. The choice is saved and installed at once; `chosen`
// then asks the window to show itself in it, with a message (a missing font) or none.
class LanguageMenu final : public QMenu
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LanguageMenu)

public:
    explicit LanguageMenu(QWidget *parent = nullptr);

Q_SIGNALS:
    void chosen(const QString &message);
};

// Installs our catalogue and Qt's for `locale` in place of those installed before (English
// source strings where there is none). Returns whether ours was found.
bool installLanguage(const QLocale &locale);
// A folder installLanguage also looks in, after the program's resources (tests: the build's).
void addCatalogueFolder(const QString &folder);

// The warning to show when `language`'s script has no font among `available` (the fonts' writing
// systems), in English: a text in that script would be empty boxes. Empty when there is a font.
QString missingFontWarning(const QLocale &language,
                           const QList<QFontDatabase::WritingSystem> &available = QFontDatabase::writingSystems());

} // namespace rs
