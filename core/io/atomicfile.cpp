#include "io/atomicfile.h"

#include <QFile>
#include <QTemporaryFile>

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <filesystem>
#include <stdexcept>
#include <system_error>

namespace rs {
namespace {

[[noreturn]] void cannotWrite(const QString &path, int error)
{
    throw std::runtime_error(path.toStdString() + ": cannot write: " + std::generic_category().message(error));
}

} // namespace

int writeFully(int fd, const char *data, qint64 size, qint64 offset)
{
    while (size > 0) {
        const ssize_t written = ::pwrite(fd, data, std::size_t(size), off_t(offset));
        if (written < 0 && errno == EINTR)
            continue;
        if (written < 0)
            return errno;
        if (written == 0)
            return ENOSPC;
        data += written;
        size -= written;
        offset += written;
    }
    return 0;
}

void writeFileAtomically(const QString &path, const QByteArray &bytes)
{
    static std::atomic<unsigned> serial{0};
    const QByteArray target = QFile::encodeName(path);
    QByteArray temporary;
    int fd = -1;
    while (fd < 0) {
        temporary = target + ".tmp-" + QByteArray::number(::getpid()) + '-' + QByteArray::number(serial++);
        fd = ::open(temporary.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd < 0 && errno != EEXIST)
            cannotWrite(path, errno);
    }
    int error = writeFully(fd, bytes.constData(), bytes.size(), 0);
    // Synced before the rename, so that after a power loss the name holds the old bytes or
    // the new ones, not an empty file.
    if (error == 0 && ::fsync(fd) != 0)
        error = errno;
    if (::close(fd) != 0 && error == 0)
        error = errno;
    if (error == 0 && ::rename(temporary.constData(), target.constData()) != 0)
        error = errno;
    if (error != 0) {
        ::unlink(temporary.constData());
        cannotWrite(path, error);
    }
}

void createFolder(const QString &folder, const char *what)
{
    // std::filesystem, unlike QDir::mkpath, says why it failed.
    std::error_code error;
    std::filesystem::create_directories(std::filesystem::path(QFile::encodeName(folder).toStdString()), error);
    if (error)
        throw std::runtime_error(folder.toStdString() + ": cannot create the " + what + ": " + error.message());
}

void requireWritableFolder(const QString &folder)
{
    createFolder(folder, "folder");
    QTemporaryFile probe(folder + QStringLiteral("/.write-test-XXXXXX"));
    if (!probe.open())
        throw std::runtime_error(folder.toStdString() + ": cannot write in this folder: " + probe.errorString().toStdString());
}

} // namespace rs
