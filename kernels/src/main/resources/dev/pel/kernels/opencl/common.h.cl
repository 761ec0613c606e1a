// Shared by every Pel OpenCL program. Built with -DREAL=float or -DREAL=double (then -DPEL_FP64).
#ifdef PEL_FP64
#pragma OPENCL EXTENSION cl_khr_fp64 : enable
#endif
// No silent contraction of a*b+c into fma: results must match the host's IEEE operations.
#pragma OPENCL FP_CONTRACT OFF

// Element i of an operand lives at buf[start + i * stride] (stride may be negative).
#define AT(buf, start, stride, i) (buf)[(start) + (long) (i) * (stride)]
#define VEC(name) __global REAL* name, long name##_start, long name##_stride
#define CVEC(name) __global const REAL* name, long name##_start, long name##_stride

// Java's Math.max/min: NaN propagates, and +0.0 is greater than -0.0 (OpenCL's fmax/fmin do neither).
inline REAL jmax(REAL a, REAL b) {
    if (isnan(a) || isnan(b)) return a + b;
    if (a == b) return signbit(a) ? b : a;
    return a > b ? a : b;
}

inline REAL jmin(REAL a, REAL b) {
    if (isnan(a) || isnan(b)) return a + b;
    if (a == b) return signbit(a) ? a : b;
    return a < b ? a : b;
}
