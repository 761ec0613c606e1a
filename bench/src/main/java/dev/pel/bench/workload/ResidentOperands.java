package dev.pel.bench.workload;

import dev.pel.bench.workload.BenchKernel.Array;
import dev.pel.runtime.DType;
import dev.pel.runtime.memory.DoubleArray;
import dev.pel.runtime.memory.FloatArray;
import dev.pel.runtime.memory.NativeArray;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Off-heap mirrors ({@link FloatArray} or {@link DoubleArray}) of the arrays of {@link Operands}
 * that one kernel uses, for Pel's {@code --residency resident} runs: allocated once per point and
 * left wherever the backend keeps them between calls (on an OpenCL device they stay on the
 * device; on a CPU backend in host memory). Data moves only through the arrays' own host
 * accessors: {@link #load()} writes the heap values in (host write: a device copy goes stale),
 * {@link #store()} reads the current values back out (which brings them back from a device).
 */
public final class ResidentOperands implements AutoCloseable {
    private final Operands heap;
    private final BenchKernel kernel;
    private final Map<Array, NativeArray> arrays = new EnumMap<>(Array.class);

    private ResidentOperands(BenchKernel kernel, Operands heap) {
        this.kernel = kernel;
        this.heap = heap;
    }

    /** Zeroed off-heap arrays of {@code heap.n()} elements for every array {@code kernel} uses. */
    public static ResidentOperands allocate(BenchKernel kernel, Operands heap) {
        Objects.requireNonNull(kernel, "kernel");
        Objects.requireNonNull(heap, "heap");
        ResidentOperands r = new ResidentOperands(kernel, heap);
        try {
            for (Array a : kernel.arrays()) {
                r.arrays.put(a, heap.dtype() == DType.F32 ? FloatArray.allocate(heap.n()) : DoubleArray.allocate(heap.n()));
            }
        } catch (RuntimeException | Error e) {
            r.close();
            throw e;
        }
        return r;
    }

    /** The heap operands these arrays mirror (for the scal factor and for validation). */
    public Operands heap() {
        return heap;
    }

    public BenchKernel kernel() {
        return kernel;
    }

    /** Copies the heap arrays' current values in, through the host accessors. */
    public void load() {
        for (Map.Entry<Array, NativeArray> e : arrays.entrySet()) {
            switch (e.getValue()) {
                case FloatArray f -> f.copyFrom(heapF32(e.getKey()));
                case DoubleArray d -> d.copyFrom(heapF64(e.getKey()));
            }
        }
    }

    /** Copies the current values out into the heap arrays, through the host accessors (which bring data back from a device). */
    public void store() {
        for (Map.Entry<Array, NativeArray> e : arrays.entrySet()) {
            switch (e.getValue()) {
                case FloatArray f -> f.copyTo(heapF32(e.getKey()));
                case DoubleArray d -> d.copyTo(heapF64(e.getKey()));
            }
        }
    }

    /** Where each array's valid data is now. */
    public Map<Array, NativeArray.Where> where() {
        Map<Array, NativeArray.Where> out = new EnumMap<>(Array.class);
        arrays.forEach((a, arr) -> out.put(a, arr.where()));
        return out;
    }

    // @twin-begin F64
    public DoubleArray f64(Array a) {
        if (!(array(a) instanceof DoubleArray arr)) {
            throw new IllegalStateException("operands hold " + heap.dtype().label() + ", not f64");
        }
        return arr;
    }

    private double[] heapF64(Array a) {
        return switch (a) {
            case X -> heap.xF64();
            case Y -> heap.yF64();
            case Z -> heap.zF64();
            case OUT -> heap.outF64();
        };
    }
    // @twin-end
    // @twin-generated F32 from the F64 region above by TwinGenerator: do not edit
    public FloatArray f32(Array a) {
        if (!(array(a) instanceof FloatArray arr)) {
            throw new IllegalStateException("operands hold " + heap.dtype().label() + ", not f32");
        }
        return arr;
    }

    private float[] heapF32(Array a) {
        return switch (a) {
            case X -> heap.xF32();
            case Y -> heap.yF32();
            case Z -> heap.zF32();
            case OUT -> heap.outF32();
        };
    }
    // @twin-end

    private NativeArray array(Array a) {
        NativeArray arr = arrays.get(a);
        if (arr == null) {
            throw new IllegalArgumentException(kernel.label() + " uses no array " + a);
        }
        return arr;
    }

    /** Frees the off-heap memory and any device copies. */
    @Override
    public void close() {
        arrays.values().forEach(NativeArray::close);
    }
}
