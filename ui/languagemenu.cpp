#include "languagemenu.h"

#include <QActionGroup>
#include <QCoreApplication>
#include <QLibraryInfo>
#include <QSettings>
#include <QTranslator>

namespace rs {

LanguageMenu::LanguageMenu(QWidget *parent) : QMenu(tr("&Language"), parent)
{
    setObjectName(QStringLiteral("languageMenu"));
    auto *group = new QActionGroup(this);
    const QString current = QSettings().value(kLanguageKey).toString();
    const std::pair<QString, QString> languages[] = {{QString(), tr("System language")},
                                                     {QStringLiteral("en"), QStringLiteral("English")},
                                                     {QStringLiteral("zh_CN"), QStringLiteral("简体中文")}};
    for (const auto &[code, name] : languages) {
        QAction *choice = addAction(name);
        choice->setCheckable(true);
        choice->setChecked(code == current);
        group->addAction(choice);
        connect(choice, &QAction::triggered, this, [this, code = code] {
            QSettings().setValue(kLanguageKey, code);
            const QLocale locale = code.isEmpty() ? QLocale() : QLocale(code);
            const bool translated = installLanguage(locale);
            Q_EMIT chosen(translated ? missingFontWarning(locale) : QString());
        });
    }
}

namespace {

struct Catalogues
{
    QTranslator *qt = nullptr;
    QTranslator *ours = nullptr;
    QStringList folders{QStringLiteral(":/i18n")};
};

Catalogues &catalogues()
{
    static Catalogues installed;
    return installed;
}

} // namespace

void addCatalogueFolder(const QString &folder)
{
    catalogues().folders << folder;
}

bool installLanguage(const QLocale &locale)
{
    Catalogues &c = catalogues();
    for (QTranslator *old : {c.qt, c.ours})
        if (old) {
            QCoreApplication::removeTranslator(old);
            delete old;
        }
    c.qt = new QTranslator(QCoreApplication::instance());
    if (c.qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(c.qt);
    c.ours = new QTranslator(QCoreApplication::instance());
    for (const QString &folder : c.folders)
        if (c.ours->load(locale, QStringLiteral("retrain-studio"), QStringLiteral("_"), folder)) {
            QCoreApplication::installTranslator(c.ours);
            return true;
        }
    return false;
}

QString missingFontWarning(const QLocale &language, const QList<QFontDatabase::WritingSystem> &available)
{
    if (language.script() != QLocale::SimplifiedHanScript && language.language() != QLocale::Chinese)
        return {};
    if (available.contains(QFontDatabase::SimplifiedChinese))
        return {};
    // Not translated: in the language it is about, it would not be readable.
    return QStringLiteral("No font for Chinese is installed, so the interface shows empty boxes: install "
                          "fonts-noto-cjk or fonts-wqy-microhei (sudo apt install fonts-noto-cjk).");
}

} // namespace rs
