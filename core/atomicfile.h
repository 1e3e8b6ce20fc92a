#pragma once

#include <QByteArray>
#include <QString>

namespace rs {

// Writes `bytes` to a temporary file beside `path` and renames it into place, so readers see
// the old file or the whole new one, never a part. Throws std::runtime_error naming the file.
void writeFileAtomically(const QString &path, const QByteArray &bytes);

} // namespace rs
