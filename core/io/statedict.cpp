#include "io/statedict.h"

#include "io/bytereader.h"
#include "io/pickle.h"
#include "io/ziparchive.h"

#include <ATen/Functions.h>

#include <QFile>

#include <cstring>
#include <map>

namespace rs {
namespace {

using pickle::Kind;
using pickle::Value;
using pickle::ValuePtr;

// The storage tuple that torch.save writes in place of each storage:
// ('storage', StorageClass, key, location, numel[, view_metadata]).
struct StorageId
{
    at::ScalarType dtype;
    std::string key;
    std::int64_t numel;
    ValuePtr viewMetadata;
};

StorageId parseStorageId(const Value &pid)
{
    const auto &items = pickle::asTuple(pid, "persistent id");
    if (items.size() < 5 || pickle::asString(*items[0], "persistent id tag") != "storage")
        throw FormatError("persistent id is not a storage reference");
    if (items[1]->kind != Kind::Global || items[1]->callable != pickle::Callable::StorageType)
        throw FormatError("persistent id names no storage type");
    StorageId id{items[1]->dtype, pickle::asString(*items[2], "storage key"),
                 pickle::asInt(*items[4], "storage size"), nullptr};
    if (id.numel < 0)
        throw FormatError("negative storage size");
    if (items.size() > 5)
        id.viewMetadata = items[5];
    return id;
}

ValuePtr storageValue(at::Tensor flat)
{
    auto v = std::make_shared<Value>();
    v->kind = Kind::Storage;
    v->dtype = flat.scalar_type();
    v->tensor = std::move(flat);
    return v;
}

// Refuses sizes a file of `available` bytes cannot hold, before anything is allocated.
std::size_t storageBytes(const StorageId &id, std::size_t available)
{
    const std::size_t element = c10::elementSize(id.dtype);
    if (std::uint64_t(id.numel) > available / element)
        throw FormatError("storage '" + id.key + "' is larger than the file");
    return std::size_t(id.numel) * element;
}

StateDict toStateDict(const Value &root, StateDict::Format format)
{
    if (root.kind != Kind::Dict)
        throw FormatError("the file holds no state dict (its top-level object is not a dictionary)");
    StateDict dict;
    dict.format = format;
    for (const auto &[key, value] : root.entries) {
        const std::string &name = pickle::asString(*key, "state dict key");
        if (value->kind != Kind::Tensor)
            throw FormatError("state dict entry '" + name + "' is not a tensor");
        dict.tensors.emplace_back(name, value->tensor);
    }
    return dict;
}

StateDict readZip(const std::uint8_t *data, std::size_t size)
{
    ZipArchive zip(data, size);
    // The archive's top folder is named after the file torch.save wrote; find it via data.pkl.
    std::string prefix;
    const ZipArchive::Entry *pickleEntry = nullptr;
    for (const auto &entry : zip.entries()) {
        const auto slash = entry.name.find('/');
        if (slash != std::string::npos && entry.name.compare(slash, std::string::npos, "/data.pkl") == 0) {
            prefix = entry.name.substr(0, slash + 1);
            pickleEntry = &entry;
            break;
        }
    }
    if (!pickleEntry)
        throw FormatError("zip archive without data.pkl: not a torch.save file");
    if (const auto *order = zip.find(prefix + "byteorder")) {
        ByteReader r = zip.read(*order);
        if (r.string(r.size()) != "little")
            throw FormatError("big-endian tensor data is not supported");
    }

    std::map<std::string, ValuePtr> storages;
    auto load = [&](const Value &pid) -> ValuePtr {
        const StorageId id = parseStorageId(pid);
        if (auto it = storages.find(id.key); it != storages.end())
            return it->second;
        const auto *entry = zip.find(prefix + "data/" + id.key);
        if (!entry)
            throw FormatError("storage '" + id.key + "' is missing from the archive");
        if (entry->size != storageBytes(id, size))
            throw FormatError("storage '" + id.key + "' has " + std::to_string(entry->size)
                              + " bytes, expected " + std::to_string(storageBytes(id, size)));
        ByteReader bytes = zip.read(*entry);
        at::Tensor flat = at::empty({id.numel}, at::TensorOptions().dtype(id.dtype));
        if (entry->size > 0) // an empty storage has no data pointer to copy to
            std::memcpy(flat.data_ptr(), bytes.data(), entry->size);
        return storages[id.key] = storageValue(flat);
    };
    ByteReader in = zip.read(*pickleEntry);
    return toStateDict(*pickle::load(in, load), StateDict::Format::Zip);
}

StateDict readLegacy(const std::uint8_t *data, std::size_t size)
{
    ByteReader in(data, size);
    const auto noStorages = [](const Value &) -> ValuePtr {
        throw FormatError("storage reference outside the object pickle");
    };
    // Legacy files start with a magic number, a format version and platform information.
    const ValuePtr magic = pickle::load(in, noStorages);
    static const std::string kMagic("\x6c\xfc\x9c\x46\xf9\x20\x6a\xa8\x50\x19", 10);
    if (magic->kind != Kind::BigInt || magic->text != kMagic)
        throw FormatError("not a PyTorch weights file (no magic number)");
    if (pickle::asInt(*pickle::load(in, noStorages), "format version") != 1001)
        throw FormatError("unsupported legacy format version");
    const ValuePtr sysInfo = pickle::load(in, noStorages);
    for (const auto &[key, value] : sysInfo->entries)
        if (key->kind == Kind::String && key->text == "little_endian"
            && !(value->kind == Kind::Bool && value->boolean))
            throw FormatError("big-endian tensor data is not supported");

    std::map<std::string, ValuePtr> storages; // root storages, filled after the pickles
    auto load = [&](const Value &pid) -> ValuePtr {
        const StorageId id = parseStorageId(pid);
        auto it = storages.find(id.key);
        if (it == storages.end()) {
            storageBytes(id, size);
            at::Tensor flat = at::empty({id.numel}, at::TensorOptions().dtype(id.dtype));
            it = storages.emplace(id.key, storageValue(flat)).first;
        } else if (it->second->dtype != id.dtype) {
            throw FormatError("storage '" + id.key + "' is used with two types");
        }
        if (!id.viewMetadata || id.viewMetadata->kind == Kind::None)
            return it->second;
        // A view into the root storage: (view_key, offset, size).
        const auto &view = pickle::asTuple(*id.viewMetadata, "storage view");
        if (view.size() != 3)
            throw FormatError("malformed storage view");
        const std::int64_t offset = pickle::asInt(*view[1], "view offset");
        const std::int64_t length = pickle::asInt(*view[2], "view size");
        const at::Tensor &root = it->second->tensor;
        if (offset < 0 || length < 0 || offset > root.numel() || length > root.numel() - offset)
            throw FormatError("storage view reaches outside storage '" + id.key + "'");
        return storageValue(root.narrow(0, offset, length));
    };
    const ValuePtr root = pickle::load(in, load);

    const ValuePtr keys = pickle::load(in, noStorages);
    if (keys->kind != Kind::List)
        throw FormatError("storage key list missing");
    for (const ValuePtr &keyValue : keys->items) {
        const std::string &key = pickle::asString(*keyValue, "storage key");
        auto it = storages.find(key);
        if (it == storages.end())
            throw FormatError("data for storage '" + key + "' that nothing uses");
        at::Tensor &flat = it->second->tensor;
        if (in.littleEndian<std::int64_t>() != flat.numel())
            throw FormatError("storage '" + key + "' has the wrong size");
        const auto *data = in.take(flat.nbytes());
        if (flat.nbytes() > 0) // an empty storage has no data pointer to copy to
            std::memcpy(flat.data_ptr(), data, flat.nbytes());
        storages.erase(it);
    }
    if (!storages.empty())
        throw FormatError("data for storage '" + storages.begin()->first + "' is missing");
    return toStateDict(*root, StateDict::Format::Legacy);
}

} // namespace

const char *formatName(StateDict::Format format)
{
    return format == StateDict::Format::Zip ? "zip" : "legacy";
}

StateDict readStateDict(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        throw FormatError("the file is empty");
    if (size >= 4 && std::memcmp(data, "PK\x03\x04", 4) == 0)
        return readZip(data, size);
    if (data[0] == 0x80) // a pickle's PROTO opcode
        return readLegacy(data, size);
    throw FormatError("not a PyTorch weights file (neither zip nor legacy pickle format)");
}

StateDict readStateDict(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw FormatError("cannot open: " + file.errorString().toStdString());
    if (file.size() == 0)
        throw FormatError("the file is empty");
    const uchar *data = file.map(0, file.size());
    if (!data)
        throw FormatError("cannot read: " + file.errorString().toStdString());
    // Tensors are copied out of the mapping, so it may go when the file closes.
    return readStateDict(data, std::size_t(file.size()));
}

} // namespace rs
