#pragma once

#include <QCoreApplication>

class QAction;
class QObject;

namespace rs {

// The window's actions, named for tests and scripts, with their shortcuts, icons and tips.
// The window connects them; the menus and toolbar show them.
struct MainActions
{
    Q_DECLARE_TR_FUNCTIONS(MainActions)

public:
    explicit MainActions(QObject *parent);

    QAction *newProject;
    QAction *openProject;
    QAction *saveProject;
    QAction *saveProjectAs;
    QAction *addFolder;
    QAction *start;
    QAction *findSettings;
    QAction *findRate;
    QAction *checkData;
    QAction *stop;
    QAction *resume;
    QAction *exportModel;
    QAction *exportReport;
    QAction *downloadWeights;
    QAction *quit;
};

} // namespace rs
