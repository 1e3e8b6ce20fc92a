#include "training/trainloop.h"

#include "base/processinfo.h"
#include "images/liveaugmentation.h"

#include "training/featurescaler.h"
#include "training/headcheckpoint.h"
#include "training/preliminaryheads.h"
#include "training/softmaxgradient.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Functions.h>
#include <ATen/Parallel.h>
#include <torch/nn/functional/loss.h>
#include <torch/optim/adam.h>
#include <torch/optim/sgd.h>

#include <omp.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>

namespace rs {
namespace {

std::unique_ptr<torch::optim::Optimizer> makeOptimizer(const TrainableModel &model, const TrainingOptions &o)
{
    const double lr = o.schedule.rateAt(0);
    std::vector<torch::optim::OptimizerParamGroup> groups{torch::optim::OptimizerParamGroup(model.head->parameters())};
    for (const RatedParameters &body : model.bodyParameters)
        groups.emplace_back(body.parameters);
    if (o.optimizer == TrainingOptions::Optimizer::Adam)
        return std::make_unique<torch::optim::Adam>(groups, torch::optim::AdamOptions(lr).weight_decay(o.weightDecay));
    return std::make_unique<torch::optim::SGD>(groups,
                                               torch::optim::SGDOptions(lr).momentum(o.momentum).weight_decay(o.weightDecay));
}

void setLearningRate(torch::optim::Optimizer &optimizer, double lr, const TrainableModel &model)
{
    auto &groups = optimizer.param_groups();
    groups[0].options().set_lr(lr);
    for (std::size_t g = 1; g < groups.size(); ++g)
        groups[g].options().set_lr(lr * model.bodyParameters[g - 1].rateMultiplier);
}

at::Tensor forward(TrainableModel &model, const at::Tensor &rows, double dropout, at::Generator *generator)
{
    return model.head->forward(model.body ? model.body(rows) : rows, dropout, generator);
}

// What is trained, as a list: the parameters and buffers (BatchNorm statistics) of the module.
std::vector<at::Tensor> trainedTensors(torch::nn::Module &module)
{
    std::vector<at::Tensor> tensors;
    for (const at::Tensor &t : module.parameters())
        tensors.push_back(t);
    for (const at::Tensor &t : module.buffers())
        tensors.push_back(t);
    return tensors;
}

// Loss and accuracy of `logits` against `labels`.
std::pair<double, double> score(const at::Tensor &logits, const at::Tensor &labels)
{
    const double loss = torch::nn::functional::cross_entropy(logits, labels).item<double>();
    const double accuracy = logits.argmax(1).eq(labels).to(at::kDouble).mean().item<double>();
    return {loss, accuracy};
}

// Rows a thread must get before a batch is split over the compute threads: smaller parts
// lose more to the hand-over than they gain (2 cores, bench_head_training: batch 100 whole
// 0.72 s, split 0.94 s; full batch of 200 whole 1.30 s, split 1.16 s; of 1000: 6.3 s, 4.6 s).
constexpr int kRowsPerThread = 64;

// One step's gradient of the plain linear head through the dedicated kernel, the batch split
// over the compute threads, whose parts' gradients are added up.
SoftmaxLinearResult plainLinearGradient(const SoftmaxLinearBatch &batch, at::Tensor &gradWeight, at::Tensor &gradBias,
                                        std::vector<std::vector<float>> &scratch)
{
    const int parts = std::clamp(batch.batch / kRowsPerThread, 1, at::get_num_threads());
    if (parts == 1)
        return softmaxLinearGradient(batch, gradWeight.data_ptr<float>(), gradBias.data_ptr<float>(), scratch.at(0));
    scratch.resize(static_cast<std::size_t>(parts));
    const auto count = static_cast<std::size_t>(parts);
    std::vector<at::Tensor> weights(count), biases(count);
    std::vector<SoftmaxLinearResult> results(count);
    const double total = batchWeightTotal(batch);
    at::parallel_for(0, parts, 1, [&](std::int64_t begin, std::int64_t end) {
        for (std::int64_t p = begin; p < end; ++p) {
            SoftmaxLinearBatch part = batch;
            const int first = int(p * batch.batch / parts), last = int((p + 1) * batch.batch / parts);
            part.rows = batch.rows + first;
            part.batch = last - first;
            part.weightTotal = total;
            weights[std::size_t(p)] = p == 0 ? gradWeight : at::empty_like(gradWeight);
            biases[std::size_t(p)] = p == 0 ? gradBias : at::empty_like(gradBias);
            results[std::size_t(p)] = softmaxLinearGradient(part, weights[std::size_t(p)].data_ptr<float>(),
                                                            biases[std::size_t(p)].data_ptr<float>(), scratch[std::size_t(p)]);
        }
    });
    SoftmaxLinearResult sum;
    for (int p = 0; p < parts; ++p) {
        sum.loss += results[std::size_t(p)].loss;
        sum.correct += results[std::size_t(p)].correct;
        if (p > 0) {
            gradWeight.add_(weights[std::size_t(p)]);
            gradBias.add_(biases[std::size_t(p)]);
        }
    }
    return sum;
}

// Forward and backward passes over the batch `x` (labels `y`), a micro-batch at a time:
// the gradients are the batch's mean loss's. Returns the logits (detached) and that loss.
std::pair<at::Tensor, double> backwardPass(TrainableModel &model, const at::Tensor &x, const at::Tensor &y,
                                           const at::Tensor &classWeights, double dropout, at::Generator &generator)
{
    namespace F = torch::nn::functional;
    const std::int64_t rows = x.size(0);
    const std::int64_t part = model.microBatch > 0 ? std::min<std::int64_t>(model.microBatch, rows) : rows;
    // Parts add up to the batch's weighted mean: each is divided by the whole batch's weight.
    const double total = part == rows ? 0.0
        : classWeights.defined()      ? classWeights.index_select(0, y).sum().item<double>()
                                      : double(rows);
    const auto lossOf = [&](const at::Tensor &logits, const at::Tensor &labels) {
        if (part == rows)
            return F::cross_entropy(logits, labels, F::CrossEntropyFuncOptions().weight(classWeights));
        return F::cross_entropy(logits, labels, F::CrossEntropyFuncOptions().weight(classWeights).reduction(torch::kSum)) / total;
    };
    std::vector<at::Tensor> logits;
    double loss = 0;
    for (std::int64_t start = 0; start < rows; start += part) {
        const at::Tensor labels = y.slice(0, start, std::min(rows, start + part));
        const at::Tensor partLogits = forward(model, x.slice(0, start, std::min(rows, start + part)), dropout, &generator);
        at::Tensor partLoss = lossOf(partLogits, labels);
        if (model.auxiliaryLogits)
            partLoss = partLoss + model.auxiliaryWeight * lossOf(model.auxiliaryLogits(), labels);
        partLoss.backward();
        loss += partLoss.item<double>();
        logits.push_back(partLogits.detach());
    }
    return {logits.size() == 1 ? logits.front() : at::cat(logits), loss};
}

std::string divergenceMessage(int step, bool fineTuning)
{
    return "training diverged at step " + std::to_string(step) + ": the loss is no longer a finite number; lower the "
        + (fineTuning ? "base learning rate or the blocks' rate multiplier" : "base learning rate");
}

} // namespace

at::Tensor featureTensor(const FeatureMatrix &m)
{
    return at::from_blob(const_cast<float *>(m.values.data()), {m.rows, m.cols});
}

at::Tensor labelTensor(const std::vector<int> &labels)
{
    return at::tensor(std::vector<std::int64_t>(labels.begin(), labels.end()), at::kLong);
}

void checkTrainingInput(const TrainingOptions &options, const LabelledFeatures &train)
{
    if (const QString problem = options.validate(); !problem.isEmpty())
        throw std::invalid_argument(problem.toStdString());
    if (train.rows() == 0)
        throw std::invalid_argument("there are no training images");
    if (train.packed && (options.batchSize == 0 || options.batchSize >= train.rows()))
        throw std::invalid_argument("the training set is kept on disk (too large for memory): every step cannot "
                                    "read all of it; give a batch size below its "
                                    + std::to_string(train.rows()) + " images");
}

at::Tensor evaluationLogits(TrainableModel &model, const at::Tensor &rows, int chunk)
{
    torch::NoGradGuard noGrad;
    model.setTraining(false);
    std::vector<at::Tensor> parts;
    for (std::int64_t start = 0; start < rows.size(0); start += chunk)
        parts.push_back(forward(model, rows.slice(0, start, std::min(rows.size(0), start + chunk)), 0.0, nullptr));
    return parts.empty() ? at::Tensor() : at::cat(parts);
}

TrainingOutcome trainModel(TrainableModel &model, const LabelledFeatures &train, const LabelledFeatures &validation,
                int classCount, const TrainingOptions &givenOptions, const QByteArray &signatureSalt,
                const std::function<void(const TrainingPoint &)> &progress, const CancelFlag *cancel,
                const std::function<double(int step)> &rateAt)
{
    checkTrainingInput(givenOptions, train);
    keepFreedMemoryForReuse();
    TrainingOptions options = givenOptions;
    options.schedule.steps = options.steps;

    auto generator = at::make_generator<at::CPUGeneratorImpl>(options.seed);
    {
        // retrain.py starts the final layer near zero; a hidden layer gets the usual fan-in scale.
        torch::NoGradGuard noGrad;
        HeadModule &head = model.head;
        head->fc->weight.normal_(0.0, 0.001, generator);
        head->fc->bias.zero_();
        if (head->hidden) {
            const double bound = 1.0 / std::sqrt(double(head->hidden->options.in_features()));
            head->hidden->weight.uniform_(-bound, bound, generator);
            head->hidden->bias.zero_();
        }
    }
    if (model.body && model.initialFeatures)
        startFromTrainedHead(model, train.labels, validation, classCount, options, cancel);

    // Fine-tuning's head sees the body's output, which changes as it trains: only the head
    // alone is trained on scaled features.
    const bool scaled = options.standardize && !model.body;
    const bool haveValidation = validation.features.rows > 0;
    // The choice needs whole runs kept at their best validation point; a rate sweep's rates rise.
    if (scaled && options.spreadFloor == 0 && (!haveValidation || !options.keepBest || rateAt))
        options.spreadFloor = TrainingOptions::kOwnSpread;
    // Signed as given: a resumed run makes the same choice again before it carries on.
    const QByteArray signature = options.checkpointFile.isEmpty()
        ? QByteArray() : runSignature(options, classCount, train, validation) + signatureSalt;
    if (scaled && options.spreadFloor == 0) {
        SpreadChoice choice;
        try {
            choice = chooseSpreadFloor(train, validation, classCount, options, cancel);
        } catch (const Cancelled &) {
            // Stopped while choosing: the run's state before its first step, so that it resumes.
            if (!options.checkpointFile.isEmpty())
                saveHeadCheckpoint(options.checkpointFile, signature, {}, model.module, *makeOptimizer(model, options), generator);
            throw;
        }
        options.spreadFloor = choice.floor;
        // A run that keeps checkpoints trains the chosen head again, so that a Stop can carry
        // on; any other takes it as it is, its curve reported at once.
        if (options.checkpointFile.isEmpty()) {
            torch::NoGradGuard noGrad;
            const std::vector<at::Tensor> from = trainedTensors(**choice.head), to = trainedTensors(model.module);
            for (std::size_t i = 0; i < to.size(); ++i)
                to[i].copy_(from.at(i));
            model.setTraining(false);
            if (progress)
                for (const TrainingPoint &p : choice.curve)
                    progress(p);
            return choice.outcome;
        }
    }
    const std::unique_ptr<const FeatureScaler> scaler = scaled
        ? std::make_unique<const FeatureScaler>(FeatureScaler::of(train, options.spreadFloor)) : nullptr;
    const auto input = [&](const FeatureMatrix &m) { return scaler ? scaler->apply(m) : featureTensor(m); };
    if (train.packed && model.body)
        throw std::invalid_argument("fine-tuning needs its training set in memory");
    // A training set on disk is read a batch at a time; `x` then stays undefined.
    const PackRows *packed = train.packed.get();
    const at::Tensor x = packed || model.batchInput ? at::Tensor() : input(train.features);
    const at::Tensor y = labelTensor(train.labels);
    const at::Tensor vx = haveValidation ? input(validation.features) : at::Tensor();
    const at::Tensor vy = haveValidation ? labelTensor(validation.labels) : at::Tensor();
    const std::int64_t n = train.rows();
    const bool fullBatch = options.batchSize == 0 || options.batchSize >= n;
    at::Tensor sampleWeights, lossWeights;
    const at::Tensor perClass = at::bincount(y, {}, classCount).to(at::kDouble);
    if (options.balancedSampling)
        sampleWeights = perClass.index_select(0, y).reciprocal();
    if (options.classWeights) // n / (classes present * count): 1 for every class when balanced
        lossWeights = (double(n) / perClass.gt(0).sum().item<double>() / perClass.clamp_min(1)).to(at::kFloat);

    // The head's tensors are small: a second thread only adds synchronisation (measured 4x
    // slower per step with OpenBLAS at 2 threads than at 1). Convolutions want every core, and
    // so do the plain head's large batches, which its kernel splits itself.
    // omp_set_num_threads binds only this thread; at::set_num_threads would also set the count
    // of every thread started meanwhile (a prediction, the next job's).
    const bool plainLinear = !model.body && !model.head->hidden && options.dropout == 0;
    const int threads = omp_get_max_threads();
    if (!model.body && !plainLinear)
        omp_set_num_threads(1);
    struct RestoreThreads
    {
        int count;
        ~RestoreThreads() { omp_set_num_threads(count); }
    } restore{threads};

    auto optimizer = makeOptimizer(model, options);
    HeadCheckpointState done;
    if (options.resume)
        if (auto restored = loadHeadCheckpoint(options.checkpointFile, signature, model.module, *optimizer, generator))
            done = std::move(*restored);
    const int resumedFrom = done.step;
    for (TrainingPoint &p : done.curve)
        p.resumedFrom = resumedFrom;
    if (progress)
        for (const TrainingPoint &p : done.curve)
            progress(p);
    const auto checkpoint = [&] {
        if (!options.checkpointFile.isEmpty())
            saveHeadCheckpoint(options.checkpointFile, signature, done, model.module, *optimizer, generator);
    };

    // The classic head (one linear layer, no dropout) steps through a dedicated kernel; the
    // same batches are drawn either way.
    SoftmaxLinearResult plainResult;
    std::vector<std::vector<float>> scratch(1);
    const at::Tensor everyRow = fullBatch ? at::arange(n, at::kLong) : at::Tensor();
    at::Tensor &weight = model.head->fc->weight, &bias = model.head->fc->bias;
    if (plainLinear) {
        weight.mutable_grad() = at::zeros_like(weight);
        bias.mutable_grad() = at::zeros_like(bias);
    }

    const auto drawRows = [&](at::Generator &g) {
        return fullBatch ? everyRow
            : options.balancedSampling ? at::multinomial(sampleWeights, options.batchSize, /*replacement=*/true, g)
                                       : at::randint(n, {options.batchSize}, g, at::kLong);
    };
    // A step's rows from the seed and the step alone, so they can be known a step ahead.
    const auto rowsOfStep = [&](int step) {
        at::Generator g = at::make_generator<at::CPUGeneratorImpl>(mixSeed(options.seed, std::uint64_t(step)));
        return drawRows(g);
    };

    model.setTraining(true);
    at::Tensor nextIndex; // drawn a step ahead for prepareBatch
    for (int step = done.step; step < options.steps; ++step) {
        if (cancel && cancel->load()) {
            // The state is whole between steps: keep it for a resume.
            checkpoint();
            throw Cancelled();
        }
        const double lr = rateAt ? rateAt(step) : options.schedule.rateAt(step);
        setLearningRate(*optimizer, lr, model);
        const at::Tensor index = !model.batchInput ? drawRows(generator)
            : nextIndex.defined()                   ? nextIndex
                                                    : rowsOfStep(step);
        at::Tensor logits, by;
        double batchLoss = 0;
        // From disk: the batch's rows, read in the order drawn, become rows 0 .. B-1.
        const at::Tensor readRows = packed ? readBatch(*packed, index, scaler.get()) : at::Tensor();
        const at::Tensor readLabels = packed ? y.index_select(0, index) : at::Tensor();
        const at::Tensor readIndex = packed ? at::arange(index.size(0), at::kLong) : at::Tensor();
        if (plainLinear) {
            SoftmaxLinearBatch batch;
            batch.features = packed ? readRows.data_ptr<float>() : x.data_ptr<float>();
            batch.cols = train.cols();
            batch.rows = packed ? readIndex.data_ptr<std::int64_t>() : index.data_ptr<std::int64_t>();
            batch.batch = int(index.size(0));
            batch.labels = packed ? readLabels.data_ptr<std::int64_t>() : y.data_ptr<std::int64_t>();
            batch.classWeights = lossWeights.defined() ? lossWeights.data_ptr<float>() : nullptr;
            batch.weight = weight.data_ptr<float>();
            batch.bias = bias.data_ptr<float>();
            batch.classes = int(weight.size(0));
            plainResult = plainLinearGradient(batch, weight.mutable_grad(), bias.mutable_grad(), scratch);
        } else {
            by = packed ? readLabels : fullBatch ? y : y.index_select(0, index);
            const at::Tensor bx = model.batchInput ? model.batchInput(step, index)
                : packed ? readRows : fullBatch ? x : x.index_select(0, index);
            if (model.batchInput && step + 1 < options.steps) {
                nextIndex = rowsOfStep(step + 1);
                if (model.prepareBatch)
                    model.prepareBatch(step + 1, nextIndex);
            }
            // A Stop inside the step (the body checks between its stages) leaves the state of the step before.
            const at::Tensor generatorState = generator.get_state();
            optimizer->zero_grad();
            try {
                std::tie(logits, batchLoss) = backwardPass(model, bx, by, lossWeights, options.dropout, generator);
            } catch (const Cancelled &) {
                generator.set_state(generatorState);
                checkpoint();
                throw;
            }
        }
        if (const double loss = plainLinear ? plainResult.loss : batchLoss; !std::isfinite(loss))
            throw TrainingDiverged(divergenceMessage(step + 1, bool(model.body)));
        optimizer->step();

        const bool report = (step + 1) % options.evalInterval == 0 || step + 1 == options.steps;
        const bool keepingBest = options.keepBest && haveValidation;
        if (report && (progress || !options.checkpointFile.isEmpty() || keepingBest)) {
            TrainingPoint point;
            point.step = step + 1;
            point.totalSteps = options.steps;
            point.resumedFrom = resumedFrom;
            point.learningRate = lr;
            point.trainLoss = plainLinear ? plainResult.loss : batchLoss;
            point.trainAccuracy = plainLinear ? double(plainResult.correct) / double(index.size(0))
                                              : logits.argmax(1).eq(by).to(at::kDouble).mean().item<double>();
            point.validationLoss = point.validationAccuracy = std::numeric_limits<double>::quiet_NaN();
            if (haveValidation) {
                std::tie(point.validationLoss, point.validationAccuracy) = score(evaluationLogits(model, vx, model.scoringChunk), vy);
                model.setTraining(true);
            }
            done.curve.push_back(point);
            if (keepingBest && point.validationLoss <= done.bestLoss) {
                torch::NoGradGuard noGrad;
                done.bestLoss = point.validationLoss;
                done.bestStep = point.step;
                done.best.clear();
                for (const at::Tensor &t : trainedTensors(model.module))
                    done.best.push_back(t.detach().clone());
            }
            if (progress)
                progress(point);
        }
        done.step = step + 1;
        if (done.step % options.checkpointInterval == 0 && done.step < options.steps)
            checkpoint();
    }
    model.setTraining(false);
    TrainingOutcome outcome;
    outcome.keptStep = options.steps;
    outcome.spreadFloor = scaled ? options.spreadFloor : 0.0;
    if (done.bestStep > 0) {
        outcome.bestValidationLoss = done.bestLoss;
        torch::NoGradGuard noGrad;
        const std::vector<at::Tensor> tensors = trainedTensors(model.module);
        for (std::size_t i = 0; i < tensors.size(); ++i)
            tensors[i].copy_(done.best.at(i));
        outcome.keptStep = done.bestStep;
    }
    if (options.calibrate && haveValidation) {
        const at::Tensor logits = evaluationLogits(model, vx, model.scoringChunk).contiguous();
        const FeatureMatrix rows{logits.size(0), logits.size(1),
                                 std::vector<float>(logits.data_ptr<float>(), logits.data_ptr<float>() + logits.numel())};
        outcome.calibration = calibrate(rows, validation.labels);
        // softmax(z / T) with z = W h + b is softmax((W / T) h + b / T): every export carries it.
        torch::NoGradGuard noGrad;
        model.head->fc->weight.div_(outcome.calibration.temperature);
        model.head->fc->bias.div_(outcome.calibration.temperature);
    }
    if (scaler)
        scaler->foldInto(model.head->hidden ? model.head->hidden : model.head->fc);
    return outcome;
}

} // namespace rs
