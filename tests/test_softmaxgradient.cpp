// The head's softmax cross-entropy kernel against LibTorch's autograd: loss, batch accuracy
// and both gradients, for shapes that exercise every remainder (rows, classes, columns not
// multiples of the kernel's blocks), repeated rows in a batch, and class weights.

#include "training/softmaxgradient.h"

#include <ATen/Functions.h>
#include <torch/csrc/autograd/generated/variable_factories.h>
#include <torch/nn/functional/loss.h>

#include <QTest>

class TestSoftmaxGradient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchesAutograd_data()
    {
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("cols");
        QTest::addColumn<int>("classes");
        QTest::addColumn<int>("batch");
        QTest::addColumn<bool>("weighted");
        QTest::newRow("bottlenecks, 10 classes") << 1000 << 2048 << 10 << 100 << false;
        QTest::newRow("class weights") << 1000 << 2048 << 10 << 100 << true;
        QTest::newRow("remainders everywhere") << 37 << 101 << 13 << 11 << true;
        QTest::newRow("two classes, one row") << 5 << 768 << 2 << 1 << false;
        QTest::newRow("many classes") << 300 << 2048 << 120 << 64 << false;
    }

    void matchesAutograd()
    {
        QFETCH(int, rows);
        QFETCH(int, cols);
        QFETCH(int, classes);
        QFETCH(int, batch);
        QFETCH(bool, weighted);
        auto generator = at::make_generator<at::CPUGeneratorImpl>(rows + classes);
        const at::Tensor features = at::randn({rows, cols}, generator).relu_(); // like pooled ReLU outputs
        const at::Tensor labels = at::randint(classes, {rows}, generator, at::kLong);
        const at::Tensor index = at::randint(rows, {batch}, generator, at::kLong); // repeats rows
        const at::Tensor classWeights = at::rand({classes}, generator) + 0.5;
        at::Tensor weight = (at::randn({classes, cols}, generator) * 0.05).requires_grad_();
        at::Tensor bias = (at::randn({classes}, generator) * 0.1).requires_grad_();

        const at::Tensor logits = at::linear(features.index_select(0, index), weight, bias);
        const at::Tensor target = labels.index_select(0, index);
        const at::Tensor loss = torch::nn::functional::cross_entropy(
            logits, target, torch::nn::functional::CrossEntropyFuncOptions().weight(weighted ? classWeights : at::Tensor()));
        loss.backward();
        const int correct = logits.argmax(1).eq(target).sum().item<int>();

        rs::SoftmaxLinearBatch in;
        in.features = features.data_ptr<float>();
        in.cols = cols;
        in.rows = index.data_ptr<std::int64_t>();
        in.batch = batch;
        in.labels = labels.data_ptr<std::int64_t>();
        in.classWeights = weighted ? classWeights.data_ptr<float>() : nullptr;
        in.weight = weight.data_ptr<float>();
        in.bias = bias.data_ptr<float>();
        in.classes = classes;
        at::Tensor gradWeight = at::full({classes, cols}, 99.0f), gradBias = at::full({classes}, 99.0f);
        std::vector<float> scratch;
        const rs::SoftmaxLinearResult result =
            rs::softmaxLinearGradient(in, gradWeight.data_ptr<float>(), gradBias.data_ptr<float>(), scratch);

        QVERIFY(std::abs(result.loss - loss.item<double>()) <= 1e-5 * std::max(1.0, loss.item<double>()));
        QCOMPARE(result.correct, correct);
        const double scale = weight.grad().abs().max().item<double>();
        const double weightError = (gradWeight - weight.grad()).abs().max().item<double>() / scale;
        const double biasError = (gradBias - bias.grad()).abs().max().item<double>() / bias.grad().abs().max().item<double>();
        qInfo("loss %.6f vs %.6f, relative gradient error: weight %.1e, bias %.1e", result.loss, loss.item<double>(),
              weightError, biasError);
        QVERIFY(weightError < 1e-5);
        QVERIFY(biasError < 1e-5);
    }
};

QTEST_GUILESS_MAIN(TestSoftmaxGradient)
#include "test_softmaxgradient.moc"
