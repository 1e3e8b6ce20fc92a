#include "model/precision.h"

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#endif

namespace rs {

bool cpuHasNativeBFloat16()
{
#if defined(__x86_64__) || defined(__i386__)
    unsigned eax = 0, ebx = 0, ecx = 0, edx = 0;
    if (!__get_cpuid_count(1, 0, &eax, &ebx, &ecx, &edx) || !(ecx & bit_OSXSAVE))
        return false;
    unsigned xcr0Low = 0, xcr0High = 0;
    __asm__("xgetbv" : "=a"(xcr0Low), "=d"(xcr0High) : "c"(0));
    // XMM, YMM, opmask and both halves of the ZMM registers enabled by the OS.
    constexpr unsigned kAvx512State = 0xE6;
    if ((xcr0Low & kAvx512State) != kAvx512State)
        return false;
    if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx))
        return false;
    const bool amxBf16 = edx & (1u << 22);
    const unsigned maxSubleaf = eax;
    bool avx512Bf16 = false;
    if (maxSubleaf >= 1 && __get_cpuid_count(7, 1, &eax, &ebx, &ecx, &edx))
        avx512Bf16 = eax & (1u << 5);
    return avx512Bf16 || amxBf16;
#else
    return false;
#endif
}

Precision resolvePrecision(Precision precision)
{
    if (precision != Precision::Auto)
        return precision;
    static const bool native = cpuHasNativeBFloat16();
    return native ? Precision::BFloat16 : Precision::Float32;
}

Precision floatPrecision(Precision precision)
{
    return precision == Precision::Int8 ? Precision::Auto : precision;
}

QString precisionName(Precision precision)
{
    switch (precision) {
    case Precision::Auto:
        return QStringLiteral("auto");
    case Precision::Float32:
        return QStringLiteral("fp32");
    case Precision::BFloat16:
        return QStringLiteral("bf16");
    case Precision::Int8:
        return QStringLiteral("int8");
    }
    return {};
}

std::optional<Precision> precisionFromName(const QString &name)
{
    for (Precision p : {Precision::Auto, Precision::Float32, Precision::BFloat16, Precision::Int8})
        if (name == precisionName(p))
            return p;
    return std::nullopt;
}

} // namespace rs
