#include "StepLoopVersions.h"

#if defined(__x86_64__) && defined(__clang__) && defined(__linux__)

// The versions `target_clones` made, by their symbol names (name.arch_x86-64-v4.0, ...).
#define VERSIONS(ret, name, params)                                        \
    extern ret name##_v4 params __asm__(#name ".arch_x86-64-v4.0");     \
    extern ret name##_v3 params __asm__(#name ".arch_x86-64-v3.1");     \
    extern ret name##_v0 params __asm__(#name ".default.2");
#define PICK(name, version) ((version) == 4 ? name##_v4 : (version) == 3 ? name##_v3 : name##_v0)

VERSIONS(bool, csl_lif_step,
         (ptrdiff_t, float *, float *, float *, const float *, const csl_lif_constants *, bool, uint32_t *))
VERSIONS(void, csl_dots, (ptrdiff_t, ptrdiff_t, const float *, const float *, float *, bool))
VERSIONS(void, csl_columns, (ptrdiff_t, const float *, ptrdiff_t, ptrdiff_t, const float *, const float *, float *, bool))
VERSIONS(void, csl_columns_blocked, (ptrdiff_t, const float *, ptrdiff_t, const float *, bool, float *, bool))
VERSIONS(void, csl_spike_columns, (ptrdiff_t, const float *, ptrdiff_t, ptrdiff_t, const float *, float *, int32_t *))
VERSIONS(void, csl_multiply_plus, (ptrdiff_t, const float *, const float *, const float *, float *))
VERSIONS(void, csl_lowpass, (ptrdiff_t, float, float, const float *, float *))
VERSIONS(void, csl_first_order, (ptrdiff_t, float, float, float, float, const float *, float *, float *))

bool slv_supported(int version) {
    __builtin_cpu_init();
    if (version == 4) return __builtin_cpu_supports("x86-64-v4");
    if (version == 3) return __builtin_cpu_supports("x86-64-v3");
    return version == 0;
}

#else

#define PICK(name, version) name

bool slv_supported(int version) { return version == 0; }

#endif

bool slv_lif_step(
    int version, ptrdiff_t count, float *voltage, float *refractory_time, float *output, const float *current,
    const csl_lif_constants *constants, bool long_range) {
    return PICK(csl_lif_step, version)(count, voltage, refractory_time, output, current, constants, long_range, NULL);
}

bool slv_lif_step_owing(
    int version, ptrdiff_t count, float *voltage, float *refractory_time, float *output, const float *current,
    const csl_lif_constants *constants, bool long_range, uint32_t *owed) {
    return PICK(csl_lif_step, version)(
        count, voltage, refractory_time, output, current, constants, long_range, owed);
}

void slv_dots(int version, ptrdiff_t rows, ptrdiff_t columns, const float *matrix, const float *x, float *y,
              bool accumulate) {
    PICK(csl_dots, version)(rows, columns, matrix, x, y, accumulate);
}

void slv_columns(int version, ptrdiff_t count, const float *t, ptrdiff_t stride, ptrdiff_t columns, const float *x,
                 const float *bias, float *y, bool accumulate) {
    PICK(csl_columns, version)(count, t, stride, columns, x, bias, y, accumulate);
}

void slv_columns_blocked(int version, ptrdiff_t count, const float *blocks, ptrdiff_t columns, const float *x,
                         bool has_bias, float *y, bool accumulate) {
    PICK(csl_columns_blocked, version)(count, blocks, columns, x, has_bias, y, accumulate);
}

void slv_spike_columns(int version, ptrdiff_t rows, const float *t, ptrdiff_t stride, ptrdiff_t columns, const float *x,
                       float *y, int32_t *firing) {
    PICK(csl_spike_columns, version)(rows, t, stride, columns, x, y, firing);
}

void slv_multiply_plus(int version, ptrdiff_t count, const float *scale, const float *x, const float *bias, float *y) {
    PICK(csl_multiply_plus, version)(count, scale, x, bias, y);
}

void slv_lowpass(int version, ptrdiff_t count, float a, float gain, const float *u, float *y) {
    PICK(csl_lowpass, version)(count, a, gain, u, y);
}

void slv_first_order(int version, ptrdiff_t count, float a, float b, float c, float d, const float *u, float *x,
                     float *y) {
    PICK(csl_first_order, version)(count, a, b, c, d, u, x, y);
}
