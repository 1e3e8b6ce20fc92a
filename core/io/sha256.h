#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <memory>

namespace rs {

// SHA-256 through OpenSSL, which uses the CPU's SHA instructions where it has them: about 6x
// QCryptographicHash's speed here, which matters for hashing every image file and the
// 100 MB of weights at every start. Same digests as any SHA-256.
class Sha256
{
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;

    void addData(QByteArrayView data);
    QByteArray result(); // 32 bytes; the object is spent after it

    static QByteArray hash(QByteArrayView data);

private:
    struct Context;
    std::unique_ptr<Context> d;
};

} // namespace rs
