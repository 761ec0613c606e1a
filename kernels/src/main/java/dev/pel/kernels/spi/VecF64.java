// @twin-file
package dev.pel.kernels.spi;

import dev.pel.runtime.dispatch.Placement;
import dev.pel.runtime.memory.DoubleArray;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A validated vector operand: element {@code i} (0 &lt;= i &lt; n) lives at index
 * {@code start + i * stride} of either a heap array or an off-heap segment. A negative BLAS
 * increment is already folded in: {@code start} is where logical element 0 lives.
 *
 * @param heap    the heap array, or null for off-heap memory
 * @param array   the off-heap array or view, or null for heap; device backends address its owner
 * @param segment the off-heap memory (the array's or view's own segment), or null for heap
 * @param start   index of logical element 0
 * @param stride  index step between consecutive elements (non-zero)
 */
public record VecF64(double[] heap, DoubleArray array, MemorySegment segment, long start, long stride) {

    public static VecF64 heap(double[] heap, long start, long stride) {
        return new VecF64(heap, null, null, start, stride);
    }

    public static VecF64 offHeap(DoubleArray array, long start, long stride) {
        return new VecF64(null, array, array.segmentNoSync(), start, stride);
    }

    /** Where this operand's data lives: the Java heap, host memory, or resident on a device. */
    public Placement placement() {
        return heap != null ? Placement.HEAP : Placement.of(array);
    }

    /** Makes an off-heap operand's host copy valid before host code reads it (or writes it, when {@code write}). */
    public void forHost(boolean write) {
        if (array != null) {
            array.hostAccess(write);
        }
    }
    private static final ValueLayout.OfDouble LAYOUT = ValueLayout.JAVA_DOUBLE;

    public double get(long i) {
        long k = start + i * stride;
        return heap != null ? heap[(int) k] : segment.getAtIndex(LAYOUT, k);
    }

    public void set(long i, double value) {
        long k = start + i * stride;
        if (heap != null) {
            heap[(int) k] = value;
        } else {
            segment.setAtIndex(LAYOUT, k, value);
        }
    }

    /** True when consecutive elements are adjacent (stride 1): the SIMD fast path. */
    public boolean unit() {
        return stride == 1;
    }

    /** Copies {@code len} elements from logical index {@code from} into {@code dst[0..len)}; unit stride only. */
    public void load(long from, double[] dst, int len) {
        if (heap != null) {
            System.arraycopy(heap, (int) (start + from), dst, 0, len);
        } else {
            MemorySegment.copy(segment, LAYOUT, (start + from) * Double.BYTES, dst, 0, len);
        }
    }

    /** Copies {@code src[0..len)} to logical index {@code from}; unit stride only. */
    public void store(long from, double[] src, int len) {
        if (heap != null) {
            System.arraycopy(src, 0, heap, (int) (start + from), len);
        } else {
            MemorySegment.copy(src, 0, segment, LAYOUT, (start + from) * Double.BYTES, len);
        }
    }
}
