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
            Q_EMIT chosen(tr("The new language applies when Retrain Studio starts again."));
        });
    }
}

} // namespace rs
