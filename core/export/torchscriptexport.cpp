#include "export/torchscriptexport.h"

#include "io/atomicfile.h"
#include "model/backboneimpl.h"
#include "training/classifierhead.h"
#include "training/classifierheadimpl.h"

#include <ATen/Functions.h>
#include <torch/csrc/jit/api/module.h>


#include <sstream>

namespace rs {
namespace {

using namespace inception;
using CompilationUnitPtr = std::shared_ptr<torch::jit::CompilationUnit>;

std::string ints(at::IntArrayRef values)
{
    std::ostringstream s;
    s << '[';
    for (std::size_t i = 0; i < values.size(); ++i)
        s << (i ? ", " : "") << values[i];
    s << ']';
    return s.str();
}

// Conv + BatchNorm + ReLU as one convolution with bias: w * g / sqrt(v + eps), b - m * g / sqrt(v + eps).
torch::jit::Module foldedConv(const BasicConv2dImpl &m, const std::string &path, const CompilationUnitPtr &unit)
{
    const auto &bn = *m.bn;
    const at::Tensor scale = bn.weight / at::sqrt(bn.running_var + bn.options.eps());
    torch::jit::Module out("__torch__.retrain." + path, unit);
    out.register_parameter("weight", (m.conv->weight * scale.view({-1, 1, 1, 1})).detach().contiguous(), false);
    out.register_parameter("bias", (bn.bias - bn.running_mean * scale).detach().contiguous(), false);
    const auto &options = m.conv->options;
    const auto padding = c10::get<torch::ExpandingArray<2>>(options.padding());
    out.define("def forward(self, x):\n    return torch.relu(torch.conv2d(x, self.weight, self.bias, "
               + ints(*options.stride()) + ", " + ints(*padding) + "))\n");
    return out;
}

// The same computation as each block's C++ forward(), in TorchScript. Submodules are called
// through .forward(): define() compiles against a plain `self`, on which they are not callable.
const char *blockSource(const torch::nn::Module &block)
{
    if (block.as<InceptionAImpl>())
        return R"(
def forward(self, x):
    b1 = self.branch1x1.forward(x)
    b5 = self.branch5x5_2.forward(self.branch5x5_1.forward(x))
    b3 = self.branch3x3dbl_3.forward(self.branch3x3dbl_2.forward(self.branch3x3dbl_1.forward(x)))
    bp = self.branch_pool.forward(torch.avg_pool2d(x, [3, 3], [1, 1], [1, 1]))
    return torch.cat([b1, b5, b3, bp], 1)
)";
    if (block.as<InceptionBImpl>())
        return R"(
def forward(self, x):
    b3 = self.branch3x3.forward(x)
    b3dbl = self.branch3x3dbl_3.forward(self.branch3x3dbl_2.forward(self.branch3x3dbl_1.forward(x)))
    bp = torch.max_pool2d(x, [3, 3], [2, 2])
    return torch.cat([b3, b3dbl, bp], 1)
)";
    if (block.as<InceptionCImpl>())
        return R"(
def forward(self, x):
    b1 = self.branch1x1.forward(x)
    b7 = self.branch7x7_3.forward(self.branch7x7_2.forward(self.branch7x7_1.forward(x)))
    b7dbl = self.branch7x7dbl_3.forward(self.branch7x7dbl_2.forward(self.branch7x7dbl_1.forward(x)))
    b7dbl = self.branch7x7dbl_5.forward(self.branch7x7dbl_4.forward(b7dbl))
    bp = self.branch_pool.forward(torch.avg_pool2d(x, [3, 3], [1, 1], [1, 1]))
    return torch.cat([b1, b7, b7dbl, bp], 1)
)";
    if (block.as<InceptionDImpl>())
        return R"(
def forward(self, x):
    b3 = self.branch3x3_2.forward(self.branch3x3_1.forward(x))
    b7 = self.branch7x7x3_4.forward(self.branch7x7x3_3.forward(self.branch7x7x3_2.forward(self.branch7x7x3_1.forward(x))))
    bp = torch.max_pool2d(x, [3, 3], [2, 2])
    return torch.cat([b3, b7, bp], 1)
)";
    if (block.as<InceptionEImpl>())
        return R"(
def forward(self, x):
    b1 = self.branch1x1.forward(x)
    b3 = self.branch3x3_1.forward(x)
    b3 = torch.cat([self.branch3x3_2a.forward(b3), self.branch3x3_2b.forward(b3)], 1)
    b3dbl = self.branch3x3dbl_2.forward(self.branch3x3dbl_1.forward(x))
    b3dbl = torch.cat([self.branch3x3dbl_3a.forward(b3dbl), self.branch3x3dbl_3b.forward(b3dbl)], 1)
    bp = self.branch_pool.forward(torch.avg_pool2d(x, [3, 3], [1, 1], [1, 1]))
    return torch.cat([b1, b3, b3dbl, bp], 1)
)";
    throw std::logic_error("no TorchScript for this InceptionV3 block");
}

torch::jit::Module stageModule(const std::shared_ptr<torch::nn::Module> &stage, const std::string &name,
                               const CompilationUnitPtr &unit)
{
    if (auto conv = std::dynamic_pointer_cast<BasicConv2dImpl>(stage))
        return foldedConv(*conv, name, unit);
    torch::jit::Module block("__torch__.retrain." + name, unit);
    for (const auto &child : stage->named_children())
        block.register_module(child.key(), foldedConv(*child.value()->as<BasicConv2dImpl>(), name + "_" + child.key(), unit));
    block.define(blockSource(*stage));
    return block;
}

void addHead(torch::jit::Module &root, const HeadModuleImpl &head, std::ostringstream &code)
{
    if (head.hidden) {
        root.register_parameter("hidden_weight", head.hidden->weight.detach().clone(), false);
        root.register_parameter("hidden_bias", head.hidden->bias.detach().clone(), false);
        code << "    f = torch.relu(torch.matmul(f, self.hidden_weight.t()) + self.hidden_bias)\n";
    }
    root.register_parameter("fc_weight", head.fc->weight.detach().clone(), false);
    root.register_parameter("fc_bias", head.fc->bias.detach().clone(), false);
    code << "    return torch.softmax(torch.matmul(f, self.fc_weight.t()) + self.fc_bias, 1)\n";
}

} // namespace

void writeTorchScript(const QString &path, const Backbone &backbone, const QString &layer, const ClassifierHead &head)
{
    const InceptionV3Impl &model = *backbone.impl().model;
    const std::string activation = activationFor(layer).first;
    const auto &stages = InceptionV3Impl::stageNames();
    const bool wholeNetwork = activation == "avgpool" || activation == "fc";

    // One compilation unit for all: a module's code can only call modules whose types it knows.
    const auto unit = std::make_shared<torch::jit::CompilationUnit>();
    torch::jit::Module root("__torch__.retrain.RetrainedInceptionV3", unit);
    std::ostringstream code;
    code << "def forward(self, x):\n";
    for (const std::string &stage : stages) {
        if (stage.rfind("maxpool", 0) == 0) {
            code << "    x = torch.max_pool2d(x, [3, 3], [2, 2])\n";
        } else {
            root.register_module(stage, stageModule(model.named_children()[stage], stage, unit));
            code << "    x = self." << stage << ".forward(x)\n";
        }
        if (!wholeNetwork && stage == activation)
            break;
    }
    code << "    f = x.mean([2, 3])\n";
    if (activation == "fc") {
        root.register_parameter("imagenet_fc_weight", model.fc->weight.detach().clone(), false);
        root.register_parameter("imagenet_fc_bias", model.fc->bias.detach().clone(), false);
        code << "    f = torch.matmul(f, self.imagenet_fc_weight.t()) + self.imagenet_fc_bias\n";
    }
    addHead(root, *head.impl().module, code);
    root.define(code.str());

    std::ostringstream bytes;
    root.save(bytes);
    writeFileAtomically(path, QByteArray::fromStdString(bytes.str()));
}

} // namespace rs
