// @twin-file
package dev.pel.kernels.testing;

import dev.pel.kernels.Blas;
import dev.pel.kernels.ElementWise;
import dev.pel.kernels.Reductions;
import dev.pel.kernels.spi.BinaryOp;
import dev.pel.kernels.spi.UnaryOp;
import dev.pel.runtime.DType;
import dev.pel.runtime.memory.DoubleArray;
import java.lang.foreign.ValueLayout;

/** The f64 {@link GuardedArray}, source of the generated f32 twin. */ //F32: /** The f32 {@link GuardedArray}, generated from the f64 source. */
public final class GuardedArrayF64 extends GuardedArray {
    private final double[] heap; // HEAP: the whole memory
    private final DoubleArray owner; // NATIVE, VIEW: the whole memory
    private final DoubleArray operand; // NATIVE: the owner; VIEW: a window on it
    private final boolean owns;

    GuardedArrayF64(Storage storage, int length) {
        super(DType.F64, storage, storage == Storage.VIEW ? VIEW_LEAD : 0, length,
                storage == Storage.VIEW ? VIEW_LEAD + length + VIEW_TRAIL : length);
        int m = memoryLength();
        if (storage == Storage.HEAP) {
            heap = new double[m];
            owner = null;
            operand = null;
        } else {
            heap = null;
            owner = DoubleArray.allocate(m);
            operand = storage == Storage.VIEW ? owner.view(VIEW_LEAD, length) : owner;
        }
        owns = true;
        double s = Double.longBitsToDouble(SENTINEL_F64); //F32: float s = Float.intBitsToFloat(SENTINEL_F32);
        if (heap != null) {
            java.util.Arrays.fill(heap, s);
        } else {
            owner.fill(s);
        }
    }

    private GuardedArrayF64(GuardedArrayF64 parent, int start, int length) {
        super(DType.F64, Storage.VIEW, start, length, parent.memoryLength());
        heap = null;
        owner = parent.owner;
        operand = owner.view(start, length);
        owns = false;
    }

    @Override
    public GuardedArray alias(int offset, int length) {
        if (owner == null) {
            throw new UnsupportedOperationException("heap arrays have no views");
        }
        return new GuardedArrayF64(this, memoryIndex(offset), length);
    }

    @Override
    public long[] snapshot() {
        double[] all = heap != null ? heap : owner.toArray();
        long[] bits = new long[all.length];
        for (int i = 0; i < all.length; i++) {
            bits[i] = Double.doubleToRawLongBits(all[i]); //F32: bits[i] = Float.floatToRawIntBits(all[i]) & 0xffffffffL;
        }
        return bits;
    }

    @Override
    public /*wide*/double getMemory(int m) {
        return heap != null ? heap[m] : owner.get(m);
    }

    @Override
    public void setMemory(int m, /*wide*/double v) {
        if (heap != null) {
            heap[m] = (double) v;
        } else {
            owner.set(m, (double) v);
        }
    }

    @Override
    public long rawBits(int m) {
        double v;
        if (heap != null) {
            v = heap[m];
        } else {
            owner.hostAccess(false); // a read: brings device data back without making the device copy stale
            v = owner.segmentNoSync().getAtIndex(ValueLayout.JAVA_DOUBLE, m);
        }
        return Double.doubleToRawLongBits(v); //F32: return Float.floatToRawIntBits(v) & 0xffffffffL;
    }

    /** The heap array, or null. */
    public double[] heapArray() {
        return heap;
    }

    /** The off-heap operand, or null. */
    public DoubleArray nativeArray() {
        return operand;
    }

    @Override
    public void close() {
        if (owns && owner != null) {
            owner.close();
        }
    }

    private static double[] h(GuardedArray a) {
        return a == null ? null : ((GuardedArrayF64) a).heap;
    }

    private static DoubleArray o(GuardedArray a) {
        return a == null ? null : ((GuardedArrayF64) a).operand;
    }

    private static int i(long v) {
        return (int) v;
    }

    // ---- Blas ------------------------------------------------------------------------------------

    @Override
    public void axpy(Blas b, /*wide*/double a, GuardedArray y) {
        if (heap != null) {
            b.axpy((double) a, heap, h(y));
        } else {
            b.axpy((double) a, operand, o(y));
        }
    }

    @Override
    public void axpy(Blas b, long n, /*wide*/double a, long offx, long incx, GuardedArray y, long offy, long incy) {
        if (heap != null) {
            b.axpy(i(n), (double) a, heap, i(offx), i(incx), h(y), i(offy), i(incy));
        } else {
            b.axpy(n, (double) a, operand, offx, incx, o(y), offy, incy);
        }
    }

    @Override
    public void scal(Blas b, /*wide*/double a) {
        if (heap != null) {
            b.scal((double) a, heap);
        } else {
            b.scal((double) a, operand);
        }
    }

    @Override
    public void scal(Blas b, long n, /*wide*/double a, long offx, long incx) {
        if (heap != null) {
            b.scal(i(n), (double) a, heap, i(offx), i(incx));
        } else {
            b.scal(n, (double) a, operand, offx, incx);
        }
    }

    @Override
    public void copy(Blas b, GuardedArray y) {
        if (heap != null) {
            b.copy(heap, h(y));
        } else {
            b.copy(operand, o(y));
        }
    }

    @Override
    public void copy(Blas b, long n, long offx, long incx, GuardedArray y, long offy, long incy) {
        if (heap != null) {
            b.copy(i(n), heap, i(offx), i(incx), h(y), i(offy), i(incy));
        } else {
            b.copy(n, operand, offx, incx, o(y), offy, incy);
        }
    }

    @Override
    public void swap(Blas b, GuardedArray y) {
        if (heap != null) {
            b.swap(heap, h(y));
        } else {
            b.swap(operand, o(y));
        }
    }

    @Override
    public void swap(Blas b, long n, long offx, long incx, GuardedArray y, long offy, long incy) {
        if (heap != null) {
            b.swap(i(n), heap, i(offx), i(incx), h(y), i(offy), i(incy));
        } else {
            b.swap(n, operand, offx, incx, o(y), offy, incy);
        }
    }

    @Override
    public /*wide*/double dot(Blas b, GuardedArray y) {
        return heap != null ? b.dot(heap, h(y)) : b.dot(operand, o(y));
    }

    @Override
    public /*wide*/double dot(Blas b, long n, long offx, long incx, GuardedArray y, long offy, long incy) {
        return heap != null ? b.dot(i(n), heap, i(offx), i(incx), h(y), i(offy), i(incy))
                : b.dot(n, operand, offx, incx, o(y), offy, incy);
    }

    @Override
    public /*wide*/double nrm2(Blas b) {
        return heap != null ? b.nrm2(heap) : b.nrm2(operand);
    }

    @Override
    public /*wide*/double nrm2(Blas b, long n, long offx, long incx) {
        return heap != null ? b.nrm2(i(n), heap, i(offx), i(incx)) : b.nrm2(n, operand, offx, incx);
    }

    @Override
    public /*wide*/double asum(Blas b) {
        return heap != null ? b.asum(heap) : b.asum(operand);
    }

    @Override
    public /*wide*/double asum(Blas b, long n, long offx, long incx) {
        return heap != null ? b.asum(i(n), heap, i(offx), i(incx)) : b.asum(n, operand, offx, incx);
    }

    @Override
    public long iamax(Blas b) {
        return heap != null ? b.iamax(heap) : b.iamax(operand);
    }

    @Override
    public long iamax(Blas b, long n, long offx, long incx) {
        return heap != null ? b.iamax(i(n), heap, i(offx), i(incx)) : b.iamax(n, operand, offx, incx);
    }

    // ---- Reductions ------------------------------------------------------------------------------

    private void heapOnly() {
        if (heap == null) {
            throw new UnsupportedOperationException("the (x, offset, length) forms are heap-only");
        }
    }

    @Override
    public /*wide*/double sum(Reductions r) {
        return heap != null ? r.sum(heap) : r.sum(operand);
    }

    @Override
    public /*wide*/double sum(Reductions r, int offset, int length) {
        heapOnly();
        return r.sum(heap, offset, length);
    }

    @Override
    public /*wide*/double mean(Reductions r) {
        return heap != null ? r.mean(heap) : r.mean(operand);
    }

    @Override
    public /*wide*/double mean(Reductions r, int offset, int length) {
        heapOnly();
        return r.mean(heap, offset, length);
    }

    @Override
    public /*wide*/double variance(Reductions r, int ddof) {
        if (heap != null) {
            return ddof == 0 ? r.variance(heap) : r.variance(heap, 0, heap.length, ddof);
        }
        return ddof == 0 ? r.variance(operand) : r.variance(operand, ddof);
    }

    @Override
    public /*wide*/double variance(Reductions r, int offset, int length, int ddof) {
        heapOnly();
        return r.variance(heap, offset, length, ddof);
    }

    @Override
    public /*wide*/double min(Reductions r) {
        return heap != null ? r.min(heap) : r.min(operand);
    }

    @Override
    public /*wide*/double min(Reductions r, int offset, int length) {
        heapOnly();
        return r.min(heap, offset, length);
    }

    @Override
    public /*wide*/double max(Reductions r) {
        return heap != null ? r.max(heap) : r.max(operand);
    }

    @Override
    public /*wide*/double max(Reductions r, int offset, int length) {
        heapOnly();
        return r.max(heap, offset, length);
    }

    // ---- ElementWise -----------------------------------------------------------------------------

    @Override
    public void binary(ElementWise e, BinaryOp op, GuardedArray y, GuardedArray out) {
        if (heap != null) {
            double[] yy = h(y);
            double[] oo = h(out);
            switch (op) {
                case ADD -> e.add(heap, yy, oo);
                case SUB -> e.sub(heap, yy, oo);
                case MUL -> e.mul(heap, yy, oo);
                case DIV -> e.div(heap, yy, oo);
            }
        } else {
            DoubleArray yy = o(y);
            DoubleArray oo = o(out);
            switch (op) {
                case ADD -> e.add(operand, yy, oo);
                case SUB -> e.sub(operand, yy, oo);
                case MUL -> e.mul(operand, yy, oo);
                case DIV -> e.div(operand, yy, oo);
            }
        }
    }

    @Override
    public void binaryScalar(ElementWise e, BinaryOp op, /*wide*/double s, boolean scalarFirst, GuardedArray out) {
        double v = (double) s;
        if (heap != null) {
            double[] oo = h(out);
            if (scalarFirst) {
                switch (op) {
                    case SUB -> e.sub(v, heap, oo);
                    case DIV -> e.div(v, heap, oo);
                    default -> throw new IllegalArgumentException("no scalar-first form of " + op);
                }
            } else {
                switch (op) {
                    case ADD -> e.add(heap, v, oo);
                    case SUB -> e.sub(heap, v, oo);
                    case MUL -> e.mul(heap, v, oo);
                    case DIV -> e.div(heap, v, oo);
                }
            }
        } else {
            DoubleArray oo = o(out);
            if (scalarFirst) {
                switch (op) {
                    case SUB -> e.sub(v, operand, oo);
                    case DIV -> e.div(v, operand, oo);
                    default -> throw new IllegalArgumentException("no scalar-first form of " + op);
                }
            } else {
                switch (op) {
                    case ADD -> e.add(operand, v, oo);
                    case SUB -> e.sub(operand, v, oo);
                    case MUL -> e.mul(operand, v, oo);
                    case DIV -> e.div(operand, v, oo);
                }
            }
        }
    }

    @Override
    public void fma(ElementWise e, GuardedArray y, GuardedArray z, GuardedArray out) {
        if (heap != null) {
            e.fma(heap, h(y), h(z), h(out));
        } else {
            e.fma(operand, o(y), o(z), o(out));
        }
    }

    @Override
    public void fmaScalar(ElementWise e, /*wide*/double a, /*wide*/double b, GuardedArray out) {
        if (heap != null) {
            e.fma(heap, (double) a, (double) b, h(out));
        } else {
            e.fma(operand, (double) a, (double) b, o(out));
        }
    }

    @Override
    public void clamp(ElementWise e, /*wide*/double lo, /*wide*/double hi, GuardedArray out) {
        if (heap != null) {
            e.clamp(heap, (double) lo, (double) hi, h(out));
        } else {
            e.clamp(operand, (double) lo, (double) hi, o(out));
        }
    }

    @Override
    public void unary(ElementWise e, UnaryOp op, GuardedArray out) {
        if (heap != null) {
            double[] oo = h(out);
            switch (op) {
                case ABS -> e.abs(heap, oo);
                case NEG -> e.neg(heap, oo);
                case SQRT -> e.sqrt(heap, oo);
                case EXP -> e.exp(heap, oo);
                case LOG -> e.log(heap, oo);
                case TANH -> e.tanh(heap, oo);
                case SIGMOID -> e.sigmoid(heap, oo);
            }
        } else {
            DoubleArray oo = o(out);
            switch (op) {
                case ABS -> e.abs(operand, oo);
                case NEG -> e.neg(operand, oo);
                case SQRT -> e.sqrt(operand, oo);
                case EXP -> e.exp(operand, oo);
                case LOG -> e.log(operand, oo);
                case TANH -> e.tanh(operand, oo);
                case SIGMOID -> e.sigmoid(operand, oo);
            }
        }
    }
}
