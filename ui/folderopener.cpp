#include "folderopener.h"

#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

namespace rs {

QWidget *openFolderOf(const QString &file, QWidget *parent)
{
    const QString folder = QFileInfo(file).absolutePath();
    if (QDesktopServices::openUrl(QUrl::fromLocalFile(folder)))
        return nullptr;
    auto *dialog = new QDialog(parent);
    dialog->setObjectName(QStringLiteral("folderPathDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(QApplication::translate("FolderOpener", "Show in folder"));
    auto *path = new QLineEdit(QDir::toNativeSeparators(folder));
    path->setObjectName(QStringLiteral("folderPath"));
    path->setReadOnly(true);
    path->setMinimumWidth(400);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    QPushButton *copy = buttons->addButton(QApplication::translate("FolderOpener", "&Copy"), QDialogButtonBox::ActionRole);
    copy->setObjectName(QStringLiteral("copyPathButton"));
    QObject::connect(copy, &QPushButton::clicked, path, [path] { QGuiApplication::clipboard()->setText(path->text()); });
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(new QLabel(QApplication::translate(
        "FolderOpener", "No file manager could be started. The image is in this folder:")));
    layout->addWidget(path);
    layout->addWidget(buttons);
    dialog->open();
    return dialog;
}

} // namespace rs
