#ifndef COPENBLAS_SHIM_H
#define COPENBLAS_SHIM_H
// OpenBLAS's CBLAS (pinned through pkg-config "openblas") and LAPACKE.
// Only BrainCore/LinearAlgebra imports this module.
#include <cblas.h>
#include <lapacke.h>
#endif
