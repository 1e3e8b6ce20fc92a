#include "userguide.h"

#include <QCoreApplication>
#include <QDialog>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

namespace rs {

QString userGuidePath()
{
    const QStringList candidates{
        QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("../share/doc/retrain-studio/user-guide.md")),
        QStringLiteral(RS_SOURCE_DOCS_DIR "/user-guide.md")};
    for (const QString &path : candidates)
        if (QFileInfo::exists(path))
            return QFileInfo(path).canonicalFilePath();
    return {};
}

QWidget *showUserGuide(QWidget *parent)
{
    const QString path = userGuidePath();
    if (path.isEmpty()) {
        auto *box = new QMessageBox(QMessageBox::Information, QCoreApplication::translate("UserGuide", "User guide"),
                                    QCoreApplication::translate("UserGuide",
                                                                "The user guide is not installed on this computer. The "
                                                                "retrain-studio package puts it in "
                                                                "/usr/share/doc/retrain-studio/user-guide.md; in the "
                                                                "source it is docs/user-guide.md."),
                                    QMessageBox::Ok, parent);
        box->setObjectName(QStringLiteral("userGuideMissing"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        return box;
    }
    auto *dialog = new QDialog(parent);
    dialog->setObjectName(QStringLiteral("userGuide"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(QCoreApplication::translate("UserGuide", "Retrain Studio user guide"));
    auto *browser = new QTextBrowser;
    browser->setObjectName(QStringLiteral("userGuideBrowser"));
    browser->setOpenExternalLinks(true);
    // The guide's pictures and links are relative to its folder.
    browser->setSource(QUrl::fromLocalFile(path), QTextDocument::MarkdownResource);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(browser);
    dialog->resize(900, 700);
    dialog->show();
    return dialog;
}

} // namespace rs
