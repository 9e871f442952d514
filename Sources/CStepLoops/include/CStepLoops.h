#ifndef CSTEPLOOPS_H
#define CSTEPLOOPS_H

// The simulation step's hot loops in C, each compiled for several x86-64 instruction sets
// (AVX-512, AVX2 + FMA, baseline SSE2) and chosen once, when the library is loaded, for the
// CPU it runs on (see StepLoops.c). BrainCore's engine calls them; they are not public API.
//
// Every loop computes each element with the operations written below, in the order written,
// in single precision, with no fused multiply-add: the result does not depend on which
// version runs (nor on the vector width), and equals the Swift reference loops bit for bit.
// Counts are element counts (>= 0); pointers may alias only where a comment allows it.

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

// MARK: - LIF neurons

/// The constants of one LIF step (see `csl_lif_step`).
typedef struct {
    /// The step `dt` (s).
    float dt;
    /// The membrane time constant `tauRC` (s).
    float tau_rc;
    /// The refractory period `tauRef` (s).
    float tau_ref;
    /// The least voltage.
    float min_voltage;
    /// The output in a spiking step, `amplitude / dt`.
    float spike_height;
    /// `expm1(-dt / tauRC)`, the factor of a whole step.
    float full_step_factor;
    /// `-1 / tauRC`.
    float negative_rate;
} csl_lif_constants;

/// One LIF step for `count` neurons, Nengo's order, with polynomial `expm1` and `log1p`:
///
///     ref -= dt;  Δ = dt - ref
///     f = Δ >= dt ? full_step_factor : expm1(max(Δ, 0) · negative_rate)
///     v' = v - (J - v) · f
///     spike = v' > 1;  out = spike ? spike_height : 0
///     ref = spike ? tau_ref + (dt + tau_rc · log1p(-(v' - 1) / (J - 1))) : ref
///     v' = max(v', min_voltage) (as `v' < min ? min : v'`), then 0 where spike
///
/// `expm1(x) = x + x² p(x)` (Taylor to x⁵/5!, or to x⁸/8! when `long_range`) and
/// `log1p(-a / b) = 2s + 2s · (s² q(s²))`, `s = -a / (2b - a)` (to s⁵/5, or s¹¹/11), both
/// in Estrin's form; they hold for `dt / tauRC <= 0.1` (`long_range` false) or `<= 0.5`.
/// A neuron that starts above threshold (`v > 1`, only from an initial state) is left
/// unchanged with output 0; returns whether there was one (the caller steps those with the
/// C library's functions). Where `min_voltage` is +0, a run of 64 neurons that are all silent
/// (voltage and output +0, current below 0) is stepped by `ref -= dt` alone, which is what
/// the whole step gives them.
///
/// With `owed` (NULL: none), where `min_voltage` is +0, silent blocks leave their refractory
/// time owing: `owed[b]` counts the `ref -= dt` that block `b` (neurons `64b ..< 64b + 64`; a
/// last partial block is stepped in full) has not yet applied. A silent block takes one more
/// decrement owed instead of writing its refractory time; while it owes any, its voltage and
/// output are known to be +0 and are not read, only its currents. The step a block stops being
/// silent pays what it owes first (`ref -= dt` that many times, in order), so every value is
/// the one the step without `owed` gives; only the refractory time in memory lags while a block
/// owes. Start with every `owed[b]` 0.
bool csl_lif_step(
    ptrdiff_t count, float *voltage, float *refractory_time, float *output, const float *current,
    const csl_lif_constants *constants, bool long_range, uint32_t *owed);

// MARK: - Matrix-vector pieces

/// `y[i] = factor · v[i]`, or `y[i] = factor · v[i] + y[i]` when `accumulate`.
void csl_scale(ptrdiff_t count, const float *v, float factor, float *y, bool accumulate);

/// `y[i] = base[i] + factor · v[i]` (`y` may be `base`).
void csl_scale_plus(ptrdiff_t count, const float *v, float factor, const float *base, float *y);

/// `y = bias + M·x`, `y = M·x` or (`accumulate`, no `bias`) `y += M·x` for the `columns`
/// columns `t_k = t + k · stride` of a transposed matrix, 16 rows at a time through every
/// column (`bias` may be null). Each element is, in this order: `v = bias[i] + t₀[i] x₀`,
/// `t₀[i] x₀` or `y[i]` (then column 0 joins the fours); then for each following four columns
/// `v = v + ((t_c[i] x_c + t_{c+1}[i] x_{c+1}) + (t_{c+2}[i] x_{c+2} + t_{c+3}[i] x_{c+3}))`; then
/// for each column left `v = t_c[i] x_c + v`.
void csl_columns(ptrdiff_t count, const float *t, ptrdiff_t stride, ptrdiff_t columns, const float *x,
                 const float *bias, float *y, bool accumulate);

/// `csl_columns` over a matrix (and bias) stored run by run, in the order the loop reads
/// them: for each run of 16 rows (the last may be shorter, `n` rows), the run's `n` bias
/// values when `has_bias`, then its `n` values of column 0, of column 1, …; the next run
/// follows. The same operations in the same order as `csl_columns`, element by element.
void csl_columns_blocked(ptrdiff_t count, const float *blocks, ptrdiff_t columns, const float *x, bool has_bias,
                         float *y, bool accumulate);

/// The dot product `Σ a[i] b[i]` in a fixed order: 32 partial sums `s[k]` over `i ≡ k
/// (mod 32)` while 32 elements remain, then `s[k]` for `k < 8` over whole groups of eight;
/// the sums combine as `t[k] = (s[k] + s[8+k]) + (s[16+k] + s[24+k])`, then
/// `((t[0] + t[1]) + t[2]) + … + t[7]`, then the last `n mod 8` products one by one.
float csl_dot(ptrdiff_t count, const float *a, const float *b);

/// `y[r] = dot(matrix[r·columns ..< (r+1)·columns], x)` (`csl_dot`) for each of `rows`
/// rows, or `y[r] = y[r] + dot` when `accumulate`.
void csl_dots(ptrdiff_t rows, ptrdiff_t columns, const float *matrix, const float *x, float *y, bool accumulate);

// MARK: - Spikes

/// Writes the indices `j < count` with `x[j] ≠ 0` (±0 count as zero), ascending, to
/// `firing` and returns how many; when `among` is not null, only indices whose bit
/// `j mod 64` of word `among[j / 64]` is set.
ptrdiff_t csl_firing(const float *x, ptrdiff_t count, const uint64_t *among, int32_t *firing);

/// `y[r] = t_j[r] · x[j] + y[r]` for each `j` with `x[j]` nonzero (`csl_firing`), in ascending
/// `j`, `t_j = t + j · stride`: a spike-sparse product over a transposed matrix, as
/// `csl_scale` adding column by column. `firing` is scratch for `columns` indices.
void csl_spike_columns(ptrdiff_t rows, const float *t, ptrdiff_t stride, ptrdiff_t columns, const float *x, float *y,
                       int32_t *firing);

// MARK: - Element-wise vectors

/// `y[i] = y[i] + x[i]`.
void csl_add(ptrdiff_t count, const float *x, float *y);

/// `y[i] = y[i] + value`.
void csl_add_value(ptrdiff_t count, float value, float *y);

/// `y[i] = scale[i] · x[i]`, or `y[i] = y[i] + scale[i] · x[i]` when `accumulate`.
void csl_multiply(ptrdiff_t count, const float *scale, const float *x, float *y, bool accumulate);

/// `y[i] = bias[i] + scale[i] · x[i]`.
void csl_multiply_plus(ptrdiff_t count, const float *scale, const float *x, const float *bias, float *y);

// MARK: - Synapses

/// A synapse that keeps its one state in its output (Lowpass): `y[i] = a · y[i] + gain · u[i]`.
void csl_lowpass(ptrdiff_t count, float a, float gain, const float *u, float *y);

/// A first-order synapse with a state: `y[i] = c · x[i] + d · u[i]`, then
/// `x[i] = a · x[i] + b · u[i]` (with the old `x[i]`).
void csl_first_order(ptrdiff_t count, float a, float b, float c, float d, const float *u, float *x, float *y);

#ifdef __cplusplus
}
#endif

#endif
