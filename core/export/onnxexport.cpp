#include "export/onnxexport.h"

#include "io/atomicfile.h"
#include "model/backboneimpl.h"
#include "training/classifierhead.h"
#include "training/classifierheadimpl.h"

#include <ATen/Functions.h>
#include <onnx/onnx_pb.h>

#include <functional>

namespace rs {
namespace {

using namespace inception;

// Builds the graph node by node; tensor names are made unique with a counter.
class GraphBuilder
{
public:
    explicit GraphBuilder(onnx::GraphProto &graph) : m_graph(graph) {}

    std::string constant(const at::Tensor &value, const std::string &hint)
    {
        const at::Tensor t = value.detach().to(at::kFloat).contiguous();
        onnx::TensorProto *tensor = m_graph.add_initializer();
        tensor->set_name(unique(hint));
        tensor->set_data_type(onnx::TensorProto::FLOAT);
        for (std::int64_t d : t.sizes())
            tensor->add_dims(d);
        tensor->set_raw_data(t.data_ptr<float>(), std::size_t(t.numel()) * sizeof(float));
        return tensor->name();
    }

    std::string int64Constant(const std::vector<std::int64_t> &values, const std::string &hint)
    {
        onnx::TensorProto *tensor = m_graph.add_initializer();
        tensor->set_name(unique(hint));
        tensor->set_data_type(onnx::TensorProto::INT64);
        tensor->add_dims(std::int64_t(values.size()));
        for (std::int64_t v : values)
            tensor->add_int64_data(v);
        return tensor->name();
    }

    std::string node(const std::string &op, const std::vector<std::string> &inputs,
                     const std::function<void(onnx::NodeProto &)> &attributes = {})
    {
        onnx::NodeProto *n = m_graph.add_node();
        n->set_op_type(op);
        n->set_name(unique(op));
        for (const std::string &input : inputs)
            n->add_input(input);
        n->add_output(unique(op + "_out"));
        if (attributes)
            attributes(*n);
        return n->output(0);
    }

    static void ints(onnx::NodeProto &n, const char *name, const std::vector<std::int64_t> &values)
    {
        onnx::AttributeProto *a = n.add_attribute();
        a->set_name(name);
        a->set_type(onnx::AttributeProto::INTS);
        for (std::int64_t v : values)
            a->add_ints(v);
    }

    static void integer(onnx::NodeProto &n, const char *name, std::int64_t value)
    {
        onnx::AttributeProto *a = n.add_attribute();
        a->set_name(name);
        a->set_type(onnx::AttributeProto::INT);
        a->set_i(value);
    }

private:
    std::string unique(const std::string &hint) { return hint + "_" + std::to_string(m_count++); }

    onnx::GraphProto &m_graph;
    int m_count = 0;
};

// Conv + BatchNorm + ReLU as one convolution with bias, as writeTorchScript folds it.
std::string conv(GraphBuilder &g, const BasicConv2dImpl &m, const std::string &x)
{
    const auto &bn = *m.bn;
    const at::Tensor scale = bn.weight / at::sqrt(bn.running_var + bn.options.eps());
    const std::string weight = g.constant(m.conv->weight * scale.view({-1, 1, 1, 1}), "weight");
    const std::string bias = g.constant(bn.bias - bn.running_mean * scale, "bias");
    const auto &options = m.conv->options;
    const auto padding = c10::get<torch::ExpandingArray<2>>(options.padding());
    const std::string y = g.node("Conv", {x, weight, bias}, [&](onnx::NodeProto &n) {
        GraphBuilder::ints(n, "kernel_shape", {m.conv->weight.size(2), m.conv->weight.size(3)});
        GraphBuilder::ints(n, "strides", {(*options.stride())[0], (*options.stride())[1]});
        GraphBuilder::ints(n, "pads", {(*padding)[0], (*padding)[1], (*padding)[0], (*padding)[1]});
    });
    return g.node("Relu", {y});
}

std::string maxPool(GraphBuilder &g, const std::string &x)
{
    return g.node("MaxPool", {x}, [](onnx::NodeProto &n) {
        GraphBuilder::ints(n, "kernel_shape", {3, 3});
        GraphBuilder::ints(n, "strides", {2, 2});
    });
}

// torch.avg_pool2d(x, 3, 1, 1) counts the zero padding in every average. The zeros are an explicit
// Pad node rather than AveragePool's pads with count_include_pad = 1, which OpenCV 4.6 ignores (it
// averaged the border over fewer cells: InceptionV3's features came out up to 20 % off).
std::string averagePool(GraphBuilder &g, const std::string &x)
{
    const std::string padded = g.node("Pad", {x, g.int64Constant({0, 0, 1, 1, 0, 0, 1, 1}, "pads")});
    return g.node("AveragePool", {padded}, [](onnx::NodeProto &n) {
        GraphBuilder::ints(n, "kernel_shape", {3, 3});
        GraphBuilder::ints(n, "strides", {1, 1});
    });
}

std::string concat(GraphBuilder &g, const std::vector<std::string> &parts)
{
    return g.node("Concat", parts, [](onnx::NodeProto &n) { GraphBuilder::integer(n, "axis", 1); });
}

// Each block's computation, as its C++ forward() and writeTorchScript's blockSource().
std::string block(GraphBuilder &g, const torch::nn::Module &m, const std::string &x)
{
    const auto c = [&](const BasicConv2d &layer, const std::string &in) { return conv(g, *layer, in); };
    if (const auto *a = m.as<InceptionAImpl>())
        return concat(g, {c(a->branch1x1, x), c(a->branch5x5_2, c(a->branch5x5_1, x)),
                          c(a->branch3x3dbl_3, c(a->branch3x3dbl_2, c(a->branch3x3dbl_1, x))),
                          c(a->branch_pool, averagePool(g, x))});
    if (const auto *b = m.as<InceptionBImpl>())
        return concat(g, {c(b->branch3x3, x), c(b->branch3x3dbl_3, c(b->branch3x3dbl_2, c(b->branch3x3dbl_1, x))),
                          maxPool(g, x)});
    if (const auto *k = m.as<InceptionCImpl>()) {
        const std::string dbl = c(k->branch7x7dbl_3, c(k->branch7x7dbl_2, c(k->branch7x7dbl_1, x)));
        return concat(g, {c(k->branch1x1, x), c(k->branch7x7_3, c(k->branch7x7_2, c(k->branch7x7_1, x))),
                          c(k->branch7x7dbl_5, c(k->branch7x7dbl_4, dbl)), c(k->branch_pool, averagePool(g, x))});
    }
    if (const auto *d = m.as<InceptionDImpl>())
        return concat(g, {c(d->branch3x3_2, c(d->branch3x3_1, x)),
                          c(d->branch7x7x3_4, c(d->branch7x7x3_3, c(d->branch7x7x3_2, c(d->branch7x7x3_1, x)))),
                          maxPool(g, x)});
    if (const auto *e = m.as<InceptionEImpl>()) {
        const std::string b3 = c(e->branch3x3_1, x);
        const std::string dbl = c(e->branch3x3dbl_2, c(e->branch3x3dbl_1, x));
        return concat(g, {c(e->branch1x1, x), concat(g, {c(e->branch3x3_2a, b3), c(e->branch3x3_2b, b3)}),
                          concat(g, {c(e->branch3x3dbl_3a, dbl), c(e->branch3x3dbl_3b, dbl)}),
                          c(e->branch_pool, averagePool(g, x))});
    }
    if (const auto *single = m.as<BasicConv2dImpl>())
        return conv(g, *single, x);
    throw std::logic_error("no ONNX form for this InceptionV3 block");
}

std::string linear(GraphBuilder &g, const torch::nn::LinearImpl &layer, const std::string &x)
{
    return g.node("Gemm", {x, g.constant(layer.weight, "weight"), g.constant(layer.bias, "bias")},
                  [](onnx::NodeProto &n) { GraphBuilder::integer(n, "transB", 1); });
}

} // namespace

void writeOnnx(const QString &path, const Backbone &backbone, const QString &layer, const ClassifierHead &head)
{
    const InceptionV3Impl &model = *backbone.impl().model;
    const std::string activation = activationFor(layer).first;
    const bool wholeNetwork = activation == "avgpool" || activation == "fc";
    torch::NoGradGuard noGrad;

    onnx::ModelProto proto;
    proto.set_ir_version(8);
    proto.set_producer_name("retrain-studio");
    proto.set_producer_version(RETRAIN_VERSION);
    proto.add_opset_import()->set_version(13);
    onnx::GraphProto &graph = *proto.mutable_graph();
    graph.set_name("retrained_inception_v3");
    GraphBuilder g(graph);

    const auto declare = [](onnx::ValueInfoProto *value, const char *name, const std::vector<std::int64_t> &dims) {
        value->set_name(name);
        auto *tensor = value->mutable_type()->mutable_tensor_type();
        tensor->set_elem_type(onnx::TensorProto::FLOAT);
        auto *shape = tensor->mutable_shape();
        shape->add_dim()->set_dim_param("N");
        for (std::int64_t d : dims)
            shape->add_dim()->set_dim_value(d);
    };
    declare(graph.add_input(), "images", {3, Backbone::kInputSize, Backbone::kInputSize});

    std::string x = "images";
    for (const std::string &stage : InceptionV3Impl::stageNames()) {
        x = stage.rfind("maxpool", 0) == 0 ? maxPool(g, x) : block(g, *model.named_children()[stage], x);
        if (!wholeNetwork && stage == activation)
            break;
    }
    x = g.node("Flatten", {g.node("GlobalAveragePool", {x})});
    if (activation == "fc")
        x = linear(g, *model.fc, x);
    const HeadModuleImpl &h = *head.impl().module;
    if (h.hidden)
        x = g.node("Relu", {linear(g, *h.hidden, x)});
    x = g.node("Softmax", {linear(g, *h.fc, x)}, [](onnx::NodeProto &n) { GraphBuilder::integer(n, "axis", 1); });
    graph.mutable_node(graph.node_size() - 1)->set_output(0, "probabilities");
    declare(graph.add_output(), "probabilities", {head.shape().classCount});

    std::string bytes;
    if (!proto.SerializeToString(&bytes))
        throw std::runtime_error(path.toStdString() + ": the ONNX model could not be serialised");
    writeFileAtomically(path, QByteArray::fromStdString(bytes));
}

} // namespace rs
