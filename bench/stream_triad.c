// A STREAM-like triad, a[i] = b[i] + s * c[i] over float arrays far larger than the caches,
// on 1 and 2 threads: the memory bandwidth a memory-bound step can reach on this machine.
// Counts 3 arrays' bytes per pass (2 read, 1 written; the write's read-for-ownership not
// counted, as STREAM does) and prints the median and best of the passes in GB/s; then the
// same for a read-only pass (the sum of one array), the pattern of streaming constant
// encoders.
//
//   cc -O2 -march=native -fopenmp bench/stream_triad.c -o /tmp/stream_triad && /tmp/stream_triad [MB per array] [passes]
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static int compare(const void *x, const void *y) {
    double a = *(const double *)x, b = *(const double *)y;
    return (a > b) - (a < b);
}

int main(int argc, char **argv) {
    size_t megabytes = argc > 1 ? (size_t)atol(argv[1]) : 256;
    int passes = argc > 2 ? atoi(argv[2]) : 20;
    size_t n = megabytes * 1024 * 1024 / sizeof(float);
    float *a = aligned_alloc(64, n * sizeof(float));
    float *b = aligned_alloc(64, n * sizeof(float));
    float *c = aligned_alloc(64, n * sizeof(float));
    double *rates = malloc(passes * sizeof(double));
    const float s = 0.5f;
    for (int threads = 1; threads <= 2; threads++) {
        omp_set_num_threads(threads);
#pragma omp parallel for schedule(static)
        for (size_t i = 0; i < n; i++) { a[i] = 0; b[i] = 1; c[i] = 2; }
        for (int p = 0; p < passes; p++) {
            double start = now();
#pragma omp parallel for schedule(static)
            for (size_t i = 0; i < n; i++) a[i] = b[i] + s * c[i];
            rates[p] = 3.0 * n * sizeof(float) / (now() - start) / 1e9;
        }
        qsort(rates, passes, sizeof(double), compare);
        printf("triad, %d thread%s, %zu MB per array: median %.1f GB/s, best %.1f GB/s (check %.1f)\n", threads,
               threads > 1 ? "s" : "", megabytes, rates[passes / 2], rates[passes - 1], a[n / 2]);
        float total = 0;
        for (int p = 0; p < passes; p++) {
            double start = now();
            float sum = 0;
#pragma omp parallel for simd schedule(static) reduction(+ : sum)
            for (size_t i = 0; i < n; i++) sum += c[i];
            rates[p] = 1.0 * n * sizeof(float) / (now() - start) / 1e9;
            total += sum;
        }
        qsort(rates, passes, sizeof(double), compare);
        printf("read,  %d thread%s, %zu MB: median %.1f GB/s, best %.1f GB/s (check %.0f)\n", threads,
               threads > 1 ? "s" : "", megabytes, rates[passes / 2], rates[passes - 1], total > 0 ? 1.0 : 0.0);
    }
    return 0;
}
