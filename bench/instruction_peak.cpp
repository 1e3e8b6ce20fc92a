// The instruction-level peak of this CPU, the ceiling extraction is measured against: every
// core runs a loop of one multiply-accumulate instruction on independent registers (enough of
// them to hide its latency), nothing else, and the rate is counted in operations (a multiply
// and an add are two). Per number format, each instruction the CPU has:
//   fp32  AVX-512 FMA (vfmadd231ps, 32 per instruction), else AVX2 FMA (16)
//   bf16  AVX512_BF16 (vdpbf16ps, 64) and AMX-BF16 (tdpbf16ps on 16 x 32 tiles, 16 384)
//   int8  AVX512_VNNI (vpdpbusd, 128) and AMX-INT8 (tdpbusd on 16 x 64 tiles, 32 768)
// oneDNN picks the fastest of them for a convolution, so the ceiling of a precision is its
// fastest line. Prints "format instruction GOP/s" lines.
//
// Usage: bench_instruction_peak [THREADS=cores] [SECONDS_EACH=0.5]

#include <immintrin.h>

#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cpuid.h>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <iterator>
#include <thread>
#include <vector>

namespace {

constexpr long kIterations = 1 << 20; // per timing round: long enough to dwarf the call

// Sixteen independent chains: latency 4, two ports, with room to spare.
#define REPEAT16(X) X(0) X(1) X(2) X(3) X(4) X(5) X(6) X(7) X(8) X(9) X(10) X(11) X(12) X(13) X(14) X(15)

__attribute__((target("avx512f"))) float fmaAvx512(long rounds)
{
#define DECLARE(i) __m512 a##i = _mm512_set1_ps(1.0f + i * 1e-3f);
    REPEAT16(DECLARE)
#undef DECLARE
    const __m512 b = _mm512_set1_ps(0.9999f), c = _mm512_set1_ps(1e-4f);
    for (long r = 0; r < rounds; ++r) {
#define STEP(i) a##i = _mm512_fmadd_ps(a##i, b, c);
        REPEAT16(STEP)
#undef STEP
    }
    __m512 sum = a0;
#define ADD(i) sum = _mm512_add_ps(sum, a##i);
    REPEAT16(ADD)
#undef ADD
    return _mm512_reduce_add_ps(sum);
}

__attribute__((target("avx2,fma"))) float fmaAvx2(long rounds)
{
#define DECLARE(i) __m256 a##i = _mm256_set1_ps(1.0f + i * 1e-3f);
    REPEAT16(DECLARE)
#undef DECLARE
    const __m256 b = _mm256_set1_ps(0.9999f), c = _mm256_set1_ps(1e-4f);
    for (long r = 0; r < rounds; ++r) {
#define STEP(i) a##i = _mm256_fmadd_ps(a##i, b, c);
        REPEAT16(STEP)
#undef STEP
    }
    float out[8];
    _mm256_storeu_ps(out, a0);
    return out[0];
}

__attribute__((target("avx512f,avx512bf16"))) float dotBf16(long rounds)
{
#define DECLARE(i) __m512 a##i = _mm512_set1_ps(float(i));
    REPEAT16(DECLARE)
#undef DECLARE
    const __m512bh x = _mm512_cvtne2ps_pbh(_mm512_set1_ps(1e-3f), _mm512_set1_ps(2e-3f));
    for (long r = 0; r < rounds; ++r) {
#define STEP(i) a##i = _mm512_dpbf16_ps(a##i, x, x);
        REPEAT16(STEP)
#undef STEP
    }
    __m512 sum = a0;
#define ADD(i) sum = _mm512_add_ps(sum, a##i);
    REPEAT16(ADD)
#undef ADD
    return _mm512_reduce_add_ps(sum);
}

__attribute__((target("avx512f,avx512vnni"))) float dotVnni(long rounds)
{
#define DECLARE(i) __m512i a##i = _mm512_set1_epi32(i);
    REPEAT16(DECLARE)
#undef DECLARE
    const __m512i u = _mm512_set1_epi8(1), s = _mm512_set1_epi8(1);
    for (long r = 0; r < rounds; ++r) {
#define STEP(i) a##i = _mm512_dpbusd_epi32(a##i, u, s);
        REPEAT16(STEP)
#undef STEP
    }
    __m512i sum = a0;
#define ADD(i) sum = _mm512_add_epi32(sum, a##i);
    REPEAT16(ADD)
#undef ADD
    return float(_mm512_reduce_add_epi32(sum));
}

// AMX: four accumulator tiles (16 rows of 16 fp32 or int32) fed by two A and two B tiles.
struct alignas(64) TileConfig
{
    std::uint8_t palette = 1, startRow = 0, reserved[14] = {};
    std::uint16_t bytesPerRow[16] = {};
    std::uint8_t rows[16] = {};
};

bool amxPermitted()
{
    constexpr long kRequestPermission = 0x1023, kTileData = 18; // ARCH_REQ_XCOMP_PERM, XFEATURE_XTILEDATA
    return syscall(SYS_arch_prctl, kRequestPermission, kTileData) == 0;
}

__attribute__((target("amx-tile"))) void configureTiles()
{
    TileConfig config;
    for (int t = 0; t < 8; ++t) {
        config.bytesPerRow[t] = 64;
        config.rows[t] = 16;
    }
    _tile_loadconfig(&config);
}

__attribute__((target("amx-tile,amx-bf16"))) float tileBf16(long rounds)
{
    configureTiles();
    alignas(64) std::uint16_t ones[16 * 32];
    std::fill(std::begin(ones), std::end(ones), std::uint16_t(0x3F80)); // bfloat16 1.0
    _tile_zero(0);
    _tile_zero(1);
    _tile_zero(2);
    _tile_zero(3);
    _tile_loadd(4, ones, 64);
    _tile_loadd(5, ones, 64);
    _tile_loadd(6, ones, 64);
    _tile_loadd(7, ones, 64);
    for (long r = 0; r < rounds / 16; ++r) {
        _tile_dpbf16ps(0, 4, 6);
        _tile_dpbf16ps(1, 4, 7);
        _tile_dpbf16ps(2, 5, 6);
        _tile_dpbf16ps(3, 5, 7);
    }
    alignas(64) float out[16 * 16];
    _tile_stored(0, out, 64);
    _tile_release();
    return out[0];
}

__attribute__((target("amx-tile,amx-int8"))) float tileInt8(long rounds)
{
    configureTiles();
    alignas(64) std::uint8_t ones[16 * 64];
    std::fill(std::begin(ones), std::end(ones), std::uint8_t(1));
    _tile_zero(0);
    _tile_zero(1);
    _tile_zero(2);
    _tile_zero(3);
    _tile_loadd(4, ones, 64);
    _tile_loadd(5, ones, 64);
    _tile_loadd(6, ones, 64);
    _tile_loadd(7, ones, 64);
    for (long r = 0; r < rounds / 16; ++r) {
        _tile_dpbusd(0, 4, 6);
        _tile_dpbusd(1, 4, 7);
        _tile_dpbusd(2, 5, 6);
        _tile_dpbusd(3, 5, 7);
    }
    alignas(64) std::int32_t out[16 * 16];
    _tile_stored(0, out, 64);
    _tile_release();
    return float(out[0]);
}

bool cpuidBit(unsigned leaf, unsigned subleaf, int reg, int bit)
{
    unsigned r[4] = {};
    if (!__get_cpuid_count(leaf, subleaf, &r[0], &r[1], &r[2], &r[3]))
        return false;
    return r[reg] & (1u << bit);
}

// GOP/s of `kernel` run by `threads` threads at once, `opsPerRound` per round, best of the
// rounds that fit in `seconds`.
double rate(const std::function<float(long)> &kernel, double opsPerRound, int threads, double seconds)
{
    double best = 0;
    const auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    std::atomic<float> sink{0};
    while (std::chrono::steady_clock::now() < end) {
        const auto start = std::chrono::steady_clock::now();
        std::vector<std::thread> workers;
        for (int t = 0; t < threads; ++t)
            workers.emplace_back([&] { sink = sink + kernel(kIterations); });
        for (auto &w : workers)
            w.join();
        const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        best = std::max(best, opsPerRound * kIterations * threads / elapsed / 1e9);
    }
    return best;
}

} // namespace

int main(int argc, char *argv[])
{
    const int threads = argc > 1 ? std::atoi(argv[1]) : int(std::thread::hardware_concurrency());
    const double seconds = argc > 2 ? std::atof(argv[2]) : 0.5;
    __builtin_cpu_init();
    const auto line = [&](const char *format, const char *instruction, const std::function<float(long)> &kernel,
                          double opsPerRound) {
        std::printf("%s %s %.0f\n", format, instruction, rate(kernel, opsPerRound, threads, seconds));
    };
    if (__builtin_cpu_supports("avx512f"))
        line("fp32", "avx512_fma", fmaAvx512, 16 * 32);
    else if (__builtin_cpu_supports("fma"))
        line("fp32", "avx2_fma", fmaAvx2, 16 * 16);
    if (__builtin_cpu_supports("avx512bf16"))
        line("bf16", "avx512_bf16", dotBf16, 16 * 64);
    if (__builtin_cpu_supports("avx512vnni"))
        line("int8", "avx512_vnni", dotVnni, 16 * 128);
    // CPUID.(7,0):EDX bits 22, 24, 25: AMX-BF16, AMX-TILE, AMX-INT8; the kernel must allow it.
    const bool tiles = cpuidBit(7, 0, 3, 24) && amxPermitted();
    // 4 tile products per 16 rounds: rounds / 16 * 4 instructions of 16 x 16 x 32 (bf16) or
    // 16 x 16 x 64 (int8) multiply-adds.
    if (tiles && cpuidBit(7, 0, 3, 22))
        line("bf16", "amx_bf16", tileBf16, 4.0 / 16 * 16 * 16 * 32 * 2);
    if (tiles && cpuidBit(7, 0, 3, 25))
        line("int8", "amx_int8", tileInt8, 4.0 / 16 * 16 * 16 * 64 * 2);
    return 0;
}
