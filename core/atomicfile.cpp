#include "atomicfile.h"

#include <QSaveFile>

#include <stdexcept>

namespace rs {

void writeFileAtomically(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        throw std::runtime_error(path.toStdString() + ": cannot write: " + file.errorString().toStdString());
}

} // namespace rs
