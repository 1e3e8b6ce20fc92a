#pragma once

// A restricted unpickler for the files torch.save writes. It knows only the opcodes of
// protocols 2-5 that such files use and only the few globals a state dict needs; any
// other global (os.system, builtins.eval, ...) is refused before it could be called.

#include "io/bytereader.h"

#include <ATen/core/Tensor.h>

#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace rs::pickle {

struct Value;
using ValuePtr = std::shared_ptr<Value>;

enum class Kind {
    None,
    Bool,
    Int,
    BigInt, // wider than 64 bits: kept as little-endian two's complement bytes in `text`
    Float,
    String, // str and bytes alike
    Tuple,
    List,
    Dict,
    Global,  // one of the allowed callables or storage classes
    Storage, // a whole storage as a flat 1-D tensor of its dtype
    Tensor,
};

enum class Callable {
    OrderedDict,
    RebuildTensorV2,
    RebuildTensorV1,
    RebuildParameter,
    RestoreTypeTag, // LibTorch's typed containers: returns its first argument
    StorageType,
};

struct Value
{
    Kind kind = Kind::None;
    bool boolean = false;
    std::int64_t integer = 0;
    double real = 0.0;
    std::string text;
    std::vector<ValuePtr> items;                        // Tuple, List
    std::vector<std::pair<ValuePtr, ValuePtr>> entries; // Dict, in insertion order
    Callable callable = Callable::OrderedDict;          // Global
    at::ScalarType dtype = at::ScalarType::Undefined;   // Global StorageType, Storage
    at::Tensor tensor;                                  // Storage, Tensor
    int depth = 1;        // nesting depth; bounded so destruction cannot overflow the stack
    bool frozen = false;  // set once held by another value: containers are never mutated later,
                          // which rules out reference cycles
};

// Resolves a persistent id (the tuple torch.save writes in place of each storage)
// to a Storage value.
using PersistentLoader = std::function<ValuePtr(const Value &pid)>;

// Reads one pickle starting at the reader's position and leaves the reader just past its
// STOP opcode. Throws FormatError for anything malformed or not allowed.
ValuePtr load(ByteReader &in, const PersistentLoader &persistentLoad);

// Helpers for interpreting loaded values; each throws FormatError with `what` in the message.
const std::string &asString(const Value &v, const char *what);
std::int64_t asInt(const Value &v, const char *what);
const std::vector<ValuePtr> &asTuple(const Value &v, const char *what);

} // namespace rs::pickle
