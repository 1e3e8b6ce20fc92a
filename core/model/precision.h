#pragma once

#include <QString>

#include <optional>

namespace rs {

// The number format the frozen backbone computes features in. The head and the blocks
// fine-tuned from a cached cut train in float32; the whole network trains in bfloat16 where
// Auto resolves to it (training/wholenetwork.h).
enum class Precision {
    Auto,     // bfloat16 where the CPU computes it natively, float32 elsewhere
    Float32,
    BFloat16, // about twice as fast with AVX512_BF16 or AMX; features within cosine 0.9999 of float32
    // Post-training static quantization (model/quantizedmodel.h), calibrated on a sample of the
    // user's images; opt-in, never chosen by Auto. Only the frozen network's bulk extraction
    // runs in it: single predictions, fine-tuned blocks, exports and Grad-CAM stay in float.
    Int8,
};

// Whether the CPU has bfloat16 dot-product instructions (AVX512_BF16 or AMX-BF16) and the
// operating system saves the AVX-512 registers: without them oneDNN emulates bfloat16,
// which is slower than float32.
bool cpuHasNativeBFloat16();

// Auto becomes Float32 or BFloat16 for this CPU; the others stay as they are.
Precision resolvePrecision(Precision precision);

// Whether this LibTorch has a quantized CPU engine (oneDNN or QNNPACK) for Int8.
bool int8Available();

// The float precision that stands in for `precision` where int8 is not used (see Int8): Auto
// for Int8, the others unchanged.
Precision floatPrecision(Precision precision);

// "auto", "fp32", "bf16", "int8": the CLI's and the settings' spelling.
QString precisionName(Precision precision);
std::optional<Precision> precisionFromName(const QString &name);

} // namespace rs
