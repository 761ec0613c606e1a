// Element-wise kernels and the BLAS-1 updates: one work-item per element.

__kernel void axpy(long n, REAL a, CVEC(x), VEC(y)) {
    long i = get_global_id(0);
    if (i < n) AT(y, y_start, y_stride, i) = fma(a, AT(x, x_start, x_stride, i), AT(y, y_start, y_stride, i));
}

__kernel void scal(long n, REAL a, VEC(x)) {
    long i = get_global_id(0);
    if (i < n) AT(x, x_start, x_stride, i) = a * AT(x, x_start, x_stride, i);
}

__kernel void copy(long n, CVEC(x), VEC(y)) {
    long i = get_global_id(0);
    if (i < n) AT(y, y_start, y_stride, i) = AT(x, x_start, x_stride, i);
}

__kernel void swap(long n, VEC(x), VEC(y)) {
    long i = get_global_id(0);
    if (i < n) {
        REAL t = AT(x, x_start, x_stride, i);
        AT(x, x_start, x_stride, i) = AT(y, y_start, y_stride, i);
        AT(y, y_start, y_stride, i) = t;
    }
}

// op: 0 abs, 1 neg, 2 sqrt, 3 exp, 4 log, 5 tanh, 6 sigmoid (the order of UnaryOp).
__kernel void unary(int op, long n, CVEC(x), VEC(out)) {
    long i = get_global_id(0);
    if (i >= n) return;
    REAL v = AT(x, x_start, x_stride, i);
    REAL r;
    switch (op) {
        case 0: r = fabs(v); break;
        case 1: r = -v; break;
        case 2: r = sqrt(v); break;
        case 3: r = exp(v); break;
        case 4: r = log(v); break;
        case 5: r = tanh(v); break;
        default: {
            // 1/(1+e) for v >= 0, e/(1+e) below, with e = exp(-|v|): exp never overflows.
            REAL e = exp(-fabs(v));
            r = (v >= 0 ? (REAL) 1 : e) / ((REAL) 1 + e);
            break;
        }
    }
    AT(out, out_start, out_stride, i) = r;
}

inline REAL binop(int op, REAL a, REAL b) {
    switch (op) {
        case 0: return a + b;
        case 1: return a - b;
        case 2: return a * b;
        default: return a / b;
    }
}

// op: 0 add, 1 sub, 2 mul, 3 div (the order of BinaryOp).
__kernel void binary(int op, long n, CVEC(x), CVEC(y), VEC(out)) {
    long i = get_global_id(0);
    if (i < n) AT(out, out_start, out_stride, i) = binop(op, AT(x, x_start, x_stride, i), AT(y, y_start, y_stride, i));
}

__kernel void binary_scalar(int op, long n, CVEC(x), REAL s, int scalar_first, VEC(out)) {
    long i = get_global_id(0);
    if (i >= n) return;
    REAL v = AT(x, x_start, x_stride, i);
    AT(out, out_start, out_stride, i) = scalar_first ? binop(op, s, v) : binop(op, v, s);
}

__kernel void fma3(long n, CVEC(x), CVEC(y), CVEC(z), VEC(out)) {
    long i = get_global_id(0);
    if (i < n) AT(out, out_start, out_stride, i) = fma(AT(x, x_start, x_stride, i), AT(y, y_start, y_stride, i), AT(z, z_start, z_stride, i));
}

__kernel void fma_scalar(long n, CVEC(x), REAL a, REAL b, VEC(out)) {
    long i = get_global_id(0);
    if (i < n) AT(out, out_start, out_stride, i) = fma(AT(x, x_start, x_stride, i), a, b);
}

__kernel void clamp_(long n, CVEC(x), REAL lo, REAL hi, VEC(out)) {
    long i = get_global_id(0);
    if (i < n) AT(out, out_start, out_stride, i) = jmin(jmax(AT(x, x_start, x_stride, i), lo), hi);
}
