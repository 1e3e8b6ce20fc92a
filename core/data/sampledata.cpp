#include "data/sampledata.h"

#include "io/atomicfile.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include <zlib.h>

#include <QDir>
#include <QFile>

#include <array>
#include <stdexcept>

namespace rs {
namespace {

// Folder-safe forms of Fashion-MNIST's class names, in label order.
const std::array<const char *, 10> kClassNames = {
    "T-shirt_top", "Trouser", "Pullover", "Dress", "Coat",
    "Sandal", "Shirt", "Sneaker", "Bag", "Ankle_boot"};

// An IDX file (big-endian header, then bytes), gzip-compressed as the package ships it.
QByteArray readIdx(const QString &path, std::uint32_t magic, std::vector<std::uint32_t> &dims)
{
    gzFile gz = gzopen(QFile::encodeName(path).constData(), "rb");
    if (!gz)
        throw std::runtime_error(path.toStdString() + ": cannot open (is dataset-fashion-mnist installed?)");
    QByteArray data;
    char buffer[1 << 16];
    for (int n; (n = gzread(gz, buffer, sizeof buffer)) > 0;)
        data.append(buffer, n);
    const bool readError = gzclose(gz) != Z_OK;
    auto be32 = [&](int offset) {
        const auto *p = reinterpret_cast<const std::uint8_t *>(data.constData()) + offset;
        return std::uint32_t(p[0]) << 24 | std::uint32_t(p[1]) << 16 | std::uint32_t(p[2]) << 8 | p[3];
    };
    const int rank = int(magic & 0xff);
    if (readError || data.size() < 4 + 4 * rank || be32(0) != magic)
        throw std::runtime_error(path.toStdString() + ": not a valid IDX file");
    qsizetype expected = 4 + 4 * rank;
    qsizetype count = 1;
    dims.clear();
    for (int i = 0; i < rank; ++i) {
        dims.push_back(be32(4 + 4 * i));
        count *= dims.back();
    }
    if (data.size() != expected + count)
        throw std::runtime_error(path.toStdString() + ": truncated IDX file");
    return data.mid(expected);
}

} // namespace

QString defaultFashionMnistDir()
{
    return QStringLiteral("/usr/share/datasets/fashion-mnist");
}

SampleDataResult writeFashionMnistSamples(const QString &outDir, int perClass, const QString &sourceDir)
{
    std::vector<std::uint32_t> imageDims, labelDims;
    const QByteArray images = readIdx(sourceDir + QStringLiteral("/t10k-images-idx3-ubyte.gz"), 0x803, imageDims);
    const QByteArray labels = readIdx(sourceDir + QStringLiteral("/t10k-labels-idx1-ubyte.gz"), 0x801, labelDims);
    if (imageDims[0] != labelDims[0])
        throw std::runtime_error("Fashion-MNIST images and labels disagree in count");
    const int rows = int(imageDims[1]), cols = int(imageDims[2]);

    SampleDataResult result;
    std::array<int, kClassNames.size()> written{};
    for (const char *name : kClassNames) {
        result.classes << QString::fromLatin1(name);
        createFolder(QDir(outDir).filePath(QString::fromLatin1(name)), "class folder");
    }
    for (qsizetype i = 0; i < labels.size(); ++i) {
        const auto label = std::uint8_t(labels[i]);
        if (label >= kClassNames.size() || written[label] >= perClass)
            continue;
        ++written[label];
        const QString path = QStringLiteral("%1/%2/fmnist_%3.png")
                                 .arg(outDir, QString::fromLatin1(kClassNames[label]))
                                 .arg(i, 5, 10, QLatin1Char('0'));
        if (QFile::exists(path)) {
            ++result.imagesKept;
            continue;
        }
        const cv::Mat image(rows, cols, CV_8U, const_cast<char *>(images.constData()) + i * rows * cols);
        std::vector<std::uint8_t> png;
        cv::imencode(".png", image, png);
        writeFileAtomically(path, QByteArray(reinterpret_cast<const char *>(png.data()), qsizetype(png.size())));
        ++result.imagesWritten;
    }
    return result;
}

} // namespace rs
