package dev.pel.kernels.opencl;

import dev.pel.kernels.KernelSets;
import dev.pel.kernels.cpu.Blocking;
import dev.pel.kernels.spi.BinaryOp;
import dev.pel.kernels.spi.KernelSet;
import dev.pel.kernels.spi.UnaryOp;
import dev.pel.kernels.spi.VecF32;
import dev.pel.kernels.spi.VecF64;
import dev.pel.runtime.opencl.OpenClBackend;
import dev.pel.runtime.opencl.OpenClBuffer;
import dev.pel.runtime.opencl.OpenClProgram;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jocl.Pointer;

/**
 * The foundation kernels as OpenCL C ({@code elementwise.cl}, {@code reduce.cl} under
 * {@code dev/pel/kernels/opencl}), built per element type with {@code -DREAL=float|double}.
 *
 * <p>Operands: an off-heap array is used where it lives ({@link OpenClBackend#resident}: zero-copy
 * on devices that share host memory, else uploaded once and kept until the host needs it); a heap
 * array is copied to a temporary buffer (the span the call touches) and results are copied back.
 * Reductions run one work-group per {@link Blocking#BLOCK} elements, the CPU's blocking, and the
 * host combines block results pairwise in double, as the CPU backends do. Every call ends with
 * {@code clFinish}.
 */
public final class OpenClKernelSet implements KernelSet {
    private static final int BLOCK = Blocking.BLOCK;

    private final OpenClBackend backend;
    private final String source;
    private volatile OpenClProgram programF32;
    private volatile OpenClProgram programF64;
    private final java.util.Map<OpenClProgram, Integer> groups = new java.util.concurrent.ConcurrentHashMap<>();

    public OpenClKernelSet(OpenClBackend backend) {
        this.backend = backend;
        this.source = resource("common.h.cl") + "\n#define BLOCK " + BLOCK + "\n" + resource("elementwise.cl") + "\n"
                + resource("reduce.cl");
    }

    private static String resource(String name) {
        try (InputStream in = OpenClKernelSet.class.getResourceAsStream("/dev/pel/kernels/opencl/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing OpenCL source " + name + " on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Why double calls are declined on this device, or null when it has fp64. */
    public String fp64Unsupported() {
        return backend.info().fp64() ? null : backend.name() + " (" + backend.info().name() + ") lacks cl_khr_fp64";
    }

    /** Buffers made for one call: temporaries for heap operands, copied back, then returned to the pool. */
    private static final class CallBuffers implements AutoCloseable {
        private final List<Runnable> copyBack = new ArrayList<>();
        private final List<OpenClBuffer> temporaries = new ArrayList<>();

        void finishCall(OpenClBackend backend) {
            backend.finish();
            for (Runnable r : copyBack) {
                r.run();
            }
        }

        @Override
        public void close() {
            for (OpenClBuffer b : temporaries) {
                b.backend().giveBack(b);
            }
        }
    }

    /** One launch argument triple: buffer, index of element 0, stride. */
    private static Object[] operand(OpenClBuffer buffer, long start, long stride) {
        return new Object[] {buffer, start, stride};
    }

    private static Object[] concat(Object... parts) {
        List<Object> out = new ArrayList<>();
        for (Object p : parts) {
            if (p instanceof Object[] a) {
                out.addAll(List.of(a));
            } else {
                out.add(p);
            }
        }
        return out.toArray();
    }

    /**
     * The work-group size of every launch: {@link Blocking#ACCUMULATORS}, which reproduces the CPU's
     * canonical summation order bit for bit, capped by what each kernel of the program allows on
     * this device (a device below 64 stays correct but is no longer bitwise equal to the CPU).
     * Element-wise launches use it too, with the global size rounded up to a multiple: letting the
     * driver choose made PoCL compile a new work-group variant for every distinct n.
     */
    private int group(OpenClProgram program) {
        return groups.computeIfAbsent(program, p -> {
            int g = Blocking.ACCUMULATORS;
            for (String k : KERNELS) {
                g = Math.min(g, backend.workGroupSize(p, k, Blocking.ACCUMULATORS));
            }
            if (g < Blocking.ACCUMULATORS && backend.reproducible()) {
                throw new UnsupportedOperationException("pel.reproducible: " + backend.name() + " runs work-groups of at most " + g
                        + " items, so its reductions cannot follow the CPU's order of " + Blocking.ACCUMULATORS + " accumulators");
            }
            return g;
        });
    }

    private static final List<String> KERNELS = List.of("axpy", "scal", "copy", "swap", "unary", "binary", "binary_scalar", "fma3",
            "fma_scalar", "clamp_", "sum_blocks", "extremum_blocks", "variance_blocks", "first_index");

    private static long roundUp(long n, int g) {
        return (n + g - 1) / g * g;
    }

    /** Double programs need cl_khr_fp64; {@link KernelSets} already keeps double calls away without it. */
    private void checkF64() {
        if (fp64Unsupported() != null) {
            throw new UnsupportedOperationException(fp64Unsupported());
        }
    }

    /** Float programs run on every device. */
    private void checkF32() {
    }

    private static long blocks(long n) {
        return Blocking.blocks(n);
    }

    // @twin-begin F64
    private OpenClProgram programF64() {
        OpenClProgram p = programF64;
        if (p == null) {
            checkF64();
            p = backend.program(source, "-DREAL=double -DPEL_FP64"); //F32: p = backend.program(source, "-DREAL=float" + (backend.info().correctlyRoundedDivideSqrt() ? " -cl-fp32-correctly-rounded-divide-sqrt" : ""));
            programF64 = p;
        }
        return p;
    }

    /**
     * Binds an operand for a call of n elements: an off-heap array where it lives, a heap array
     * through a temporary buffer of the span it touches (uploaded when read, or when strided so that
     * the copy back keeps the gaps; copied back when written).
     */
    private Object[] bind(CallBuffers call, VecF64 v, long n, boolean read, boolean write) {
        if (v.array() != null) {
            OpenClBuffer b = backend.resident(v.array(), write);
            return operand(b, v.start() + v.array().offsetInOwner(), v.stride());
        }
        long last = v.start() + (n - 1) * v.stride();
        long lo = Math.min(v.start(), last);
        long count = n == 0 ? 0 : Math.abs(last - v.start()) + 1;
        long bytes = count * Double.BYTES;
        OpenClBuffer b = backend.borrow(bytes);
        call.temporaries.add(b);
        double[] heap = v.heap();
        if (read || v.stride() != 1) {
            backend.write(b, 0, Pointer.to(heap).withByteOffset(lo * Double.BYTES), bytes);
        }
        if (write) {
            call.copyBack.add(() -> backend.read(b, 0, Pointer.to(heap).withByteOffset(lo * Double.BYTES), bytes));
        }
        return operand(b, v.start() - lo, v.stride());
    }

    private void launchF64(long n, String kernel, Object... args) {
        OpenClProgram p = programF64();
        int g = group(p);
        backend.launch(p, kernel, roundUp(n, g), g, args);
    }

    @Override
    public void axpy(long n, double a, VecF64 x, VecF64 y, int threads) {
        if (n == 0) {
            return;
        }
        try (CallBuffers call = new CallBuffers()) {
            launchF64(n, "axpy", concat(n, a, bind(call, x, n, true, false), bind(call, y, n, true, true)));
            call.finishCall(backend);
        }
    }

    @Override
    public void scal(long n, double a, VecF64 x, int threads) {
        if (n == 0) {
            return;
        }
        try (CallBuffers call = new CallBuffers()) {
            launchF64(n, "scal", concat(n, a, bind(call, x, n, true, true)));
            call.finishCall(backend);
        }
    }

    @Override
    public void copy(long n, VecF64 x, VecF64 y, int threads) {
        if (n == 0) {
            return;
        }
        try (CallBuffers call = new CallBuffers()) {
            launchF64(n, "copy", concat(n, bind(call, x, n, true, false), bind(call, y, n, false, true)));
            call.finishCall(backend);
        }
    }

    @Override
    public void swap(long n, VecF64 x, VecF64 y, int threads) {
        if (n == 0) {
            return;
        }
        try (CallBuffers call = new CallBuffers()) {
            launchF64(n, "swap", concat(n, bind(call, x, n, true, true), bind(call, y, n, true, true)));
            call.finishCall(backend);
        }
    }

    @Override
    public void unary(UnaryOp op, long n, VecF64 x, VecF64 out, int threads) {
        if (n == 0) {
            return;
        }
        try (CallBuffers call = new CallBuffers()) {
            launchF64(n, "unary", concat(op.ordinal(), n, bind(call, x, n, true, false), bind(call, out, n, false, true)));
            call.finishCall(backend);
        }
    }

    @Override
    public void binary(BinaryOp op, long n, VecF64 x, VecF64 y, VecF64 out, int threads) {
        if (n == 0) {
            return;
        }
        try (CallBuffers call = new CallBuffers()) {
            launchF64(n, "binary", concat(op.ordinal(), n, bind(call, x, n, true, false), bind(call, y, n, true, false),
                    bind(call, out, n, false, true)));
            call.finishCall(backend);
        }
    }

    @Override
    public void binaryScalar(BinaryOp op, long n, VecF64 x, double s, boolean scalarFirst, VecF64 out, int threads) {
        if (n == 0) {
            return;
        }
        try (CallBuffers call = new CallBuffers()) {
            launchF64(n, "binary_scalar", concat(op.ordinal(), n, bind(call, x, n, true, false), s, scalarFirst ? 1 : 0,
                    bind(call, out, n, false, true)));
            call.finishCall(backend);
        }
    }

    @Override
    public void fma(long n, VecF64 x, VecF64 y, VecF64 z, VecF64 out, int threads) {
        if (n == 0) {
            return;
        }
        try (CallBuffers call = new CallBuffers()) {
            launchF64(n, "fma3", concat(n, bind(call, x, n, true, false), bind(call, y, n, true, false), bind(call, z, n, true, false),
                    bind(call, out, n, false, true)));
            call.finishCall(backend);
        }
    }

    @Override
    public void fmaScalar(long n, VecF64 x, double a, double b, VecF64 out, int threads) {
        if (n == 0) {
            return;
        }
        try (CallBuffers call = new CallBuffers()) {
            launchF64(n, "fma_scalar", concat(n, bind(call, x, n, true, false), a, b, bind(call, out, n, false, true)));
            call.finishCall(backend);
        }
    }

    @Override
    public void clamp(long n, VecF64 x, double lo, double hi, VecF64 out, int threads) {
        if (n == 0) {
            return;
        }
        try (CallBuffers call = new CallBuffers()) {
            launchF64(n, "clamp_", concat(n, bind(call, x, n, true, false), lo, hi, bind(call, out, n, false, true)));
            call.finishCall(backend);
        }
    }

    /** Runs a block kernel writing one value per block into {@code outputs} buffers (with {@code locals} scratch arrays), and reads them back. */
    private /*wide*/double[][] blockValuesF64(CallBuffers call, long n, String kernel, int outputs, int locals, Object... args) {
        OpenClProgram p = programF64();
        int g = group(p);
        int nb = (int) blocks(n);
        OpenClBuffer[] outs = new OpenClBuffer[outputs];
        List<Object> all = new ArrayList<>(List.of(args));
        for (int o = 0; o < outputs; o++) {
            outs[o] = backend.borrow((long) nb * Double.BYTES);
            call.temporaries.add(outs[o]);
            all.add(outs[o]);
        }
        for (int o = 0; o < locals; o++) {
            all.add(new OpenClBackend.LocalMemory((long) g * Double.BYTES));
        }
        backend.launch(p, kernel, (long) nb * g, g, all.toArray());
        backend.finish();
        /*wide*/double[][] values = new /*wide*/double[outputs][nb];
        double[] tmp = new double[nb];
        for (int o = 0; o < outputs; o++) {
            backend.read(outs[o], 0, Pointer.to(tmp), (long) nb * Double.BYTES);
            for (int b = 0; b < nb; b++) {
                values[o][b] = tmp[b];
            }
        }
        return values;
    }

    private /*wide*/double sumOfBlocksF64(int mode, long n, VecF64 x, VecF64 y, double scale) {
        if (n == 0) {
            return 0;
        }
        try (CallBuffers call = new CallBuffers()) {
            Object[] bx = bind(call, x, n, true, false);
            Object[] by = y == null ? bx : bind(call, y, n, true, false);
            /*wide*/double[] p = blockValuesF64(call, n, "sum_blocks", 1, 1, concat(mode, n, bx, by, scale))[0];
            return Blocking.pairwise(p, 0, p.length);
        }
    }

    private /*wide*/double[] extremaF64(int mode, long n, VecF64 x) {
        try (CallBuffers call = new CallBuffers()) {
            return blockValuesF64(call, n, "extremum_blocks", 1, 1, concat(mode, n, bind(call, x, n, true, false)))[0];
        }
    }

    @Override
    public double dot(long n, VecF64 x, VecF64 y, int threads) {
        return (double) sumOfBlocksF64(3, n, x, y, (double) 1);
    }

    @Override
    public double asum(long n, VecF64 x, int threads) {
        return (double) sumOfBlocksF64(1, n, x, null, (double) 1);
    }

    @Override
    public double sum(long n, VecF64 x, int threads) {
        return (double) sumOfBlocksF64(0, n, x, null, (double) 1);
    }

    @Override
    public double mean(long n, VecF64 x, int threads) {
        return (double) (sumOfBlocksF64(0, n, x, null, (double) 1) / n);
    }

    @Override
    public double min(long n, VecF64 x, int threads) {
        return (double) Blocking.fold(extremaF64(0, n, x), false);
    }

    @Override
    public double max(long n, VecF64 x, int threads) {
        return (double) Blocking.fold(extremaF64(1, n, x), true);
    }

    @Override
    public double variance(long n, VecF64 x, int ddof, int threads) {
        if (n <= ddof) {
            return Double.NaN; //F32: return Float.NaN;
        }
        try (CallBuffers call = new CallBuffers()) {
            /*wide*/double[][] v = blockValuesF64(call, n, "variance_blocks", 3, 2, concat(n, bind(call, x, n, true, false)));
            /*wide*/double[] means = new /*wide*/double[v[0].length];
            /*wide*/double[] m2s = new /*wide*/double[v[0].length];
            for (int b = 0; b < means.length; b++) {
                int len = (int) Math.min(BLOCK, n - (long) b * BLOCK);
                means[b] = Blocking.blockMean(v[0][b], v[2][b], len);
                m2s[b] = Blocking.blockM2(v[1][b], v[2][b], len);
            }
            return (double) (Blocking.combineVariance(n, means, m2s) / (n - ddof));
        }
    }

    @Override
    public double nrm2(long n, VecF64 x, int threads) {
        if (n == 0) {
            return 0;
        }
        /*wide*/double big = Blocking.fold(extremaF64(2, n, x), true);
        if (/*wide*/Double.isNaN(big) || big == /*wide*/Double.POSITIVE_INFINITY) {
            return (double) big;
        }
        /*wide*/double total = sumOfBlocksF64(2, n, x, null, (double) 1);
        if (total != /*wide*/Double.POSITIVE_INFINITY && big >= Blocking.NRM2_TINY_F64) {
            return (double) Math.sqrt(total);
        }
        int exp = Math.max(Math.getExponent(big), -1000); //F32: int exp = Math.max(Math.getExponent(big), -120);
        double scale = Math.scalb((double) 1, -exp);
        return (double) Math.scalb(Math.sqrt(sumOfBlocksF64(2, n, x, null, scale)), exp);
    }

    @Override
    public long iamax(long n, VecF64 x, int threads) {
        if (n == 0) {
            return -1;
        }
        /*wide*/double[] p = extremaF64(2, n, x);
        /*wide*/double big = Blocking.fold(p, true);
        boolean nan = /*wide*/Double.isNaN(big);
        for (int b = 0; b < p.length; b++) {
            if (p[b] == big || (nan && /*wide*/Double.isNaN(p[b]))) {
                long base = (long) b * BLOCK;
                long len = Math.min(BLOCK, n - base);
                try (CallBuffers call = new CallBuffers()) {
                    OpenClProgram prog = programF64();
                    int g = group(prog);
                    OpenClBuffer out = backend.borrow(Long.BYTES);
                    call.temporaries.add(out);
                    backend.launch(prog, "first_index", g, g, concat(base, len, bind(call, x, n, true, false), (double) big,
                            nan ? 1 : 0, out, new OpenClBackend.LocalMemory((long) g * Long.BYTES)));
                    backend.finish();
                    long[] r = new long[1];
                    backend.read(out, 0, Pointer.to(r), Long.BYTES);
                    return base + r[0];
                }
            }
        }
        throw new IllegalStateException("iamax: maximum " + big + " not found");
    }
    // @twin-end
    // @twin-generated F32 from the F64 region above by TwinGenerator: do not edit
    private OpenClProgram programF32() {
        OpenClProgram p = programF32;
        if (p == null) {
            checkF32();
            p = backend.program(source, "-DREAL=float" + (backend.info().correctlyRoundedDivideSqrt() ? " -cl-fp32-correctly-rounded-divide-sqrt" : ""));
            programF32 = p;
        }
        return p;
    }

    /**
     * Binds an operand for a call of n elements: an off-heap array where it lives, a heap array
     * through a temporary buffer of the span it touches (uploaded when read, or when strided so that
     * the copy back keeps the gaps; copied back when written).
     */
    private Object[] bind(CallBuffers call, VecF32 v, long n, boolean read, boolean write) {
        if (v.array() != null) {
            OpenClBuffer b = backend.resident(v.array(), write);
            return operand(b, v.start() + v.array().offsetInOwner(), v.stride());
        }
        long last = v.start() + (n - 1) * v.stride();
        long lo = Math.min(v.start(), last);
        long count = n == 0 ? 0 : Math.abs(last - v.start()) + 1;
        long bytes = count * Float.BYTES;
        OpenClBuffer b = backend.borrow(bytes);
        call.temporaries.add(b);
        float[] heap = v.heap();
        if (read || v.stride() != 1) {
            backend.write(b, 0, Pointer.to(heap).withByteOffset(lo * Float.BYTES), bytes);
        }
        if (write) {
            call.copyBack.add(() -> backend.read(b, 0, Pointer.to(heap).withByteOffset(lo * Float.BYTES), bytes));
        }
        return operand(b, v.start() - lo, v.stride());
    }

    private void launchF32(long n, String kernel, Object... args) {
        OpenClProgram p = programF32();
        int g = group(p);
        backend.launch(p, kernel, roundUp(n, g), g, args);
    }

    @Override
    public void axpy(long n, float a, VecF32 x, VecF32 y, int threads) {
        if (n == 0) {
            return;
        }
        try (CallBuffers call = new CallBuffers()) {
            launchF32(n, "axpy", concat(n, a, bind(call, x, n, true, false), bind(call, y, n, true, true)));
            call.finishCall(backend);
        }
    }

    @Override
    public void scal(long n, float a, VecF32 x, int threads) {
        if (n == 0) {
            return;
        }
        try (CallBuffers call = new CallBuffers()) {
            launchF32(n, "scal", concat(n, a, bind(call, x, n, true, true)));
            call.finishCall(backend);
        }
    }

    @Override
    public void copy(long n, VecF32 x, VecF32 y, int threads) {
        if (n == 0) {
            return;
        }
        try (CallBuffers call = new CallBuffers()) {
            launchF32(n, "copy", concat(n, bind(call, x, n, true, false), bind(call, y, n, false, true)));
            call.finishCall(backend);
        }
    }

    @Override
    public void swap(long n, VecF32 x, VecF32 y, int threads) {
        if (n == 0) {
            return;
        }
        try (CallBuffers call = new CallBuffers()) {
            launchF32(n, "swap", concat(n, bind(call, x, n, true, true), bind(call, y, n, true, true)));
            call.finishCall(backend);
        }
    }

    @Override
    public void unary(UnaryOp op, long n, VecF32 x, VecF32 out, int threads) {
        if (n == 0) {
            return;
        }
        try (CallBuffers call = new CallBuffers()) {
            launchF32(n, "unary", concat(op.ordinal(), n, bind(call, x, n, true, false), bind(call, out, n, false, true)));
            call.finishCall(backend);
        }
    }

    @Override
    public void binary(BinaryOp op, long n, VecF32 x, VecF32 y, VecF32 out, int threads) {
        if (n == 0) {
            return;
        }
        try (CallBuffers call = new CallBuffers()) {
            launchF32(n, "binary", concat(op.ordinal(), n, bind(call, x, n, true, false), bind(call, y, n, true, false),
                    bind(call, out, n, false, true)));
            call.finishCall(backend);
        }
    }

    @Override
    public void binaryScalar(BinaryOp op, long n, VecF32 x, float s, boolean scalarFirst, VecF32 out, int threads) {
        if (n == 0) {
            return;
        }
        try (CallBuffers call = new CallBuffers()) {
            launchF32(n, "binary_scalar", concat(op.ordinal(), n, bind(call, x, n, true, false), s, scalarFirst ? 1 : 0,
                    bind(call, out, n, false, true)));
            call.finishCall(backend);
        }
    }

    @Override
    public void fma(long n, VecF32 x, VecF32 y, VecF32 z, VecF32 out, int threads) {
        if (n == 0) {
            return;
        }
        try (CallBuffers call = new CallBuffers()) {
            launchF32(n, "fma3", concat(n, bind(call, x, n, true, false), bind(call, y, n, true, false), bind(call, z, n, true, false),
                    bind(call, out, n, false, true)));
            call.finishCall(backend);
        }
    }

    @Override
    public void fmaScalar(long n, VecF32 x, float a, float b, VecF32 out, int threads) {
        if (n == 0) {
            return;
        }
        try (CallBuffers call = new CallBuffers()) {
            launchF32(n, "fma_scalar", concat(n, bind(call, x, n, true, false), a, b, bind(call, out, n, false, true)));
            call.finishCall(backend);
        }
    }

    @Override
    public void clamp(long n, VecF32 x, float lo, float hi, VecF32 out, int threads) {
        if (n == 0) {
            return;
        }
        try (CallBuffers call = new CallBuffers()) {
            launchF32(n, "clamp_", concat(n, bind(call, x, n, true, false), lo, hi, bind(call, out, n, false, true)));
            call.finishCall(backend);
        }
    }

    /** Runs a block kernel writing one value per block into {@code outputs} buffers (with {@code locals} scratch arrays), and reads them back. */
    private /*wide*/double[][] blockValuesF32(CallBuffers call, long n, String kernel, int outputs, int locals, Object... args) {
        OpenClProgram p = programF32();
        int g = group(p);
        int nb = (int) blocks(n);
        OpenClBuffer[] outs = new OpenClBuffer[outputs];
        List<Object> all = new ArrayList<>(List.of(args));
        for (int o = 0; o < outputs; o++) {
            outs[o] = backend.borrow((long) nb * Float.BYTES);
            call.temporaries.add(outs[o]);
            all.add(outs[o]);
        }
        for (int o = 0; o < locals; o++) {
            all.add(new OpenClBackend.LocalMemory((long) g * Float.BYTES));
        }
        backend.launch(p, kernel, (long) nb * g, g, all.toArray());
        backend.finish();
        /*wide*/double[][] values = new /*wide*/double[outputs][nb];
        float[] tmp = new float[nb];
        for (int o = 0; o < outputs; o++) {
            backend.read(outs[o], 0, Pointer.to(tmp), (long) nb * Float.BYTES);
            for (int b = 0; b < nb; b++) {
                values[o][b] = tmp[b];
            }
        }
        return values;
    }

    private /*wide*/double sumOfBlocksF32(int mode, long n, VecF32 x, VecF32 y, float scale) {
        if (n == 0) {
            return 0;
        }
        try (CallBuffers call = new CallBuffers()) {
            Object[] bx = bind(call, x, n, true, false);
            Object[] by = y == null ? bx : bind(call, y, n, true, false);
            /*wide*/double[] p = blockValuesF32(call, n, "sum_blocks", 1, 1, concat(mode, n, bx, by, scale))[0];
            return Blocking.pairwise(p, 0, p.length);
        }
    }

    private /*wide*/double[] extremaF32(int mode, long n, VecF32 x) {
        try (CallBuffers call = new CallBuffers()) {
            return blockValuesF32(call, n, "extremum_blocks", 1, 1, concat(mode, n, bind(call, x, n, true, false)))[0];
        }
    }

    @Override
    public float dot(long n, VecF32 x, VecF32 y, int threads) {
        return (float) sumOfBlocksF32(3, n, x, y, (float) 1);
    }

    @Override
    public float asum(long n, VecF32 x, int threads) {
        return (float) sumOfBlocksF32(1, n, x, null, (float) 1);
    }

    @Override
    public float sum(long n, VecF32 x, int threads) {
        return (float) sumOfBlocksF32(0, n, x, null, (float) 1);
    }

    @Override
    public float mean(long n, VecF32 x, int threads) {
        return (float) (sumOfBlocksF32(0, n, x, null, (float) 1) / n);
    }

    @Override
    public float min(long n, VecF32 x, int threads) {
        return (float) Blocking.fold(extremaF32(0, n, x), false);
    }

    @Override
    public float max(long n, VecF32 x, int threads) {
        return (float) Blocking.fold(extremaF32(1, n, x), true);
    }

    @Override
    public float variance(long n, VecF32 x, int ddof, int threads) {
        if (n <= ddof) {
            return Float.NaN;
        }
        try (CallBuffers call = new CallBuffers()) {
            /*wide*/double[][] v = blockValuesF32(call, n, "variance_blocks", 3, 2, concat(n, bind(call, x, n, true, false)));
            /*wide*/double[] means = new /*wide*/double[v[0].length];
            /*wide*/double[] m2s = new /*wide*/double[v[0].length];
            for (int b = 0; b < means.length; b++) {
                int len = (int) Math.min(BLOCK, n - (long) b * BLOCK);
                means[b] = Blocking.blockMean(v[0][b], v[2][b], len);
                m2s[b] = Blocking.blockM2(v[1][b], v[2][b], len);
            }
            return (float) (Blocking.combineVariance(n, means, m2s) / (n - ddof));
        }
    }

    @Override
    public float nrm2(long n, VecF32 x, int threads) {
        if (n == 0) {
            return 0;
        }
        /*wide*/double big = Blocking.fold(extremaF32(2, n, x), true);
        if (/*wide*/Double.isNaN(big) || big == /*wide*/Double.POSITIVE_INFINITY) {
            return (float) big;
        }
        /*wide*/double total = sumOfBlocksF32(2, n, x, null, (float) 1);
        if (total != /*wide*/Double.POSITIVE_INFINITY && big >= Blocking.NRM2_TINY_F32) {
            return (float) Math.sqrt(total);
        }
        int exp = Math.max(Math.getExponent(big), -120);
        float scale = Math.scalb((float) 1, -exp);
        return (float) Math.scalb(Math.sqrt(sumOfBlocksF32(2, n, x, null, scale)), exp);
    }

    @Override
    public long iamax(long n, VecF32 x, int threads) {
        if (n == 0) {
            return -1;
        }
        /*wide*/double[] p = extremaF32(2, n, x);
        /*wide*/double big = Blocking.fold(p, true);
        boolean nan = /*wide*/Double.isNaN(big);
        for (int b = 0; b < p.length; b++) {
            if (p[b] == big || (nan && /*wide*/Double.isNaN(p[b]))) {
                long base = (long) b * BLOCK;
                long len = Math.min(BLOCK, n - base);
                try (CallBuffers call = new CallBuffers()) {
                    OpenClProgram prog = programF32();
                    int g = group(prog);
                    OpenClBuffer out = backend.borrow(Long.BYTES);
                    call.temporaries.add(out);
                    backend.launch(prog, "first_index", g, g, concat(base, len, bind(call, x, n, true, false), (float) big,
                            nan ? 1 : 0, out, new OpenClBackend.LocalMemory((long) g * Long.BYTES)));
                    backend.finish();
                    long[] r = new long[1];
                    backend.read(out, 0, Pointer.to(r), Long.BYTES);
                    return base + r[0];
                }
            }
        }
        throw new IllegalStateException("iamax: maximum " + big + " not found");
    }
    // @twin-end
}
