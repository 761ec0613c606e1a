package dev.pel.kernels.opencl;

import dev.pel.kernels.spi.LinalgKernelSet;
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
 * Dense linear algebra in OpenCL C ({@code linalg.cl}): a tiled GEMM whose work-groups stage
 * TK-deep slices of A and B in local memory and whose work-items each hold a WPT x WPT block of C
 * in registers; gemv as one work-group reduction per row; ger and syrk one work-item per element.
 *
 * <p>The GEMM tile is chosen from what the device reports: the largest TS (64, 32, 16, 8) whose
 * work-group of (TS/WPT)^2 items fits the device's and the built kernel's work-group limits and
 * whose two local tiles fit in half of the device's local memory.
 *
 * <p>Heap operands are copied to pooled temporary buffers (the span the call touches, gaps included,
 * so the copy back leaves elements outside the matrix as they were) and outputs copied back.
 */
public final class OpenClLinalgKernelSet implements LinalgKernelSet {
    private static final int WPT = 4;
    private static final int TK = 16;
    private static final int[] TILES = {64, 32, 16, 8};
    private static final int GEMV_GROUP = 64;

    private final OpenClBackend backend;
    private final String source;
    private volatile Config configF32;
    private volatile Config configF64;

    /** A built program and its tile shape. */
    private record Config(OpenClProgram program, int ts, int group, int vectorGroup) {
    }

    public OpenClLinalgKernelSet(OpenClBackend backend) {
        this.backend = backend;
        this.source = resource("common.h.cl") + "\n" + resource("linalg.cl");
    }

    private static String resource(String name) {
        try (InputStream in = OpenClLinalgKernelSet.class.getResourceAsStream("/dev/pel/kernels/opencl/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing OpenCL source " + name + " on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first tile size the device accepts, built with the element type's options. */
    private Config configure(String realOptions, int elementBytes) {
        long maxGroup = backend.info().maxWorkGroupSize();
        long local = backend.info().localMemBytes();
        for (int ts : TILES) {
            int group = (ts / WPT) * (ts / WPT);
            long tileBytes = 2L * TK * (ts + 1) * elementBytes;
            if (group > maxGroup || tileBytes > local / 2) {
                continue;
            }
            OpenClProgram p = backend.program(source, realOptions + " -DTS=" + ts + " -DWPT=" + WPT + " -DTK=" + TK);
            if (backend.workGroupSize(p, "gemm", group) < group) {
                continue;
            }
            int vg = Integer.highestOneBit(Math.max(1, backend.workGroupSize(p, "gemv", GEMV_GROUP)));
            return new Config(p, ts, group, vg);
        }
        throw new UnsupportedOperationException(backend.name() + ": no GEMM tile fits the device (max work-group " + maxGroup
                + ", local memory " + local + " bytes)");
    }

    /** Temporaries of one call: copied back after the kernels finish, then returned to the pool. */
    private final class Call implements AutoCloseable {
        private final List<Runnable> copyBack = new ArrayList<>();
        private final List<OpenClBuffer> temporaries = new ArrayList<>();

        /** Uploads elements lo..hi of a heap array (the span an operand touches); copies them back if written. */
        OpenClBuffer span(Pointer base, long lo, long hi, int elementBytes, boolean write) {
            long count = Math.max(1, hi - lo + 1);
            long bytes = count * elementBytes;
            OpenClBuffer b = backend.borrow(bytes);
            temporaries.add(b);
            if (hi >= lo) {
                backend.write(b, 0, base.withByteOffset(lo * elementBytes), bytes);
                if (write) {
                    copyBack.add(() -> backend.read(b, 0, base.withByteOffset(lo * elementBytes), bytes));
                }
            }
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

    /** Lowest and highest index of a rows x cols view with non-negative strides (rows, cols > 0). */
    private static long last(int off, int rows, int cols, int rs, int cs) {
        return off + (long) (rows - 1) * rs + (long) (cols - 1) * cs;
    }

    /** [lo, hi] of n elements of a vector whose element 0 is at x0 with increment inc (n > 0). */
    private static long[] vspan(int x0, int n, int inc) {
        long end = x0 + (long) (n - 1) * inc;
        return new long[] {Math.min(x0, end), Math.max(x0, end)};
    }

    private static long roundUp(long v, long g) {
        return (v + g - 1) / g * g;
    }

    // @twin-begin F64
    private Config configF64() {
        Config c = configF64;
        if (c == null) {
            if (!backend.info().fp64()) {
                throw new UnsupportedOperationException(backend.name() + " (" + backend.info().name() + ") lacks cl_khr_fp64");
            }
            c = configure("-DREAL=double -DPEL_FP64", Double.BYTES); //F32: c = configure("-DREAL=float", Float.BYTES);
            configF64 = c;
        }
        return c;
    }

    @Override
    public void gemm(int m, int n, int k, double alpha, double[] a, int offA, int rsA, int csA, double[] b, int offB, int rsB,
            int csB, double beta, double[] c, int offC, int rsC, int csC, int threads) {
        if (m == 0 || n == 0) {
            return;
        }
        Config cfg = configF64();
        boolean product = alpha != 0 && k > 0;
        try (Call call = new Call()) {
            long lastC = last(offC, m, n, rsC, csC);
            OpenClBuffer bc = call.span(Pointer.to(c), offC, lastC, Double.BYTES, true);
            OpenClBuffer ba;
            OpenClBuffer bb;
            if (product) {
                ba = call.span(Pointer.to(a), offA, last(offA, m, k, rsA, csA), Double.BYTES, false);
                bb = call.span(Pointer.to(b), offB, last(offB, k, n, rsB, csB), Double.BYTES, false);
            } else {
                ba = call.span(Pointer.to(c), 0, -1, Double.BYTES, false);
                bb = ba;
            }
            int tilesM = (m + cfg.ts() - 1) / cfg.ts();
            int tilesN = (n + cfg.ts() - 1) / cfg.ts();
            backend.launch(cfg.program(), "gemm", (long) tilesM * tilesN * cfg.group(), cfg.group(), m, n, product ? k : 0,
                    product ? alpha : 0, ba, 0L, (long) rsA, (long) csA, bb, 0L, (long) rsB, (long) csB, beta, bc, 0L, (long) rsC,
                    (long) csC, tilesN);
            call.finish();
        }
    }

    @Override
    public void gemv(int m, int n, double alpha, double[] a, int offA, int rsA, int csA, double[] x, int x0, int incx, double beta,
            double[] y, int y0, int incy, int threads) {
        if (m == 0) {
            return;
        }
        Config cfg = configF64();
        boolean product = alpha != 0 && n > 0;
        try (Call call = new Call()) {
            long[] sy = vspan(y0, m, incy);
            OpenClBuffer by = call.span(Pointer.to(y), sy[0], sy[1], Double.BYTES, true);
            OpenClBuffer ba;
            OpenClBuffer bx;
            long xs = 0;
            if (product) {
                ba = call.span(Pointer.to(a), offA, last(offA, m, n, rsA, csA), Double.BYTES, false);
                long[] sx = vspan(x0, n, incx);
                bx = call.span(Pointer.to(x), sx[0], sx[1], Double.BYTES, false);
                xs = x0 - sx[0];
            } else {
                ba = call.span(Pointer.to(y), 0, -1, Double.BYTES, false);
                bx = ba;
            }
            int g = cfg.vectorGroup();
            backend.launch(cfg.program(), "gemv", (long) m * g, g, m, product ? n : 0, product ? alpha : 0, ba, 0L, (long) rsA,
                    (long) csA, bx, xs, (long) incx, beta, by, y0 - sy[0], (long) incy,
                    new OpenClBackend.LocalMemory((long) g * Double.BYTES));
            call.finish();
        }
    }

    @Override
    public void ger(int m, int n, double alpha, double[] x, int x0, int incx, double[] y, int y0, int incy, double[] a, int offA,
            int rsA, int csA, int threads) {
        if (m == 0 || n == 0 || alpha == 0) {
            return;
        }
        Config cfg = configF64();
        try (Call call = new Call()) {
            long[] sx = vspan(x0, m, incx);
            long[] sy = vspan(y0, n, incy);
            OpenClBuffer bx = call.span(Pointer.to(x), sx[0], sx[1], Double.BYTES, false);
            OpenClBuffer by = call.span(Pointer.to(y), sy[0], sy[1], Double.BYTES, false);
            OpenClBuffer ba = call.span(Pointer.to(a), offA, last(offA, m, n, rsA, csA), Double.BYTES, true);
            int g = cfg.vectorGroup();
            backend.launch(cfg.program(), "ger", roundUp((long) m * n, g), g, m, n, alpha, bx, x0 - sx[0], (long) incx, by,
                    y0 - sy[0], (long) incy, ba, 0L, (long) rsA, (long) csA);
            call.finish();
        }
    }

    @Override
    public void syrk(boolean upper, int n, int k, double alpha, double[] a, int offA, int rsA, int csA, double beta, double[] c,
            int offC, int rsC, int csC, int threads) {
        if (n == 0) {
            return;
        }
        Config cfg = configF64();
        boolean product = alpha != 0 && k > 0;
        try (Call call = new Call()) {
            OpenClBuffer bc = call.span(Pointer.to(c), offC, last(offC, n, n, rsC, csC), Double.BYTES, true);
            OpenClBuffer ba = product ? call.span(Pointer.to(a), offA, last(offA, n, k, rsA, csA), Double.BYTES, false)
                    : call.span(Pointer.to(c), 0, -1, Double.BYTES, false);
            int g = cfg.vectorGroup();
            backend.launch(cfg.program(), "syrk", roundUp((long) n * n, g), g, upper ? 1 : 0, n, product ? k : 0, product ? alpha : 0,
                    ba, 0L, (long) rsA, (long) csA, beta, bc, 0L, (long) rsC, (long) csC);
            call.finish();
        }
    }
    // @twin-end
    // @twin-generated F32 from the F64 region above by TwinGenerator: do not edit
    private Config configF32() {
        Config c = configF32;
        if (c == null) {
            if (!backend.info().fp64()) {
                throw new UnsupportedOperationException(backend.name() + " (" + backend.info().name() + ") lacks cl_khr_fp64");
            }
            c = configure("-DREAL=float", Float.BYTES);
            configF32 = c;
        }
        return c;
    }

    @Override
    public void gemm(int m, int n, int k, float alpha, float[] a, int offA, int rsA, int csA, float[] b, int offB, int rsB,
            int csB, float beta, float[] c, int offC, int rsC, int csC, int threads) {
        if (m == 0 || n == 0) {
            return;
        }
        Config cfg = configF32();
        boolean product = alpha != 0 && k > 0;
        try (Call call = new Call()) {
            long lastC = last(offC, m, n, rsC, csC);
            OpenClBuffer bc = call.span(Pointer.to(c), offC, lastC, Float.BYTES, true);
            OpenClBuffer ba;
            OpenClBuffer bb;
            if (product) {
                ba = call.span(Pointer.to(a), offA, last(offA, m, k, rsA, csA), Float.BYTES, false);
                bb = call.span(Pointer.to(b), offB, last(offB, k, n, rsB, csB), Float.BYTES, false);
            } else {
                ba = call.span(Pointer.to(c), 0, -1, Float.BYTES, false);
                bb = ba;
            }
            int tilesM = (m + cfg.ts() - 1) / cfg.ts();
            int tilesN = (n + cfg.ts() - 1) / cfg.ts();
            backend.launch(cfg.program(), "gemm", (long) tilesM * tilesN * cfg.group(), cfg.group(), m, n, product ? k : 0,
                    product ? alpha : 0, ba, 0L, (long) rsA, (long) csA, bb, 0L, (long) rsB, (long) csB, beta, bc, 0L, (long) rsC,
                    (long) csC, tilesN);
            call.finish();
        }
    }

    @Override
    public void gemv(int m, int n, float alpha, float[] a, int offA, int rsA, int csA, float[] x, int x0, int incx, float beta,
            float[] y, int y0, int incy, int threads) {
        if (m == 0) {
            return;
        }
        Config cfg = configF32();
        boolean product = alpha != 0 && n > 0;
        try (Call call = new Call()) {
            long[] sy = vspan(y0, m, incy);
            OpenClBuffer by = call.span(Pointer.to(y), sy[0], sy[1], Float.BYTES, true);
            OpenClBuffer ba;
            OpenClBuffer bx;
            long xs = 0;
            if (product) {
                ba = call.span(Pointer.to(a), offA, last(offA, m, n, rsA, csA), Float.BYTES, false);
                long[] sx = vspan(x0, n, incx);
                bx = call.span(Pointer.to(x), sx[0], sx[1], Float.BYTES, false);
                xs = x0 - sx[0];
            } else {
                ba = call.span(Pointer.to(y), 0, -1, Float.BYTES, false);
                bx = ba;
            }
            int g = cfg.vectorGroup();
            backend.launch(cfg.program(), "gemv", (long) m * g, g, m, product ? n : 0, product ? alpha : 0, ba, 0L, (long) rsA,
                    (long) csA, bx, xs, (long) incx, beta, by, y0 - sy[0], (long) incy,
                    new OpenClBackend.LocalMemory((long) g * Float.BYTES));
            call.finish();
        }
    }

    @Override
    public void ger(int m, int n, float alpha, float[] x, int x0, int incx, float[] y, int y0, int incy, float[] a, int offA,
            int rsA, int csA, int threads) {
        if (m == 0 || n == 0 || alpha == 0) {
            return;
        }
        Config cfg = configF32();
        try (Call call = new Call()) {
            long[] sx = vspan(x0, m, incx);
            long[] sy = vspan(y0, n, incy);
            OpenClBuffer bx = call.span(Pointer.to(x), sx[0], sx[1], Float.BYTES, false);
            OpenClBuffer by = call.span(Pointer.to(y), sy[0], sy[1], Float.BYTES, false);
            OpenClBuffer ba = call.span(Pointer.to(a), offA, last(offA, m, n, rsA, csA), Float.BYTES, true);
            int g = cfg.vectorGroup();
            backend.launch(cfg.program(), "ger", roundUp((long) m * n, g), g, m, n, alpha, bx, x0 - sx[0], (long) incx, by,
                    y0 - sy[0], (long) incy, ba, 0L, (long) rsA, (long) csA);
            call.finish();
        }
    }

    @Override
    public void syrk(boolean upper, int n, int k, float alpha, float[] a, int offA, int rsA, int csA, float beta, float[] c,
            int offC, int rsC, int csC, int threads) {
        if (n == 0) {
            return;
        }
        Config cfg = configF32();
        boolean product = alpha != 0 && k > 0;
        try (Call call = new Call()) {
            OpenClBuffer bc = call.span(Pointer.to(c), offC, last(offC, n, n, rsC, csC), Float.BYTES, true);
            OpenClBuffer ba = product ? call.span(Pointer.to(a), offA, last(offA, n, k, rsA, csA), Float.BYTES, false)
                    : call.span(Pointer.to(c), 0, -1, Float.BYTES, false);
            int g = cfg.vectorGroup();
            backend.launch(cfg.program(), "syrk", roundUp((long) n * n, g), g, upper ? 1 : 0, n, product ? k : 0, product ? alpha : 0,
                    ba, 0L, (long) rsA, (long) csA, beta, bc, 0L, (long) rsC, (long) csC);
            call.finish();
        }
    }
    // @twin-end
}
