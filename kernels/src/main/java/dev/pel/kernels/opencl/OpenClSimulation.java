package dev.pel.kernels.opencl;

import dev.pel.kernels.spi.SimulationKernels;
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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jocl.Pointer;

/**
 * The simulation kernels as OpenCL C ({@code simulation.cl}), built per element type with
 * {@code -DREAL=float|double}; the integer kernels (Philox words, Monte Carlo pi) live in the float
 * program, so they run on devices without cl_khr_fp64.
 *
 * <p>Operands as in the foundation kernels: an off-heap array is used where it lives
 * ({@link OpenClBackend#resident}, so a stencil's two grids stay on the device across all its steps
 * and across calls), a heap array goes through a pooled temporary, uploaded when read and copied
 * back when written. A time-stepping call enqueues all its steps, swapping the two buffers'
 * roles between launches, and waits once at the end.
 */
public final class OpenClSimulation implements SimulationKernels {
    private final OpenClBackend backend;
    private final String source;
    private volatile OpenClProgram programF32;
    private volatile OpenClProgram programF64;
    private final Map<String, Integer> groups = new ConcurrentHashMap<>();

    public OpenClSimulation(OpenClBackend backend) {
        this.backend = backend;
        this.source = resource("common.h.cl") + "\n" + resource("simulation.cl");
    }

    private static String resource(String name) {
        try (InputStream in = OpenClSimulation.class.getResourceAsStream("/dev/pel/kernels/opencl/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing OpenCL source " + name + " on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Temporaries of one call: heap operands' buffers, copied back after the call, then returned to the pool. */
    private static final class Call implements AutoCloseable {
        private final OpenClBackend backend;
        private final List<Runnable> copyBack = new ArrayList<>();
        private final List<OpenClBuffer> temporaries = new ArrayList<>();

        Call(OpenClBackend backend) {
            this.backend = backend;
        }

        OpenClBuffer temporary(long bytes) {
            OpenClBuffer b = backend.borrow(Math.max(1, bytes));
            temporaries.add(b);
            return b;
        }

        void finish() {
            backend.finish();
            for (Runnable r : copyBack) {
                r.run();
            }
        }

        @Override
        public void close() {
            for (OpenClBuffer b : temporaries) {
                backend.giveBack(b);
            }
        }
    }

    private int group(OpenClProgram p, String kernel) {
        return groups.computeIfAbsent(System.identityHashCode(p) + kernel, k -> backend.workGroupSize(p, kernel, 64));
    }

    private void launch(OpenClProgram p, String kernel, long items, Object... args) {
        int g = group(p, kernel);
        backend.launch(p, kernel, (items + g - 1) / g * g, g, args);
    }

    private static Object[] args(Object... parts) {
        List<Object> out = new ArrayList<>();
        for (Object o : parts) {
            if (o instanceof Object[] a) {
                out.addAll(List.of(a));
            } else {
                out.add(o);
            }
        }
        return out.toArray();
    }

    @Override
    public void philoxBits(long seed, long offset, int n, int[] out, int threads) {
        if (n == 0) {
            return;
        }
        OpenClProgram p = programF32();
        try (Call call = new Call(backend)) {
            OpenClBuffer b = call.temporary(4L * n);
            launch(p, "philox_bits", n, seed, offset, n, b);
            call.finish();
            backend.read(b, 0, Pointer.to(out), 4L * n);
        }
    }

    @Override
    public long piHits(long seed, long samples, int threads) {
        if (samples == 0) {
            return 0;
        }
        OpenClProgram p = programF32();
        long blocks = (samples + 1) / 2;
        long per = Math.max(256, (blocks + (1 << 20) - 1) >> 20);
        long items = (blocks + per - 1) / per;
        int g = group(p, "pi_hits");
        long global = (items + g - 1) / g * g;
        try (Call call = new Call(backend)) {
            OpenClBuffer b = call.temporary(8 * global);
            backend.launch(p, "pi_hits", global, g, seed, samples, per, b);
            call.finish();
            long[] hits = new long[(int) global];
            backend.read(b, 0, Pointer.to(hits), 8 * global);
            long total = 0;
            for (long h : hits) {
                total += h;
            }
            return total;
        }
    }

    private void requireFp64() {
        if (!backend.info().fp64()) {
            throw new UnsupportedOperationException(backend.name() + " (" + backend.info().name() + ") lacks cl_khr_fp64");
        }
    }

    // @twin-begin F64
    private OpenClProgram programF64() {
        OpenClProgram p = programF64;
        if (p == null) {
            requireFp64(); //F32: // float programs build on every device
            p = backend.program(source, "-DREAL=double -DPEL_FP64"); //F32: p = backend.program(source, "-DREAL=float" + (backend.info().correctlyRoundedDivideSqrt() ? " -cl-fp32-correctly-rounded-divide-sqrt" : ""));
            programF64 = p;
        }
        return p;
    }

    /**
     * An operand of n elements as (buffer, start, stride 1): an off-heap array where it lives, a heap
     * array through a temporary (uploaded when read, copied back when written).
     */
    private Object[] bind(Call call, VecF64 v, long n, boolean read, boolean write) {
        if (v.array() != null) {
            OpenClBuffer b = backend.resident(v.array(), write);
            return new Object[] {b, v.start() + v.array().offsetInOwner(), 1L};
        }
        long bytes = n * Double.BYTES;
        OpenClBuffer b = call.temporary(bytes);
        double[] heap = v.heap();
        long from = v.start() * Double.BYTES;
        if (read) {
            backend.write(b, 0, Pointer.to(heap).withByteOffset(from), bytes);
        }
        if (write) {
            call.copyBack.add(() -> backend.read(b, 0, Pointer.to(heap).withByteOffset(from), bytes));
        }
        return new Object[] {b, 0L, 1L};
    }

    private void heat(String kernel, Object[] shape, long cells, double alpha, boolean periodic, int steps, VecF64 a, VecF64 b) {
        if (steps == 0 || cells == 0) {
            return;
        }
        OpenClProgram p = programF64();
        try (Call call = new Call(backend)) {
            Object[] ba = bind(call, a, cells, true, true);
            Object[] bb = bind(call, b, cells, false, true);
            for (int step = 0; step < steps; step++) {
                Object[] src = (step & 1) == 0 ? ba : bb;
                Object[] dst = (step & 1) == 0 ? bb : ba;
                launch(p, kernel, cells, args(shape, alpha, periodic ? 1 : 0, src[0], src[1], dst[0], dst[1]));
            }
            call.finish();
        }
    }

    @Override
    public void heat2d(int nx, int ny, double alpha, boolean periodic, int steps, VecF64 a, VecF64 b, int threads) {
        heat("heat2d", new Object[] {nx, ny}, (long) nx * ny, alpha, periodic, steps, a, b);
    }

    @Override
    public void heat3d(int nx, int ny, int nz, double alpha, boolean periodic, int steps, VecF64 a, VecF64 b, int threads) {
        heat("heat3d", new Object[] {nx, ny, nz}, (long) nx * ny * nz, alpha, periodic, steps, a, b);
    }

    @Override
    public void nbody(int n, double softening, double dt, VecF64 x, VecF64 y, VecF64 z, VecF64 vx, VecF64 vy, VecF64 vz,
            VecF64 mass, int threads) {
        if (n == 0) {
            return;
        }
        OpenClProgram p = programF64();
        try (Call call = new Call(backend)) {
            Object[] bx = bind(call, x, n, true, true);
            Object[] by = bind(call, y, n, true, true);
            Object[] bz = bind(call, z, n, true, true);
            Object[] bvx = bind(call, vx, n, true, true);
            Object[] bvy = bind(call, vy, n, true, true);
            Object[] bvz = bind(call, vz, n, true, true);
            Object[] bm = bind(call, mass, n, true, false);
            OpenClBuffer acc = call.temporary(3L * n * Double.BYTES);
            launch(p, "nbody_accel", n, args(n, softening * softening, bx, by, bz, bm, acc));
            launch(p, "nbody_update", n, args(n, dt, acc, bx, by, bz, bvx, bvy, bvz));
            call.finish();
        }
    }

    @Override
    public void convolve1d(int n, VecF64 x, int k, VecF64 filter, boolean clamp, VecF64 out, int threads) {
        if (n == 0) {
            return;
        }
        OpenClProgram p = programF64();
        try (Call call = new Call(backend)) {
            launch(p, "convolve1d", n, args(n, bind(call, x, n, true, false), k, bind(call, filter, k, true, false), clamp ? 1 : 0,
                    bind(call, out, n, false, true)));
            call.finish();
        }
    }

    @Override
    public void convolve2d(int w, int h, VecF64 image, int kw, int kh, VecF64 filter, boolean clamp, VecF64 out, int threads) {
        long cells = (long) w * h;
        if (cells == 0) {
            return;
        }
        OpenClProgram p = programF64();
        try (Call call = new Call(backend)) {
            launch(p, "convolve2d", cells, args(w, h, bind(call, image, cells, true, false), kw, kh,
                    bind(call, filter, (long) kw * kh, true, false), clamp ? 1 : 0, bind(call, out, cells, false, true)));
            call.finish();
        }
    }

    @Override
    public void uniform(long seed, long offset, int n, VecF64 out, int threads) {
        fill("uniform_fill", seed, offset, n, out);
    }

    @Override
    public void normal(long seed, long offset, int n, VecF64 out, int threads) {
        fill("normal_fill", seed, offset, n, out);
    }

    private void fill(String kernel, long seed, long offset, int n, VecF64 out) {
        if (n == 0) {
            return;
        }
        OpenClProgram p = programF64();
        try (Call call = new Call(backend)) {
            launch(p, kernel, n, args(seed, offset, n, bind(call, out, n, false, true)));
            call.finish();
        }
    }

    @Override
    public void blackScholes(int n, VecF64 s, VecF64 k, VecF64 t, double r, double sigma, VecF64 call, VecF64 put, int threads) {
        if (n == 0) {
            return;
        }
        OpenClProgram p = programF64();
        try (Call c = new Call(backend)) {
            launch(p, "black_scholes", n, args(n, bind(c, s, n, true, false), bind(c, k, n, true, false), bind(c, t, n, true, false),
                    r, sigma, bind(c, call, n, false, true), bind(c, put, n, false, true)));
            c.finish();
        }
    }
    // @twin-end
    // @twin-generated F32 from the F64 region above by TwinGenerator: do not edit
    private OpenClProgram programF32() {
        OpenClProgram p = programF32;
        if (p == null) {
            // float programs build on every device
            p = backend.program(source, "-DREAL=float" + (backend.info().correctlyRoundedDivideSqrt() ? " -cl-fp32-correctly-rounded-divide-sqrt" : ""));
            programF32 = p;
        }
        return p;
    }

    /**
     * An operand of n elements as (buffer, start, stride 1): an off-heap array where it lives, a heap
     * array through a temporary (uploaded when read, copied back when written).
     */
    private Object[] bind(Call call, VecF32 v, long n, boolean read, boolean write) {
        if (v.array() != null) {
            OpenClBuffer b = backend.resident(v.array(), write);
            return new Object[] {b, v.start() + v.array().offsetInOwner(), 1L};
        }
        long bytes = n * Float.BYTES;
        OpenClBuffer b = call.temporary(bytes);
        float[] heap = v.heap();
        long from = v.start() * Float.BYTES;
        if (read) {
            backend.write(b, 0, Pointer.to(heap).withByteOffset(from), bytes);
        }
        if (write) {
            call.copyBack.add(() -> backend.read(b, 0, Pointer.to(heap).withByteOffset(from), bytes));
        }
        return new Object[] {b, 0L, 1L};
    }

    private void heat(String kernel, Object[] shape, long cells, float alpha, boolean periodic, int steps, VecF32 a, VecF32 b) {
        if (steps == 0 || cells == 0) {
            return;
        }
        OpenClProgram p = programF32();
        try (Call call = new Call(backend)) {
            Object[] ba = bind(call, a, cells, true, true);
            Object[] bb = bind(call, b, cells, false, true);
            for (int step = 0; step < steps; step++) {
                Object[] src = (step & 1) == 0 ? ba : bb;
                Object[] dst = (step & 1) == 0 ? bb : ba;
                launch(p, kernel, cells, args(shape, alpha, periodic ? 1 : 0, src[0], src[1], dst[0], dst[1]));
            }
            call.finish();
        }
    }

    @Override
    public void heat2d(int nx, int ny, float alpha, boolean periodic, int steps, VecF32 a, VecF32 b, int threads) {
        heat("heat2d", new Object[] {nx, ny}, (long) nx * ny, alpha, periodic, steps, a, b);
    }

    @Override
    public void heat3d(int nx, int ny, int nz, float alpha, boolean periodic, int steps, VecF32 a, VecF32 b, int threads) {
        heat("heat3d", new Object[] {nx, ny, nz}, (long) nx * ny * nz, alpha, periodic, steps, a, b);
    }

    @Override
    public void nbody(int n, float softening, float dt, VecF32 x, VecF32 y, VecF32 z, VecF32 vx, VecF32 vy, VecF32 vz,
            VecF32 mass, int threads) {
        if (n == 0) {
            return;
        }
        OpenClProgram p = programF32();
        try (Call call = new Call(backend)) {
            Object[] bx = bind(call, x, n, true, true);
            Object[] by = bind(call, y, n, true, true);
            Object[] bz = bind(call, z, n, true, true);
            Object[] bvx = bind(call, vx, n, true, true);
            Object[] bvy = bind(call, vy, n, true, true);
            Object[] bvz = bind(call, vz, n, true, true);
            Object[] bm = bind(call, mass, n, true, false);
            OpenClBuffer acc = call.temporary(3L * n * Float.BYTES);
            launch(p, "nbody_accel", n, args(n, softening * softening, bx, by, bz, bm, acc));
            launch(p, "nbody_update", n, args(n, dt, acc, bx, by, bz, bvx, bvy, bvz));
            call.finish();
        }
    }

    @Override
    public void convolve1d(int n, VecF32 x, int k, VecF32 filter, boolean clamp, VecF32 out, int threads) {
        if (n == 0) {
            return;
        }
        OpenClProgram p = programF32();
        try (Call call = new Call(backend)) {
            launch(p, "convolve1d", n, args(n, bind(call, x, n, true, false), k, bind(call, filter, k, true, false), clamp ? 1 : 0,
                    bind(call, out, n, false, true)));
            call.finish();
        }
    }

    @Override
    public void convolve2d(int w, int h, VecF32 image, int kw, int kh, VecF32 filter, boolean clamp, VecF32 out, int threads) {
        long cells = (long) w * h;
        if (cells == 0) {
            return;
        }
        OpenClProgram p = programF32();
        try (Call call = new Call(backend)) {
            launch(p, "convolve2d", cells, args(w, h, bind(call, image, cells, true, false), kw, kh,
                    bind(call, filter, (long) kw * kh, true, false), clamp ? 1 : 0, bind(call, out, cells, false, true)));
            call.finish();
        }
    }

    @Override
    public void uniform(long seed, long offset, int n, VecF32 out, int threads) {
        fill("uniform_fill", seed, offset, n, out);
    }

    @Override
    public void normal(long seed, long offset, int n, VecF32 out, int threads) {
        fill("normal_fill", seed, offset, n, out);
    }

    private void fill(String kernel, long seed, long offset, int n, VecF32 out) {
        if (n == 0) {
            return;
        }
        OpenClProgram p = programF32();
        try (Call call = new Call(backend)) {
            launch(p, kernel, n, args(seed, offset, n, bind(call, out, n, false, true)));
            call.finish();
        }
    }

    @Override
    public void blackScholes(int n, VecF32 s, VecF32 k, VecF32 t, float r, float sigma, VecF32 call, VecF32 put, int threads) {
        if (n == 0) {
            return;
        }
        OpenClProgram p = programF32();
        try (Call c = new Call(backend)) {
            launch(p, "black_scholes", n, args(n, bind(c, s, n, true, false), bind(c, k, n, true, false), bind(c, t, n, true, false),
                    r, sigma, bind(c, call, n, false, true), bind(c, put, n, false, true)));
            c.finish();
        }
    }
    // @twin-end
}
