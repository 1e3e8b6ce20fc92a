#pragma once

#include "training/settingrules.h"

#include <QObject>

#include <vector>

class QAbstractSpinBox;
class QDoubleSpinBox;
class QSpinBox;
class QLabel;

namespace rs {

// What is wrong with the Settings page's fields, each beside its field and in words that name
// it: the problems core's checks find, then advice (a run far longer than the data needs), and
// numbers typed out of a field's range, which a spin box would otherwise silently replace by the
// last good one when it loses focus.
class FieldProblems final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FieldProblems)

public:
    explicit FieldProblems(QObject *parent = nullptr);

    // A label, named `name`, that shows what concerns `settings`.
    QLabel *label(const QString &name, std::vector<Setting> settings);
    // A number typed into `box` out of `setting`'s range is refused in the label of `setting`
    // when the box loses focus, and the refusal stays until the box's value changes.
    void watchRange(QSpinBox *box, Setting setting);
    void watchRange(QDoubleSpinBox *box, Setting setting);
    // Each label shows its refusal, else its first problem, else its first advice.
    void show(const std::vector<SettingProblem> &problems, const std::vector<SettingProblem> &advice);

    // The message as a sentence: capitalised.
    static QString sentence(const QString &message);

private:
    struct Field
    {
        QLabel *label;
        std::vector<Setting> settings;
        QString refusal;
    };
    Field *fieldOf(Setting setting);
    void watchTyping(QAbstractSpinBox *box, Setting setting);
    void endRefusal(Setting setting);
    void refresh();

    std::vector<Field> m_fields;
    std::vector<SettingProblem> m_problems;
    std::vector<SettingProblem> m_advice;
};

} // namespace rs
