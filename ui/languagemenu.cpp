#include "languagemenu.h"

#include <QActionGroup>
#include <QSettings>

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
            const QString font = missingFontWarning(code.isEmpty() ? QLocale() : QLocale(code));
            Q_EMIT chosen(font.isEmpty() ? tr("The new language applies when Retrain Studio starts again.") : font);
        });
    }
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
