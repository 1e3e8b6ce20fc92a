#include "fieldproblems.h"

#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

#include <algorithm>
#include <memory>

namespace rs {
namespace {

const QString kProblemStyle = QStringLiteral("color: #d03030;");
const QString kAdviceStyle = QStringLiteral("color: #b06000;");

const SettingProblem *firstFor(const std::vector<SettingProblem> &problems, const std::vector<Setting> &settings)
{
    const auto found = std::find_if(problems.begin(), problems.end(), [&](const SettingProblem &p) {
        return std::find(settings.begin(), settings.end(), p.setting) != settings.end();
    });
    return found == problems.end() ? nullptr : &*found;
}

} // namespace

FieldProblems::FieldProblems(QObject *parent) : QObject(parent)
{
}

QString FieldProblems::sentence(const QString &message)
{
    if (message.isEmpty())
        return message;
    return message.front().toUpper() + message.mid(1);
}

QLabel *FieldProblems::label(const QString &name, std::vector<Setting> settings)
{
    auto *label = new QLabel;
    label->setObjectName(name);
    label->setWordWrap(true);
    m_fields.push_back({label, std::move(settings), {}});
    return label;
}

FieldProblems::Field *FieldProblems::fieldOf(Setting setting)
{
    for (Field &field : m_fields)
        if (std::find(field.settings.begin(), field.settings.end(), setting) != field.settings.end())
            return &field;
    return nullptr;
}

void FieldProblems::watchRange(QSpinBox *box, Setting setting)
{
    watchTyping(box, setting);
    connect(box, &QSpinBox::valueChanged, this, [this, setting] { endRefusal(setting); });
}

void FieldProblems::watchRange(QDoubleSpinBox *box, Setting setting)
{
    watchTyping(box, setting);
    connect(box, &QDoubleSpinBox::valueChanged, this, [this, setting] { endRefusal(setting); });
}

void FieldProblems::watchTyping(QAbstractSpinBox *box, Setting setting)
{
    // The spin box keeps its line edit to itself; it is its only one.
    auto *edit = box->findChild<QLineEdit *>();
    if (!edit || !fieldOf(setting))
        return;
    // What was typed, while the box cannot take it; the box puts its last good value back as
    // it loses focus, so it is kept here for the refusal.
    auto typed = std::make_shared<QString>();
    connect(edit, &QLineEdit::textEdited, this, [box, typed](const QString &text) {
        *typed = box->hasAcceptableInput() ? QString() : text;
    });
    connect(box, &QAbstractSpinBox::editingFinished, this, [this, setting, typed] {
        if (typed->isEmpty())
            return;
        fieldOf(setting)->refusal = tr("%1 was not taken: %2").arg(typed->trimmed(), rangeMessage(setting));
        typed->clear();
        refresh();
    });
}

void FieldProblems::endRefusal(Setting setting)
{
    if (Field *field = fieldOf(setting); field && !field->refusal.isEmpty()) {
        field->refusal.clear();
        refresh();
    }
}

void FieldProblems::show(const std::vector<SettingProblem> &problems, const std::vector<SettingProblem> &advice)
{
    m_problems = problems;
    m_advice = advice;
    refresh();
}

void FieldProblems::refresh()
{
    for (Field &field : m_fields) {
        QString text = field.refusal;
        bool isProblem = true;
        if (text.isEmpty())
            if (const SettingProblem *problem = firstFor(m_problems, field.settings))
                text = problem->message;
        if (text.isEmpty())
            if (const SettingProblem *advice = firstFor(m_advice, field.settings)) {
                text = advice->message;
                isProblem = false;
            }
        field.label->setText(sentence(text));
        field.label->setStyleSheet(isProblem ? kProblemStyle : kAdviceStyle);
    }
}

} // namespace rs
