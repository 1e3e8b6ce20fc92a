#include "io/pickle.h"

#include <c10/core/ScalarType.h>

#include <cstdio>
#include <unordered_map>

namespace rs::pickle {
namespace {

constexpr int kMaxDepth = 64; // a state dict nests 4 deep; this only stops hostile nesting
constexpr std::size_t kMaxDims = 16;

ValuePtr make(Kind kind)
{
    auto v = std::make_shared<Value>();
    v->kind = kind;
    return v;
}

struct AllowedGlobal
{
    const char *module;
    const char *name;
    Callable callable;
    at::ScalarType dtype;
};

// Everything torch.save (and LibTorch's pickle_save) puts into a state dict; nothing else
// may be named by the file.
constexpr AllowedGlobal kAllowedGlobals[] = {
    {"collections", "OrderedDict", Callable::OrderedDict, at::ScalarType::Undefined},
    {"torch._utils", "_rebuild_tensor_v2", Callable::RebuildTensorV2, at::ScalarType::Undefined},
    {"torch._utils", "_rebuild_tensor", Callable::RebuildTensorV1, at::ScalarType::Undefined},
    {"torch._utils", "_rebuild_parameter", Callable::RebuildParameter, at::ScalarType::Undefined},
    {"torch.jit._pickle", "restore_type_tag", Callable::RestoreTypeTag, at::ScalarType::Undefined},
    {"torch", "FloatStorage", Callable::StorageType, at::kFloat},
    {"torch", "DoubleStorage", Callable::StorageType, at::kDouble},
    {"torch", "HalfStorage", Callable::StorageType, at::kHalf},
    {"torch", "BFloat16Storage", Callable::StorageType, at::kBFloat16},
    {"torch", "LongStorage", Callable::StorageType, at::kLong},
    {"torch", "IntStorage", Callable::StorageType, at::kInt},
    {"torch", "ShortStorage", Callable::StorageType, at::kShort},
    {"torch", "CharStorage", Callable::StorageType, at::kChar},
    {"torch", "ByteStorage", Callable::StorageType, at::kByte},
    {"torch", "BoolStorage", Callable::StorageType, at::kBool},
};

class Machine
{
public:
    Machine(ByteReader &in, const PersistentLoader &persistentLoad)
        : m_in(in), m_persistentLoad(persistentLoad)
    {
    }

    ValuePtr run();

private:
    ValuePtr pop()
    {
        if (m_stack.size() <= floor())
            m_in.fail("pickle stack underflow");
        ValuePtr v = std::move(m_stack.back());
        m_stack.pop_back();
        return v;
    }
    ValuePtr &top()
    {
        if (m_stack.size() <= floor())
            m_in.fail("pickle stack underflow");
        return m_stack.back();
    }
    std::size_t floor() const { return m_marks.empty() ? 0 : m_marks.back(); }
    std::vector<ValuePtr> popToMark();
    void push(ValuePtr v) { m_stack.push_back(std::move(v)); }

    void adopt(Value &container, const ValuePtr &child);
    Value &mutableContainer(Kind kind);
    void pushInt(std::int64_t v);
    void pushLong(std::size_t bytes);
    void pushString(std::size_t length) { auto v = make(Kind::String); v->text = m_in.string(length); push(v); }
    void pushGlobal(const std::string &module, const std::string &name);
    void pushTuple(std::vector<ValuePtr> items);
    void memoize(std::uint64_t index) { m_memo[index] = top(); }
    void recall(std::uint64_t index);
    void reduce();
    void build();
    ValuePtr rebuildTensor(const std::vector<ValuePtr> &args, bool v2);

    ByteReader &m_in;
    const PersistentLoader &m_persistentLoad;
    std::vector<ValuePtr> m_stack;
    std::vector<std::size_t> m_marks;
    std::unordered_map<std::uint64_t, ValuePtr> m_memo;
};

void Machine::adopt(Value &container, const ValuePtr &child)
{
    if (child.get() == &container)
        m_in.fail("pickle puts a container inside itself (a reference cycle)");
    child->frozen = true;
    container.depth = std::max(container.depth, child->depth + 1);
    if (container.depth > kMaxDepth)
        m_in.fail("values nest deeper than " + std::to_string(kMaxDepth) + " levels");
}

Value &Machine::mutableContainer(Kind kind)
{
    Value &v = *top();
    if (v.kind != kind)
        m_in.fail("pickle appends to a value that is not a container");
    if (v.frozen)
        m_in.fail("pickle mutates a value after sharing it (a reference cycle)");
    return v;
}

std::vector<ValuePtr> Machine::popToMark()
{
    if (m_marks.empty())
        m_in.fail("pickle has no MARK to pop to");
    const std::size_t mark = m_marks.back();
    m_marks.pop_back();
    std::vector<ValuePtr> items(std::make_move_iterator(m_stack.begin() + mark),
                                std::make_move_iterator(m_stack.end()));
    m_stack.resize(mark);
    return items;
}

void Machine::pushInt(std::int64_t value)
{
    auto v = make(Kind::Int);
    v->integer = value;
    push(v);
}

void Machine::pushLong(std::size_t bytes)
{
    const std::uint8_t *p = m_in.take(bytes);
    if (bytes > 8) {
        auto v = make(Kind::BigInt);
        v->text.assign(reinterpret_cast<const char *>(p), bytes);
        push(v);
        return;
    }
    std::uint64_t u = 0;
    for (std::size_t i = 0; i < bytes; ++i)
        u |= std::uint64_t(p[i]) << (8 * i);
    if (bytes > 0 && bytes < 8 && (p[bytes - 1] & 0x80))
        u |= ~std::uint64_t(0) << (8 * bytes); // sign-extend
    pushInt(static_cast<std::int64_t>(u));
}

void Machine::pushGlobal(const std::string &module, const std::string &name)
{
    for (const AllowedGlobal &g : kAllowedGlobals) {
        if (module == g.module && name == g.name) {
            auto v = make(Kind::Global);
            v->callable = g.callable;
            v->dtype = g.dtype;
            v->text = module + "." + name;
            push(v);
            return;
        }
    }
    m_in.fail("refusing '" + module + "." + name
              + "': a weights file may only name tensors, storages and OrderedDict");
}

void Machine::pushTuple(std::vector<ValuePtr> items)
{
    auto t = make(Kind::Tuple);
    for (const ValuePtr &item : items)
        adopt(*t, item);
    t->items = std::move(items);
    push(t);
}

void Machine::recall(std::uint64_t index)
{
    auto it = m_memo.find(index);
    if (it == m_memo.end())
        m_in.fail("pickle refers to memo entry " + std::to_string(index) + " that was never stored");
    push(it->second);
}

ValuePtr Machine::rebuildTensor(const std::vector<ValuePtr> &args, bool v2)
{
    if (args.size() < 4 || (v2 && args.size() < 6) || args.size() > 7)
        m_in.fail("tensor rebuild with " + std::to_string(args.size()) + " arguments");
    const Value &storage = *args[0];
    if (storage.kind != Kind::Storage)
        m_in.fail("tensor rebuild without a storage");
    const std::int64_t offset = asInt(*args[1], "storage offset");
    const auto &sizeItems = asTuple(*args[2], "tensor size");
    const auto &strideItems = asTuple(*args[3], "tensor stride");
    if (sizeItems.size() != strideItems.size() || sizeItems.size() > kMaxDims)
        m_in.fail("tensor size and stride disagree");
    if (v2 && !(args[5]->kind == Kind::Dict && args[5]->entries.empty()))
        m_in.fail("tensor carries backward hooks, which a weights file never needs");

    std::vector<std::int64_t> size, stride;
    std::int64_t lastIndex = offset;
    bool empty = false;
    for (std::size_t d = 0; d < sizeItems.size(); ++d) {
        const std::int64_t n = asInt(*sizeItems[d], "tensor size");
        const std::int64_t s = asInt(*strideItems[d], "tensor stride");
        std::int64_t reach = 0;
        if (n < 0 || s < 0 || (n > 0 && __builtin_mul_overflow(n - 1, s, &reach))
            || __builtin_add_overflow(lastIndex, reach, &lastIndex))
            m_in.fail("tensor size or stride out of range");
        empty = empty || n == 0;
        size.push_back(n);
        stride.push_back(s);
    }
    const std::int64_t available = storage.tensor.numel();
    if (offset < 0 || (!empty && lastIndex >= available) || (empty && offset > available))
        m_in.fail("tensor reaches past the end of its storage");

    auto t = make(Kind::Tensor);
    t->tensor = storage.tensor.as_strided(size, stride, storage.tensor.storage_offset() + offset);
    return t;
}

void Machine::reduce()
{
    ValuePtr args = pop();
    ValuePtr callable = pop();
    if (callable->kind != Kind::Global || args->kind != Kind::Tuple)
        m_in.fail("REDUCE of something that is not an allowed callable");
    switch (callable->callable) {
    case Callable::OrderedDict:
        if (!args->items.empty())
            m_in.fail("OrderedDict built with arguments");
        push(make(Kind::Dict));
        return;
    case Callable::RebuildTensorV2:
    case Callable::RebuildTensorV1:
        push(rebuildTensor(args->items, callable->callable == Callable::RebuildTensorV2));
        return;
    case Callable::RebuildParameter:
        if (args->items.empty() || args->items[0]->kind != Kind::Tensor)
            m_in.fail("parameter rebuilt without a tensor");
        push(args->items[0]);
        return;
    case Callable::RestoreTypeTag:
        if (args->items.size() != 2 || args->items[1]->kind != Kind::String)
            m_in.fail("malformed type tag");
        push(args->items[0]);
        return;
    case Callable::StorageType:
        break;
    }
    m_in.fail("'" + callable->text + "' cannot be called");
}

void Machine::build()
{
    ValuePtr state = pop();
    // OrderedDict's only state is instance attributes such as a state dict's `_metadata`
    // (BatchNorm versions), which loading does not need.
    if (top()->kind != Kind::Dict || (state->kind != Kind::Dict && state->kind != Kind::None))
        m_in.fail("BUILD on a value that is not a dictionary");
}

ValuePtr Machine::run()
{
    for (;;) {
        const std::uint8_t op = m_in.u8();
        switch (op) {
        case 0x80: // PROTO
            if (m_in.u8() > 5)
                m_in.fail("pickle protocol newer than 5");
            break;
        case 0x95: // FRAME: a length hint only
            m_in.littleEndian<std::uint64_t>();
            break;
        case '.': { // STOP
            ValuePtr result = pop();
            if (!m_stack.empty() || !m_marks.empty())
                m_in.fail("pickle ends with values left on its stack");
            return result;
        }
        case '(': m_marks.push_back(m_stack.size()); break;
        case '0': pop(); break;
        case '1': popToMark(); break;
        case '2': push(top()); break;
        case 'N': push(make(Kind::None)); break;
        case 0x88:
        case 0x89: {
            auto v = make(Kind::Bool);
            v->boolean = op == 0x88;
            push(v);
            break;
        }
        case 'J': pushInt(m_in.littleEndian<std::int32_t>()); break;
        case 'K': pushInt(m_in.u8()); break;
        case 'M': pushInt(m_in.littleEndian<std::uint16_t>()); break;
        case 0x8a: pushLong(m_in.u8()); break;
        case 0x8b: pushLong(m_in.littleEndian<std::uint32_t>()); break;
        case 'G': {
            const std::uint8_t *p = m_in.take(8);
            std::uint64_t bits = 0;
            for (int i = 0; i < 8; ++i)
                bits = (bits << 8) | p[i];
            auto v = make(Kind::Float);
            std::memcpy(&v->real, &bits, 8);
            push(v);
            break;
        }
        case 'X': pushString(m_in.littleEndian<std::uint32_t>()); break;
        case 0x8c: pushString(m_in.u8()); break;
        case 0x8d: pushString(m_in.littleEndian<std::uint64_t>()); break;
        case 'U': pushString(m_in.u8()); break;
        case 'T': pushString(m_in.littleEndian<std::uint32_t>()); break;
        case 'C': pushString(m_in.u8()); break;
        case 'B': pushString(m_in.littleEndian<std::uint32_t>()); break;
        case ')': pushTuple({}); break;
        case 0x85: pushTuple({pop()}); break;
        case 0x86: { ValuePtr b = pop(); ValuePtr a = pop(); pushTuple({a, b}); break; }
        case 0x87: { ValuePtr c = pop(); ValuePtr b = pop(); ValuePtr a = pop(); pushTuple({a, b, c}); break; }
        case 't': pushTuple(popToMark()); break;
        case ']': push(make(Kind::List)); break;
        case '}': push(make(Kind::Dict)); break;
        case 'a': {
            ValuePtr item = pop();
            Value &list = mutableContainer(Kind::List);
            adopt(list, item);
            list.items.push_back(item);
            break;
        }
        case 'e': {
            std::vector<ValuePtr> items = popToMark();
            Value &list = mutableContainer(Kind::List);
            for (const ValuePtr &item : items) {
                adopt(list, item);
                list.items.push_back(item);
            }
            break;
        }
        case 's':
        case 'u': {
            std::vector<ValuePtr> items;
            if (op == 's') {
                ValuePtr value = pop();
                ValuePtr key = pop();
                items = {key, value};
            } else {
                items = popToMark();
            }
            if (items.size() % 2 != 0)
                m_in.fail("SETITEMS with an odd number of values");
            Value &dict = mutableContainer(Kind::Dict);
            for (std::size_t i = 0; i < items.size(); i += 2) {
                adopt(dict, items[i]);
                adopt(dict, items[i + 1]);
                dict.entries.emplace_back(items[i], items[i + 1]);
            }
            break;
        }
        case 'q': memoize(m_in.u8()); break;
        case 'r': memoize(m_in.littleEndian<std::uint32_t>()); break;
        case 0x94: memoize(m_memo.size()); break;
        case 'h': recall(m_in.u8()); break;
        case 'j': recall(m_in.littleEndian<std::uint32_t>()); break;
        case 'c': {
            auto line = [this] {
                std::string s;
                for (char c; (c = static_cast<char>(m_in.u8())) != '\n';) {
                    if (s.size() > 256)
                        m_in.fail("GLOBAL name too long");
                    s += c;
                }
                return s;
            };
            const std::string module = line();
            const std::string name = line();
            pushGlobal(module, name);
            break;
        }
        case 0x93: { // STACK_GLOBAL
            ValuePtr name = pop();
            ValuePtr module = pop();
            pushGlobal(asString(*module, "global module"), asString(*name, "global name"));
            break;
        }
        case 'R': reduce(); break;
        case 'b': build(); break;
        case 'Q': {
            ValuePtr pid = pop();
            ValuePtr storage = m_persistentLoad ? m_persistentLoad(*pid) : nullptr;
            if (!storage || storage->kind != Kind::Storage)
                m_in.fail("unresolvable persistent id");
            push(storage);
            break;
        }
        default: {
            char hex[8];
            std::snprintf(hex, sizeof hex, "0x%02x", op);
            m_in.fail(std::string("pickle opcode ") + hex + " is not allowed in a weights file");
        }
        }
    }
}

} // namespace

ValuePtr load(ByteReader &in, const PersistentLoader &persistentLoad)
{
    return Machine(in, persistentLoad).run();
}

const std::string &asString(const Value &v, const char *what)
{
    if (v.kind != Kind::String)
        throw FormatError(std::string(what) + " is not a string");
    return v.text;
}

std::int64_t asInt(const Value &v, const char *what)
{
    if (v.kind != Kind::Int)
        throw FormatError(std::string(what) + " is not an integer");
    return v.integer;
}

const std::vector<ValuePtr> &asTuple(const Value &v, const char *what)
{
    if (v.kind != Kind::Tuple)
        throw FormatError(std::string(what) + " is not a tuple");
    return v.items;
}

} // namespace rs::pickle
