#ifndef STEPLOOPVERSIONS_H
#define STEPLOOPVERSIONS_H

// For tests: each compiled version of some CStepLoops functions, called by name, so that a
// test can compare the versions on one machine. Version 4 is x86-64-v4 (AVX-512), 3 is
// x86-64-v3 (AVX2, FMA), 0 the baseline. Where the library has one version only (not x86-64
// Linux), every version is that one.

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "CStepLoops.h"

/// Whether this CPU can run version `version` (4, 3 or 0).
bool slv_supported(int version);

/// `csl_lif_step` without `owed`, version `version`.
bool slv_lif_step(
    int version, ptrdiff_t count, float *voltage, float *refractory_time, float *output, const float *current,
    const csl_lif_constants *constants, bool long_range);

/// `csl_lif_step` with `owed`, version `version`.
bool slv_lif_step_owing(
    int version, ptrdiff_t count, float *voltage, float *refractory_time, float *output, const float *current,
    const csl_lif_constants *constants, bool long_range, uint32_t *owed);

/// `csl_dots`, version `version`.
void slv_dots(int version, ptrdiff_t rows, ptrdiff_t columns, const float *matrix, const float *x, float *y,
              bool accumulate);

/// `csl_columns`, version `version`.
void slv_columns(int version, ptrdiff_t count, const float *t, ptrdiff_t stride, ptrdiff_t columns, const float *x,
                 const float *bias, float *y, bool accumulate);

/// `csl_columns_blocked`, version `version`.
void slv_columns_blocked(int version, ptrdiff_t count, const float *blocks, ptrdiff_t columns, const float *x,
                         bool has_bias, float *y, bool accumulate);

/// `csl_spike_columns`, version `version`.
void slv_spike_columns(int version, ptrdiff_t rows, const float *t, ptrdiff_t stride, ptrdiff_t columns, const float *x,
                       float *y, int32_t *firing);

/// `csl_multiply_plus`, version `version`.
void slv_multiply_plus(int version, ptrdiff_t count, const float *scale, const float *x, const float *bias, float *y);

/// `csl_lowpass`, version `version`.
void slv_lowpass(int version, ptrdiff_t count, float a, float gain, const float *u, float *y);

/// `csl_first_order`, version `version`.
void slv_first_order(int version, ptrdiff_t count, float a, float b, float c, float d, const float *u, float *x,
                     float *y);

#endif
