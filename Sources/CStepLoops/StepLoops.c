// The step's hot loops (CStepLoops.h), each compiled three times, for x86-64-v4 (AVX-512),
// x86-64-v3 (AVX2, FMA) and the baseline, with the version for the running CPU chosen once by
// the dynamic loader (`target_clones`: an ifunc). They are plain loops that the compiler widens
// to the vector width of each version. No flags are needed, so a package that depends on
// BrainKit gets them as they are.
//
// Every element is computed by the written operations in the written order: no contraction
// of a multiply and an add into one fused multiply-add (which only the AVX2 and AVX-512
// versions could do, and which rounds once instead of twice), and sums accumulate in the
// order the comments state. So all three versions give the same bits, and the same as the
// Swift loops these replaced.

#pragma STDC FP_CONTRACT OFF
#pragma clang fp contract(off)

#include "CStepLoops.h"

#include <string.h>

#if defined(__x86_64__) && defined(__clang__) && defined(__linux__)
#define VERSIONED __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#else
#define VERSIONED
#endif

// MARK: - LIF neurons

/// `expm1(x)` by its Taylor series in Estrin's form (see CStepLoops.h).
static inline __attribute__((always_inline)) float lif_expm1(float x, bool long_range) {
    float x2 = x * x;
    float low = x * (1.0f / 6.0f) + 0.5f;
    float high = x * (1.0f / 120.0f) + 1.0f / 24.0f;
    float p = low + x2 * high;
    if (long_range) {
        float x4 = x2 * x2;
        float q0 = x * (1.0f / 5040.0f) + 1.0f / 720.0f;
        float q1 = q0 + x2 * (1.0f / 40320.0f);
        p = p + x4 * q1;
    }
    return x + x2 * p;
}

/// `log1p(-a / b)` as `2 atanh(s)`, `s = -a / (2b - a)` (see CStepLoops.h).
static inline __attribute__((always_inline)) float lif_log1p_of_negative_ratio(float a, float b, bool long_range) {
    float s = -a / ((b + b) - a);
    float s2 = s * s;
    float p = s2 * (1.0f / 5.0f) + 1.0f / 3.0f;
    if (long_range) {
        float s4 = s2 * s2;
        float r0 = s2 * (1.0f / 9.0f) + 1.0f / 7.0f;
        float r1 = r0 + s4 * (1.0f / 11.0f);
        p = p + s4 * r1;
    }
    float two_s = s + s;
    return two_s + two_s * (s2 * p);
}

/// The loop of `csl_lif_step` for one range of polynomials (a constant after inlining, so
/// the loop has no test of the range).
static inline __attribute__((always_inline)) bool lif_loop(
    ptrdiff_t count, float *voltage, float *refractory_time, float *output, const float *current,
    const csl_lif_constants *constants, bool long_range) {
    const float dt = constants->dt, tau_rc = constants->tau_rc, tau_ref = constants->tau_ref;
    const float min_voltage = constants->min_voltage, spike_height = constants->spike_height;
    const float full = constants->full_step_factor, rate = constants->negative_rate;
    int above = 0;
    for (ptrdiff_t i = 0; i < count; i++) {
        float old_v = voltage[i], old_ref = refractory_time[i], j = current[i];
        float ref = old_ref - dt;
        float delta = dt - ref;
        float factor = lif_expm1((delta < 0.0f ? 0.0f : delta) * rate, long_range);
        factor = delta >= dt ? full : factor;
        float v = old_v - (j - old_v) * factor;
        int spiked = v > 1.0f;
        float t_spike = dt + tau_rc * lif_log1p_of_negative_ratio(v - 1.0f, j - 1.0f, long_range);
        ref = spiked ? tau_ref + t_spike : ref;
        v = v < min_voltage ? min_voltage : v;
        v = spiked ? 0.0f : v;
        float out = spiked ? spike_height : 0.0f;
        int starts_above = old_v > 1.0f;
        above |= starts_above;
        voltage[i] = starts_above ? old_v : v;
        refractory_time[i] = starts_above ? old_ref : ref;
        output[i] = starts_above ? 0.0f : out;
    }
    return above != 0;
}

/// Neurons tested together for silence (`lif_block_is_silent`).
#define LIF_SILENT_BLOCK 64

typedef float lif_floats __attribute__((ext_vector_type(8)));
typedef int32_t lif_ints __attribute__((ext_vector_type(8)));

/// Whether every neuron of a block of `LIF_SILENT_BLOCK` is silent: its voltage and its output
/// +0 (the bits of +0) and its current below 0. Where the least voltage is +0, such a neuron's
/// whole step leaves its voltage and output +0 and takes `dt` off its refractory time,
/// whatever that is: `v' = +0 - J·f` with `J < 0` and `f <= 0` (`f` is `expm1` of a value at
/// or below 0) is +0 or below 0, which the least voltage makes +0, and never above 1.
static inline __attribute__((always_inline)) bool lif_block_is_silent(
    const float *voltage, const float *output, const float *current) {
    lif_ints loud = 0;
    for (ptrdiff_t i = 0; i < LIF_SILENT_BLOCK; i += 8) {
        lif_ints v, out;
        lif_floats j;
        memcpy(&v, voltage + i, sizeof v);
        memcpy(&out, output + i, sizeof out);
        memcpy(&j, current + i, sizeof j);
        loud |= v | out | ~(j < 0.0f);
    }
    return __builtin_reduce_or(loud) == 0;
}

/// `ref -= dt`, `owed` times over, for each of a block's neurons: the decrements a silent
/// block's steps left owing (`csl_lif_step`), in the order the steps would have made them.
static inline __attribute__((always_inline)) void lif_pay_owed(float *refractory_time, float dt, uint32_t owed) {
    float ref[LIF_SILENT_BLOCK];
    memcpy(ref, refractory_time, sizeof ref);
    for (uint32_t k = 0; k < owed; k++) {
        for (ptrdiff_t i = 0; i < LIF_SILENT_BLOCK; i++) ref[i] = ref[i] - dt;
    }
    memcpy(refractory_time, ref, sizeof ref);
}

/// Whether every current of a block of `LIF_SILENT_BLOCK` is below 0.
static inline __attribute__((always_inline)) bool lif_block_currents_negative(const float *current) {
    lif_ints loud = 0;
    for (ptrdiff_t i = 0; i < LIF_SILENT_BLOCK; i += 8) {
        lif_floats j;
        memcpy(&j, current + i, sizeof j);
        loud |= ~(j < 0.0f);
    }
    return __builtin_reduce_or(loud) == 0;
}

/// `lif_loop` block by block, a silent block (`lif_block_is_silent`) by its short form: only
/// `ref -= dt` (voltage and output stay +0, and are not written). With `owed` (one count a
/// block; see `csl_lif_step` in CStepLoops.h) a silent block owes the decrement instead,
/// and while it owes reads only its currents.
static inline __attribute__((always_inline)) bool lif_blocks(
    ptrdiff_t count, float *voltage, float *refractory_time, float *output, const float *current,
    const csl_lif_constants *constants, bool long_range, uint32_t *owed) {
    const float dt = constants->dt;
    bool above = false;
    ptrdiff_t start = 0;
    for (ptrdiff_t b = 0; start + LIF_SILENT_BLOCK <= count; start += LIF_SILENT_BLOCK, b++) {
        float *ref = refractory_time + start;
        if (owed && owed[b] != 0) {
            // Voltage and output are +0 (the block was silent): only the currents decide.
            if (owed[b] != UINT32_MAX && lif_block_currents_negative(current + start)) {
                owed[b] += 1;
                continue;
            }
            lif_pay_owed(ref, dt, owed[b]);
            owed[b] = 0;
        } else if (lif_block_is_silent(voltage + start, output + start, current + start)) {
            if (owed) {
                owed[b] = 1;
            } else {
                for (ptrdiff_t i = 0; i < LIF_SILENT_BLOCK; i++) ref[i] = ref[i] - dt;
            }
            continue;
        }
        above |= lif_loop(
            LIF_SILENT_BLOCK, voltage + start, ref, output + start, current + start, constants, long_range);
    }
    if (start < count) {
        above |= lif_loop(
            count - start, voltage + start, refractory_time + start, output + start, current + start, constants,
            long_range);
    }
    return above;
}

VERSIONED
bool csl_lif_step(
    ptrdiff_t count, float *voltage, float *refractory_time, float *output, const float *current,
    const csl_lif_constants *constants, bool long_range, uint32_t *owed) {
    // The short form of silent blocks, and their owing, hold only where the least voltage is +0
    // (Nengo's default): below it, or at -0, a silent neuron's voltage would leave +0.
    uint32_t least;
    memcpy(&least, &constants->min_voltage, sizeof least);
    if (least == 0u) {
        if (long_range) return lif_blocks(count, voltage, refractory_time, output, current, constants, true, owed);
        return lif_blocks(count, voltage, refractory_time, output, current, constants, false, owed);
    }
    if (long_range) return lif_loop(count, voltage, refractory_time, output, current, constants, true);
    return lif_loop(count, voltage, refractory_time, output, current, constants, false);
}

// MARK: - Matrix-vector pieces

VERSIONED
void csl_scale(ptrdiff_t count, const float *v, float factor, float *y, bool accumulate) {
    if (accumulate) {
        for (ptrdiff_t i = 0; i < count; i++) y[i] = v[i] * factor + y[i];
    } else {
        for (ptrdiff_t i = 0; i < count; i++) y[i] = v[i] * factor;
    }
}

VERSIONED
void csl_scale_plus(ptrdiff_t count, const float *v, float factor, const float *base, float *y) {
    for (ptrdiff_t i = 0; i < count; i++) y[i] = base[i] + v[i] * factor;
}

/// `csl_columns` over `n` elements (at most 16; a constant 16 in its main loop, so `v` is one
/// vector register or a few).
static inline __attribute__((always_inline)) void columns_block(
    ptrdiff_t n, const float *t, ptrdiff_t stride, ptrdiff_t columns, const float *x, const float *bias, float *y,
    bool accumulate) {
    float v[16];
    ptrdiff_t c = 1;
    if (bias) {
        const float x0 = x[0];
        for (ptrdiff_t i = 0; i < n; i++) v[i] = bias[i] + t[i] * x0;
    } else if (!accumulate) {
        const float x0 = x[0];
        for (ptrdiff_t i = 0; i < n; i++) v[i] = t[i] * x0;
    } else {
        for (ptrdiff_t i = 0; i < n; i++) v[i] = y[i];
        c = 0;
    }
    for (; c + 4 <= columns; c += 4) {
        const float x0 = x[c], x1 = x[c + 1], x2 = x[c + 2], x3 = x[c + 3];
        const float *t0 = t + c * stride, *t1 = t0 + stride, *t2 = t1 + stride, *t3 = t2 + stride;
        for (ptrdiff_t i = 0; i < n; i++) {
            float low = t0[i] * x0 + t1[i] * x1;
            float high = t2[i] * x2 + t3[i] * x3;
            v[i] = v[i] + (low + high);
        }
    }
    for (; c < columns; c++) {
        const float xc = x[c];
        const float *tc = t + c * stride;
        for (ptrdiff_t i = 0; i < n; i++) v[i] = tc[i] * xc + v[i];
    }
    for (ptrdiff_t i = 0; i < n; i++) y[i] = v[i];
}

VERSIONED
void csl_columns(ptrdiff_t count, const float *t, ptrdiff_t stride, ptrdiff_t columns, const float *x,
                 const float *bias, float *y, bool accumulate) {
    ptrdiff_t start = 0;
    for (; start + 16 <= count; start += 16) {
        columns_block(16, t + start, stride, columns, x, bias ? bias + start : 0, y + start, accumulate);
    }
    if (start < count) {
        columns_block(count - start, t + start, stride, columns, x, bias ? bias + start : 0, y + start, accumulate);
    }
}

VERSIONED
void csl_columns_blocked(ptrdiff_t count, const float *blocks, ptrdiff_t columns, const float *x, bool has_bias,
                         float *y, bool accumulate) {
    const float *block = blocks;
    ptrdiff_t start = 0;
    for (; start + 16 <= count; start += 16) {
        const float *t = has_bias ? block + 16 : block;
        columns_block(16, t, 16, columns, x, has_bias ? block : 0, y + start, accumulate);
        block = t + columns * 16;
    }
    if (start < count) {
        ptrdiff_t n = count - start;
        const float *t = has_bias ? block + n : block;
        columns_block(n, t, n, columns, x, has_bias ? block : 0, y + start, accumulate);
    }
}

/// `csl_dot`, inlined into each version of its callers.
static inline __attribute__((always_inline)) float dot(ptrdiff_t n, const float *a, const float *b) {
    float s[32];
    for (int k = 0; k < 32; k++) s[k] = 0.0f;
    ptrdiff_t i = 0;
    for (; i + 32 <= n; i += 32) {
        for (int k = 0; k < 32; k++) s[k] = s[k] + a[i + k] * b[i + k];
    }
    for (; i + 8 <= n; i += 8) {
        for (int k = 0; k < 8; k++) s[k] = s[k] + a[i + k] * b[i + k];
    }
    float total = -0.0f;
    for (int k = 0; k < 8; k++) total = total + ((s[k] + s[8 + k]) + (s[16 + k] + s[24 + k]));
    for (; i < n; i++) total = total + a[i] * b[i];
    return total;
}

VERSIONED
float csl_dot(ptrdiff_t count, const float *a, const float *b) { return dot(count, a, b); }

VERSIONED
void csl_dots(ptrdiff_t rows, ptrdiff_t columns, const float *matrix, const float *x, float *y, bool accumulate) {
    for (ptrdiff_t r = 0; r < rows; r++) {
        float d = dot(columns, matrix + r * columns, x);
        y[r] = accumulate ? y[r] + d : d;
    }
}

// MARK: - Spikes

/// Bit `j` set when `words[j]` is a nonzero float (other than in the sign), `j < 64`: a
/// fixed-length loop, which becomes vector compares into a mask.
static inline __attribute__((always_inline)) uint64_t nonzero_bits(const uint32_t *words) {
    uint64_t mask = 0;
    for (int j = 0; j < 64; j++) mask |= (uint64_t)((words[j] & 0x7FFFFFFFu) != 0) << j;
    return mask;
}

/// `csl_firing`, inlined into each version of its callers.
static inline __attribute__((always_inline)) ptrdiff_t firing_scan(
    const float *x, ptrdiff_t count, const uint64_t *among, int32_t *firing) {
    const uint32_t *words = (const uint32_t *)x;
    ptrdiff_t found = 0;
    for (ptrdiff_t base = 0; base < count; base += 64) {
        uint64_t mask = 0;
        if (base + 64 <= count) {
            mask = nonzero_bits(words + base);
        } else {
            for (ptrdiff_t j = base; j < count; j++) mask |= (uint64_t)((words[j] & 0x7FFFFFFFu) != 0) << (j - base);
        }
        if (among) mask &= among[base / 64];
        while (mask != 0) {
            firing[found++] = (int32_t)(base + __builtin_ctzll(mask));
            mask &= mask - 1;
        }
    }
    return found;
}

VERSIONED
ptrdiff_t csl_firing(const float *x, ptrdiff_t count, const uint64_t *among, int32_t *firing) {
    return firing_scan(x, count, among, firing);
}

VERSIONED
void csl_spike_columns(ptrdiff_t rows, const float *t, ptrdiff_t stride, ptrdiff_t columns, const float *x, float *y,
                       int32_t *firing) {
    ptrdiff_t count = firing_scan(x, columns, 0, firing);
    // The firing columns are scattered over the matrix: ask for them all before the first is
    // read, so their loads from memory overlap.
    for (ptrdiff_t f = 0; f < count; f++) __builtin_prefetch(t + (ptrdiff_t)firing[f] * stride);
    for (ptrdiff_t f = 0; f < count; f++) {
        const ptrdiff_t j = firing[f];
        const float *column = t + j * stride;
        const float xj = x[j];
        for (ptrdiff_t r = 0; r < rows; r++) y[r] = column[r] * xj + y[r];
    }
}

// MARK: - Element-wise vectors

VERSIONED
void csl_add(ptrdiff_t count, const float *x, float *y) {
    for (ptrdiff_t i = 0; i < count; i++) y[i] = y[i] + x[i];
}

VERSIONED
void csl_add_value(ptrdiff_t count, float value, float *y) {
    for (ptrdiff_t i = 0; i < count; i++) y[i] = y[i] + value;
}

VERSIONED
void csl_multiply(ptrdiff_t count, const float *scale, const float *x, float *y, bool accumulate) {
    if (accumulate) {
        for (ptrdiff_t i = 0; i < count; i++) y[i] = y[i] + scale[i] * x[i];
    } else {
        for (ptrdiff_t i = 0; i < count; i++) y[i] = scale[i] * x[i];
    }
}

VERSIONED
void csl_multiply_plus(ptrdiff_t count, const float *scale, const float *x, const float *bias, float *y) {
    for (ptrdiff_t i = 0; i < count; i++) y[i] = bias[i] + scale[i] * x[i];
}

// MARK: - Synapses

VERSIONED
void csl_lowpass(ptrdiff_t count, float a, float gain, const float *u, float *y) {
    for (ptrdiff_t i = 0; i < count; i++) y[i] = a * y[i] + gain * u[i];
}

VERSIONED
void csl_first_order(ptrdiff_t count, float a, float b, float c, float d, const float *u, float *x, float *y) {
    for (ptrdiff_t i = 0; i < count; i++) {
        float old = x[i];
        y[i] = c * old + d * u[i];
        x[i] = a * old + b * u[i];
    }
}
