// The restricted unpickler on hand-made pickles: what a state dict needs is read, everything
// else is refused before it can act, and malformed input ends in FormatError, never a crash.

#include "io/pickle.h"

#include <ATen/Functions.h>

#include <QTest>

using rs::ByteReader;
using rs::FormatError;
namespace pickle = rs::pickle;

namespace {

// A byte string from a literal, embedded NULs included.
template<std::size_t N>
QByteArray raw(const char (&literal)[N])
{
    return QByteArray(literal, N - 1);
}

// {"a": 1, "b": [1.5, True, None]} as Python's pickle writes it with protocol 2.
const QByteArray kValidDict = raw("\x80\x02}q\x00(X\x01\x00\x00\x00" "aK\x01X\x01\x00\x00\x00" "b]q\x01"
                                  "(G?\xf8\x00\x00\x00\x00\x00\x00\x88Neu.");

// _rebuild_tensor_v2(persistent_id("pid"), OFFSET, (3,), (1,), False, OrderedDict())
QByteArray tensorPickle(char offset)
{
    return raw("\x80\x02" "ctorch._utils\n_rebuild_tensor_v2\n"
                      "(X\x03\x00\x00\x00pidQK")
        + offset + raw("K\x03\x85K\x01\x85\x89" "ccollections\nOrderedDict\n)RtR.");
}

pickle::ValuePtr fourFloats(const pickle::Value &)
{
    auto v = std::make_shared<pickle::Value>();
    v->kind = pickle::Kind::Storage;
    v->tensor = at::arange(4, at::kFloat);
    return v;
}

pickle::ValuePtr load(const QByteArray &bytes, const pickle::PersistentLoader &loader = fourFloats)
{
    ByteReader in(reinterpret_cast<const std::uint8_t *>(bytes.constData()), std::size_t(bytes.size()));
    return pickle::load(in, loader);
}

} // namespace

class TestPickle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsPlainValues()
    {
        const pickle::ValuePtr root = load(kValidDict);
        QCOMPARE(root->kind, pickle::Kind::Dict);
        QCOMPARE(root->entries.size(), std::size_t(2));
        QCOMPARE(root->entries[0].first->text, std::string("a"));
        QCOMPARE(root->entries[0].second->integer, std::int64_t(1));
        const auto &list = root->entries[1].second->items;
        QCOMPARE(list.size(), std::size_t(3));
        QCOMPARE(list[0]->real, 1.5);
        QVERIFY(list[1]->boolean);
        QCOMPARE(list[2]->kind, pickle::Kind::None);
    }

    void rebuildsTensorsInsideTheirStorage()
    {
        const pickle::ValuePtr t = load(tensorPickle('\x01'));
        QCOMPARE(t->kind, pickle::Kind::Tensor);
        QVERIFY(at::equal(t->tensor, at::arange(1, 4, at::kFloat)));
    }

    void refusesTensorsReachingPastTheirStorage()
    {
        QVERIFY_THROWS_EXCEPTION(FormatError, load(tensorPickle('\x02')));
    }

    void refusesHostilePickles_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("reason");
        QTest::newRow("os.system via GLOBAL")
            << raw("\x80\x02" "cposix\nsystem\nX\x02\x00\x00\x00ls\x85R.")
            << "refusing 'posix.system'";
        QTest::newRow("builtins.eval via STACK_GLOBAL")
            << raw("\x80\x04\x8c\x08" "builtins\x94\x8c\x04" "eval\x94\x93.")
            << "refusing 'builtins.eval'";
        QTest::newRow("INST opcode") << raw("(iposix\nsystem\n.") << "opcode 0x69";
        QTest::newRow("NEWOBJ opcode") << raw("\x81.") << "opcode 0x81";
        QTest::newRow("a list holding itself") << raw("]q\x00h\x00" "a.") << "cycle";
        QTest::newRow("deep nesting") << QByteArray(100, ']') + QByteArray(99, 'a') + '.' << "nest deeper";
        QTest::newRow("unknown memo entry") << raw("h\x05.") << "never stored";
        QTest::newRow("REDUCE on an empty stack") << raw("R.") << "underflow";
        QTest::newRow("values left over") << raw("K\x01K\x02.") << "left on its stack";
        QTest::newRow("string longer than the file") << raw("X\xff\xff\xff\x7f" "abc") << "unexpected end";
        QTest::newRow("OrderedDict with arguments")
            << raw("ccollections\nOrderedDict\nK\x01\x85R.") << "with arguments";
        QTest::newRow("calling a storage class") << raw("ctorch\nFloatStorage\n)R.") << "cannot be called";
        QTest::newRow("tensor without storage")
            << raw("ctorch._utils\n_rebuild_tensor_v2\n(K\x00K\x00))\x89}tR.") << "without a storage";
        QTest::newRow("no STOP") << raw("K\x01") << "unexpected end";
    }

    void refusesHostilePickles()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, reason);
        try {
            load(bytes);
            QFAIL("the pickle was accepted");
        } catch (const FormatError &e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(reason), e.what());
        }
    }

    void everyTruncationIsAnError()
    {
        for (const QByteArray &bytes : {kValidDict, tensorPickle('\x01')})
            for (qsizetype n = 0; n < bytes.size(); ++n)
                QVERIFY_THROWS_EXCEPTION(FormatError, load(bytes.left(n)));
    }
};

QTEST_GUILESS_MAIN(TestPickle)
#include "test_pickle.moc"
