#include "mainactions.h"

#include "training/tuning.h"

#include <QAction>
#include <QApplication>
#include <QIcon>
#include <QKeySequence>
#include <QStyle>

#include <optional>

namespace rs {
namespace {

// The desktop theme's icon, else the one Qt's style bundles: a bare window manager has no icon
// theme, and the toolbar would show words only.
QAction *action(QObject *parent, const char *name, const QString &text, const QKeySequence &shortcut, const char *icon,
                std::optional<QStyle::StandardPixmap> fallback = std::nullopt)
{
    auto *a = new QAction(text, parent);
    a->setObjectName(QLatin1String(name));
    a->setShortcut(shortcut);
    a->setIcon(fallback ? QIcon::fromTheme(QLatin1String(icon), QApplication::style()->standardIcon(*fallback))
                        : QIcon::fromTheme(QLatin1String(icon)));
    return a;
}

QString shortcutText(const QAction *action)
{
    return action->shortcut().toString(QKeySequence::NativeText);
}

} // namespace

MainActions::MainActions(QObject *parent)
    : newProject(action(parent, "actionNewProject", tr("&New project"), QKeySequence::New, "document-new", QStyle::SP_FileIcon))
    , openProject(action(parent, "actionOpenProject", tr("&Open project…"), QKeySequence::Open, "document-open", QStyle::SP_DialogOpenButton))
    , saveProject(action(parent, "actionSaveProject", tr("&Save project"), QKeySequence::Save, "document-save", QStyle::SP_DialogSaveButton))
    , saveProjectAs(action(parent, "actionSaveProjectAs", tr("Save project &as…"), QKeySequence::SaveAs, "document-save-as"))
    , addFolder(action(parent, "actionAddFolder", tr("&Add image folder…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A),
                       "folder-new", QStyle::SP_FileDialogNewFolder))
    , start(action(parent, "actionStart", tr("&Start training"), QKeySequence(Qt::CTRL | Qt::Key_R), "media-playback-start", QStyle::SP_MediaPlay))
    , findSettings(action(parent, "actionFindSettings", tr("&Find good settings and train"),
                          QKeySequence(Qt::CTRL | Qt::Key_T), "system-search"))
    , findRate(action(parent, "actionFindRate", tr("Find a &learning rate…"), {}, ""))
    , checkData(action(parent, "actionCheckData", tr("&Check data"), QKeySequence(Qt::CTRL | Qt::Key_D), "edit-find"))
    , stop(action(parent, "actionStop", tr("S&top"), QKeySequence(Qt::CTRL | Qt::Key_Period), "media-playback-stop", QStyle::SP_MediaStop))
    , resume(action(parent, "actionResume", tr("&Resume stopped run"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
                    "media-seek-forward", QStyle::SP_MediaSeekForward))
    , exportModel(action(parent, "actionExportModel", tr("&Export model…"), QKeySequence(Qt::CTRL | Qt::Key_E), "document-export", QStyle::SP_DialogSaveButton))
    , exportReport(action(parent, "actionExportReport", tr("Export re&port…"), {}, "text-html"))
    , downloadWeights(action(parent, "actionDownloadWeights", tr("&Download ImageNet weights…"), {}, "download"))
    , quit(action(parent, "actionQuit", tr("&Quit"), QKeySequence::Quit, "application-exit"))
{
    resume->setToolTip(tr("Carry the stopped run on from where it stopped; it ends as if it had not been stopped"));
    start->setToolTip(tr("Train a classifier on the dataset with the current settings (%1)").arg(shortcutText(start)));
    findSettings->setToolTip(tr("Try %1 classifier settings on the image features, keep the one that scores best on "
                                "held-out images, train with it and make it the current settings (%2)")
                                 .arg(tuningCandidates({}).size())
                                 .arg(shortcutText(findSettings)));
    findRate->setToolTip(tr("Train briefly with rising learning rates and plot the loss: where it falls fastest is a "
                            "good base rate for the current settings"));
    checkData->setToolTip(tr("Find labels that look wrong, the same image twice and images unlike every class, from "
                             "the cached features (%1)").arg(shortcutText(checkData)));
    exportReport->setToolTip(tr("Write the last run's results, curves, mistakes and data health findings as one HTML "
                                "page that opens in any browser, offline"));
    stop->setToolTip(tr("Stop the run; the previous results stay (%1)").arg(shortcutText(stop)));
}

} // namespace rs
