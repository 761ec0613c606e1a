package dev.pel.kernels.cpu;

import dev.pel.kernels.spi.BinaryOp;
import dev.pel.kernels.spi.KernelSet;
import dev.pel.kernels.spi.UnaryOp;
import dev.pel.kernels.spi.VecF32;
import dev.pel.kernels.spi.VecF64;

/**
 * Wraps a host backend's kernels so that off-heap operands living on a device are brought back
 * before the host reads them, and device copies of outputs are marked stale. The one place where
 * host backends meet residency; heap operands pass straight through.
 */
public final class HostKernelSet implements KernelSet {
    private final KernelSet host;

    public HostKernelSet(KernelSet host) {
        this.host = host;
    }

    // @twin-begin F64
    @Override
    public void axpy(long n, double a, VecF64 x, VecF64 y, int threads) {
        x.forHost(false);
        y.forHost(true);
        host.axpy(n, a, x, y, threads);
    }

    @Override
    public void scal(long n, double a, VecF64 x, int threads) {
        x.forHost(true);
        host.scal(n, a, x, threads);
    }

    @Override
    public void copy(long n, VecF64 x, VecF64 y, int threads) {
        x.forHost(false);
        y.forHost(true);
        host.copy(n, x, y, threads);
    }

    @Override
    public void swap(long n, VecF64 x, VecF64 y, int threads) {
        x.forHost(true);
        y.forHost(true);
        host.swap(n, x, y, threads);
    }

    @Override
    public double dot(long n, VecF64 x, VecF64 y, int threads) {
        x.forHost(false);
        y.forHost(false);
        return host.dot(n, x, y, threads);
    }

    @Override
    public double nrm2(long n, VecF64 x, int threads) {
        x.forHost(false);
        return host.nrm2(n, x, threads);
    }

    @Override
    public double asum(long n, VecF64 x, int threads) {
        x.forHost(false);
        return host.asum(n, x, threads);
    }

    @Override
    public long iamax(long n, VecF64 x, int threads) {
        x.forHost(false);
        return host.iamax(n, x, threads);
    }

    @Override
    public double sum(long n, VecF64 x, int threads) {
        x.forHost(false);
        return host.sum(n, x, threads);
    }

    @Override
    public double mean(long n, VecF64 x, int threads) {
        x.forHost(false);
        return host.mean(n, x, threads);
    }

    @Override
    public double variance(long n, VecF64 x, int ddof, int threads) {
        x.forHost(false);
        return host.variance(n, x, ddof, threads);
    }

    @Override
    public double min(long n, VecF64 x, int threads) {
        x.forHost(false);
        return host.min(n, x, threads);
    }

    @Override
    public double max(long n, VecF64 x, int threads) {
        x.forHost(false);
        return host.max(n, x, threads);
    }

    @Override
    public void unary(UnaryOp op, long n, VecF64 x, VecF64 out, int threads) {
        x.forHost(false);
        out.forHost(true);
        host.unary(op, n, x, out, threads);
    }

    @Override
    public void binary(BinaryOp op, long n, VecF64 x, VecF64 y, VecF64 out, int threads) {
        x.forHost(false);
        y.forHost(false);
        out.forHost(true);
        host.binary(op, n, x, y, out, threads);
    }

    @Override
    public void binaryScalar(BinaryOp op, long n, VecF64 x, double s, boolean scalarFirst, VecF64 out, int threads) {
        x.forHost(false);
        out.forHost(true);
        host.binaryScalar(op, n, x, s, scalarFirst, out, threads);
    }

    @Override
    public void fma(long n, VecF64 x, VecF64 y, VecF64 z, VecF64 out, int threads) {
        x.forHost(false);
        y.forHost(false);
        z.forHost(false);
        out.forHost(true);
        host.fma(n, x, y, z, out, threads);
    }

    @Override
    public void fmaScalar(long n, VecF64 x, double a, double b, VecF64 out, int threads) {
        x.forHost(false);
        out.forHost(true);
        host.fmaScalar(n, x, a, b, out, threads);
    }

    @Override
    public void clamp(long n, VecF64 x, double lo, double hi, VecF64 out, int threads) {
        x.forHost(false);
        out.forHost(true);
        host.clamp(n, x, lo, hi, out, threads);
    }
    // @twin-end
    // @twin-generated F32 from the F64 region above by TwinGenerator: do not edit
    @Override
    public void axpy(long n, float a, VecF32 x, VecF32 y, int threads) {
        x.forHost(false);
        y.forHost(true);
        host.axpy(n, a, x, y, threads);
    }

    @Override
    public void scal(long n, float a, VecF32 x, int threads) {
        x.forHost(true);
        host.scal(n, a, x, threads);
    }

    @Override
    public void copy(long n, VecF32 x, VecF32 y, int threads) {
        x.forHost(false);
        y.forHost(true);
        host.copy(n, x, y, threads);
    }

    @Override
    public void swap(long n, VecF32 x, VecF32 y, int threads) {
        x.forHost(true);
        y.forHost(true);
        host.swap(n, x, y, threads);
    }

    @Override
    public float dot(long n, VecF32 x, VecF32 y, int threads) {
        x.forHost(false);
        y.forHost(false);
        return host.dot(n, x, y, threads);
    }

    @Override
    public float nrm2(long n, VecF32 x, int threads) {
        x.forHost(false);
        return host.nrm2(n, x, threads);
    }

    @Override
    public float asum(long n, VecF32 x, int threads) {
        x.forHost(false);
        return host.asum(n, x, threads);
    }

    @Override
    public long iamax(long n, VecF32 x, int threads) {
        x.forHost(false);
        return host.iamax(n, x, threads);
    }

    @Override
    public float sum(long n, VecF32 x, int threads) {
        x.forHost(false);
        return host.sum(n, x, threads);
    }

    @Override
    public float mean(long n, VecF32 x, int threads) {
        x.forHost(false);
        return host.mean(n, x, threads);
    }

    @Override
    public float variance(long n, VecF32 x, int ddof, int threads) {
        x.forHost(false);
        return host.variance(n, x, ddof, threads);
    }

    @Override
    public float min(long n, VecF32 x, int threads) {
        x.forHost(false);
        return host.min(n, x, threads);
    }

    @Override
    public float max(long n, VecF32 x, int threads) {
        x.forHost(false);
        return host.max(n, x, threads);
    }

    @Override
    public void unary(UnaryOp op, long n, VecF32 x, VecF32 out, int threads) {
        x.forHost(false);
        out.forHost(true);
        host.unary(op, n, x, out, threads);
    }

    @Override
    public void binary(BinaryOp op, long n, VecF32 x, VecF32 y, VecF32 out, int threads) {
        x.forHost(false);
        y.forHost(false);
        out.forHost(true);
        host.binary(op, n, x, y, out, threads);
    }

    @Override
    public void binaryScalar(BinaryOp op, long n, VecF32 x, float s, boolean scalarFirst, VecF32 out, int threads) {
        x.forHost(false);
        out.forHost(true);
        host.binaryScalar(op, n, x, s, scalarFirst, out, threads);
    }

    @Override
    public void fma(long n, VecF32 x, VecF32 y, VecF32 z, VecF32 out, int threads) {
        x.forHost(false);
        y.forHost(false);
        z.forHost(false);
        out.forHost(true);
        host.fma(n, x, y, z, out, threads);
    }

    @Override
    public void fmaScalar(long n, VecF32 x, float a, float b, VecF32 out, int threads) {
        x.forHost(false);
        out.forHost(true);
        host.fmaScalar(n, x, a, b, out, threads);
    }

    @Override
    public void clamp(long n, VecF32 x, float lo, float hi, VecF32 out, int threads) {
        x.forHost(false);
        out.forHost(true);
        host.clamp(n, x, lo, hi, out, threads);
    }
    // @twin-end
}
