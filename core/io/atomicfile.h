#pragma once

#include <QByteArray>
#include <QString>

namespace rs {

// Writes `bytes` to a temporary file beside `path`, syncs it and renames it into place, so
// readers see the old file or the whole new one, never a part. Throws std::runtime_error
// "<path>: cannot write: <reason>"; the temporary file is removed.
void writeFileAtomically(const QString &path, const QByteArray &bytes);

// Writes all of `size` bytes at `offset` of the open file `fd`, resuming after short writes.
// Returns 0, or the errno of the failure: ENOSPC when the disk fills part-way, which buffered
// writers (QFile, QSaveFile) report as "Unknown error".
int writeFully(int fd, const char *data, qint64 size, qint64 offset);

// Creates `folder` and its parents as needed. Throws std::runtime_error
// "<folder>: cannot create the <what>: <reason>" (a read-only disk, a file in the way, ...).
void createFolder(const QString &folder, const char *what);

// Creates `folder` if needed and a file in it (removed at once). Lets a long run refuse at its
// start an output it could not write at its end. Throws std::runtime_error naming the folder
// and the reason.
void requireWritableFolder(const QString &folder);

} // namespace rs
