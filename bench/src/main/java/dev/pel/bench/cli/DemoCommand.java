package dev.pel.bench.cli;

import dev.pel.kernels.Analytics;
import dev.pel.kernels.Reductions;
import dev.pel.kernels.Simulation;
import dev.pel.kernels.spi.Compare;
import dev.pel.runtime.BackendStats;
import dev.pel.runtime.BackendUnavailableException;
import dev.pel.runtime.CallRecord;
import dev.pel.runtime.PelRuntime;
import dev.pel.runtime.memory.FloatArray;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code pel demo}: the main job. A heat-diffusion simulation on an off-heap float grid of a few
 * million cells (a cold plate at {@value #BACKGROUND} degrees with {@value #SOURCES} hot discs, edges
 * held fixed), a few hundred Jacobi steps in one call, then analytics on the final field: statistics,
 * a histogram, and k-means of the hot regions (cells above a threshold, as (x, y) points). Each phase
 * prints what the runtime recorded for each of its calls (backend, threads, time, reason), its wall
 * time and a checksum of its result; the final field is written as a PNG.
 *
 * <p>The simulation's checksum (the CRC-32 of the field's bits) is the same on every backend: the
 * stencil does the same float operations in the same order everywhere ({@code -Dpel.backend=cpu-scalar}
 * to compare).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "The main job: a 2-D heat-diffusion simulation on an off-heap grid, then statistics, a histogram and"
                + " k-means of the hot regions of its result, on the default runtime. Prints, per phase, the backend each"
                + " call ran on, the time and a checksum; writes a PNG of the final temperature field.")
final class DemoCommand implements Runnable {
    /** Temperature of the plate and of its fixed edges. */
    static final float BACKGROUND = 20;
    /** Hot discs in the initial field, and so the k of k-means. */
    static final int SOURCES = 6;
    /** Source temperatures are drawn in [MIN_SOURCE, MAX_SOURCE). */
    static final float MIN_SOURCE = 60;
    static final float MAX_SOURCE = 100;
    /** Cells above this are hot: halfway between the plate and the coolest possible source. */
    static final float HOT = (BACKGROUND + MIN_SOURCE) / 2;
    /** Diffusion number of the explicit scheme (stable up to 1/4 in 2-D). */
    static final float ALPHA = 0.2f;
    static final int BINS = 32;
    static final int KMEANS_MAX_STEPS = 12;
    static final int MAX_SIZE = 8192;
    /** The warm-up runs the whole job (without the picture) at most this size, so the JIT compiles every kernel once. */
    private static final int WARMUP_SIZE = 512;
    private static final int WARMUP_STEPS = 20;
    private static final int MIN_WARMUP_ROUNDS = 3;
    private static final int MAX_WARMUP_ROUNDS = 30;
    private static final long MAX_WARMUP_NANOS = 15_000_000_000L;
    /** The picture is at most this many pixels wide (larger grids are averaged in blocks). */
    private static final int MAX_PICTURE = 2048;

    @Spec
    CommandSpec spec;

    @Option(names = "--size", defaultValue = "2048",
            description = "grid edge in cells: size x size float cells (16 to " + MAX_SIZE + "; default: ${DEFAULT-VALUE})")
    int size;

    @Option(names = "--steps", defaultValue = "300", description = "Jacobi time steps (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--out", defaultValue = "pel-demo/heat.png",
            description = "PNG of the final temperature field (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--seed", defaultValue = "7", description = "seed of the sources and the initial noise (default: ${DEFAULT-VALUE})")
    long seed;

    /** Milliseconds the JIT has spent compiling so far (0 where the JVM does not say). */
    private static long jitMillis() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    /** A hot disc of the initial field. */
    record Source(double x, double y, double radius, float temperature) {
    }

    @Override
    public void run() {
        if (size < 16 || size > MAX_SIZE) {
            throw new ParameterException(spec.commandLine(), "--size: must be in [16, " + MAX_SIZE + "], was " + size);
        }
        if (steps < 0) {
            throw new ParameterException(spec.commandLine(), "--steps: must be >= 0, was " + steps);
        }
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true"); // before any AWT class: the picture needs no display
        }
        PrintWriter pw = spec.commandLine().getOut();
        PelRuntime runtime = PelRuntime.defaultRuntime();
        long cells = (long) size * size;
        pw.printf(Locale.ROOT, "demo: heat diffusion on %,d x %,d float32 cells (%,d cells, 2 x %d MiB off-heap), %,d steps,"
                + " %d hot sources, seed %d; pel.backend=%s%n", size, size, cells, cells * Float.BYTES >> 20, steps, SOURCES,
                seed, runtime.config().backend());
        pw.println("machine: " + runtime.hardware().summary());
        long jobStart = System.nanoTime();

        long t0 = System.nanoTime();
        int warmSize = Math.min(size, WARMUP_SIZE);
        int warmSteps = Math.min(steps, WARMUP_STEPS);
        PrintWriter quiet = new PrintWriter(Writer.nullWriter());
        // On each CPU backend by name (auto may pick another backend at the warm-up size than at the real
        // one), in rounds until one passes without the JIT compiling anything: C2 compiles in the background,
        // and a kernel that has only been queued still runs slowly.
        List<PelRuntime> warmOn = new ArrayList<>();
        for (String name : List.of("cpu-simd", "cpu-scalar")) {
            try {
                warmOn.add(runtime.withBackend(name));
            } catch (BackendUnavailableException e) {
                pw.println("warm-up: " + name + " is not available: " + e.getMessage());
            }
        }
        int rounds = 0;
        boolean jitIdle = false;
        while (rounds < MIN_WARMUP_ROUNDS || !jitIdle && rounds < MAX_WARMUP_ROUNDS
                && System.nanoTime() - t0 < MAX_WARMUP_NANOS) {
            long jitBefore = jitMillis();
            for (PelRuntime forced : warmOn) {
                new Job(quiet, forced, warmSize, warmSteps, seed + 1 + rounds).run(null);
            }
            rounds++;
            jitIdle = jitMillis() == jitBefore;
        }
        long warmNanos = System.nanoTime() - t0;
        pw.printf(Locale.ROOT, "warm-up: the job %d times at %d x %d, %d steps, on %s: %.0f ms (%s)%n", rounds, warmSize,
                warmSize, warmSteps, String.join(" and ", warmOn.stream().map(r -> r.forcedBackend().orElseThrow().name()).toList()),
                warmNanos / 1e6, jitIdle ? "until the JIT had nothing left to compile" : "stopped at its cap; the JIT was still busy");
        pw.flush();

        Job job = new Job(pw, runtime, size, steps, seed);
        Path picture = out.toAbsolutePath().normalize();
        job.run(picture);

        long total = System.nanoTime() - jobStart;
        StringBuilder summary = new StringBuilder();
        for (Map.Entry<String, Long> e : job.phaseNanos.entrySet()) {
            summary.append(String.format(Locale.ROOT, "%s %.2f s, ", e.getKey(), e.getValue() / 1e9));
        }
        pw.printf(Locale.ROOT, "done: %swarm-up %.2f s; total %.2f s; picture %s%n", summary, warmNanos / 1e9, total / 1e9,
                picture);
        for (Map.Entry<String, BackendStats> e : runtime.stats().entrySet()) {
            BackendStats st = e.getValue();
            pw.printf(Locale.ROOT, "  %-11s %d calls, %.0f ms, %d fallbacks%n", e.getKey(), st.calls(), st.nanos() / 1e6,
                    st.fallbacks());
        }
        pw.flush();
    }

    /** One run of the job at a size on a runtime; prints to {@code pw} (a null writer for the warm-up). */
    static final class Job {
        private final PrintWriter pw;
        private final PelRuntime runtime;
        private final int size;
        private final int steps;
        private final long seed;
        /** Wall time of each phase, in order. */
        final Map<String, Long> phaseNanos = new LinkedHashMap<>();
        private final List<CallRecord> calls = new ArrayList<>();
        private String phase = "";
        private long phaseStart;

        Job(PrintWriter pw, PelRuntime runtime, int size, int steps, long seed) {
            this.pw = pw;
            this.runtime = runtime;
            this.size = size;
            this.steps = steps;
            this.seed = seed;
        }

        /** Runs every phase; writes the picture to {@code picture} unless it is null. */
        void run(Path picture) {
            int nx = size;
            long cells = (long) size * size;
            Simulation sim = Simulation.on(runtime);
            Reductions red = Reductions.on(runtime);
            Analytics an = Analytics.on(runtime);
            try (FloatArray grid = FloatArray.allocate(cells); FloatArray scratch = FloatArray.allocate(cells)) {
                begin("initial field", "hot discs on a cold plate, filled on the heap and copied to the off-heap grid");
                List<Source> sources = sources(size, seed);
                float[] init = initialField(size, sources, seed);
                grid.copyFrom(init);
                end(String.format(Locale.ROOT, "%d sources at %.0f..%.0f degrees on a plate at %.0f (+-0.5 noise), edges fixed;"
                        + " crc32 %08x", sources.size(), MIN_SOURCE, MAX_SOURCE, BACKGROUND, crc(init)));

                begin("simulate", String.format(Locale.ROOT, "%d Jacobi steps (alpha %.2f, fixed edges) in one call, alternating two"
                        + " off-heap grids without copies; n = cells x steps", steps, ALPHA));
                FloatArray result = sim.heat2d(grid, scratch, nx, size, ALPHA, Simulation.Boundary.FIXED, steps);
                call();
                float[] field = result.toArray(); // brings the field home when it ran on a device
                double heat = 0;
                for (float v : field) {
                    heat += v;
                }
                end(String.format(Locale.ROOT, "sum(T) %.6e, crc32 %08x (the same bits on every backend)", heat, crc(field)));

                begin("statistics", "Reductions on the off-heap result");
                float mean = red.mean(result);
                call();
                float variance = red.variance(result);
                call();
                float min = red.min(result);
                call();
                float max = red.max(result);
                call();
                end(String.format(Locale.ROOT, "mean %.6f, variance %.6f (sd %.4f), min %.6f, max %.6f", mean, variance,
                        Math.sqrt(variance), min, max));

                begin("histogram", "Analytics.histogram of a heap copy of the result");
                float lo = min;
                float hi = max > min ? max : Math.nextUp(min);
                long[] counts = an.histogram(field, lo, hi, BINS);
                call();
                long weighted = 0;
                long counted = 0;
                for (int b = 0; b < counts.length; b++) {
                    weighted += b * counts[b];
                    counted += counts[b];
                }
                end(String.format(Locale.ROOT, "%d bins over [%.3f, %.3f]: %s; counted %,d of %,d, sum(bin x count) %,d", BINS, lo, hi,
                        sparkline(counts), counted, cells, weighted));

                begin("hot regions", String.format(Locale.ROOT, "Analytics.compactIndices of the cells above %.1f degrees, then"
                        + " Analytics.kmeansStep on their (x, y) until no label changes; kmeans n = points x k x dims", HOT));
                int[] indices = new int[field.length];
                int hot = an.compactIndices(field, Compare.GT, HOT, indices);
                call();
                String summary = hot == 0 ? String.format(Locale.ROOT, "no cell above %.1f degrees", HOT)
                        : kmeans(an, indices, hot, sources);
                end(summary);

                if (picture != null) {
                    begin("picture", "the final field as a PNG");
                    long bytes = writePicture(field, size, min, max, picture);
                    end(String.format(Locale.ROOT, "%s, %,d bytes, colour map inferno over [%.2f, %.2f] degrees", picture, bytes, min,
                            max));
                }
            }
        }

        /** k-means of the hot cells' (x, y): farthest-point seeds, then steps until no label changes. */
        private String kmeans(Analytics an, int[] indices, int hot, List<Source> sources) {
            float[] points = new float[2 * hot];
            for (int p = 0; p < hot; p++) {
                points[2 * p] = indices[p] % size;
                points[2 * p + 1] = indices[p] / size;
            }
            int k = Math.min(SOURCES, hot);
            float[] centroids = farthestPoints(points, k);
            float[] next = new float[centroids.length];
            int[] labels = new int[hot];
            int[] previous = new int[hot];
            int[] counts = new int[k];
            Arrays.fill(previous, -1);
            int iterations = 0;
            while (iterations < KMEANS_MAX_STEPS) {
                an.kmeansStep(points, 2, centroids, labels, next, counts);
                call();
                iterations++;
                float[] swap = centroids;
                centroids = next;
                next = swap;
                if (Arrays.equals(labels, previous)) {
                    break;
                }
                System.arraycopy(labels, 0, previous, 0, hot);
            }
            boolean converged = Arrays.equals(labels, previous);
            Integer[] order = new Integer[k];
            for (int c = 0; c < k; c++) {
                order[c] = c;
            }
            float[] cs = centroids;
            Arrays.sort(order, (a, b) -> Float.compare(cs[2 * a], cs[2 * b]) != 0 ? Float.compare(cs[2 * a], cs[2 * b])
                    : Float.compare(cs[2 * a + 1], cs[2 * b + 1]));
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%,d cells above %.1f degrees, k = %d, %d steps%s;"
                    + " centroids (x, y) [cells] -> nearest source:", hot, HOT, k, iterations, converged ? " (converged)"
                            : " (not converged)"));
            double checksum = 0;
            for (int c : order) {
                double cx = centroids[2 * c];
                double cy = centroids[2 * c + 1];
                checksum += cx + cy;
                double best = Double.POSITIVE_INFINITY;
                for (Source s : sources) {
                    best = Math.min(best, Math.hypot(s.x() - cx, s.y() - cy));
                }
                sb.append(String.format(Locale.ROOT, "%n      (%.2f, %.2f) %,d cells, %.2f cells from a source centre", cx, cy,
                        counts[c], best));
            }
            sb.append(String.format(Locale.ROOT, "%n    sum of centroid coordinates %.4f", checksum));
            return sb.toString();
        }

        private void begin(String phase, String what) {
            calls.clear();
            this.phase = phase;
            pw.printf(Locale.ROOT, "%s: %s%n", phase, what);
            phaseStart = System.nanoTime();
        }

        /** Records the call this thread just made (read right after it, before any other Pel call). */
        private void call() {
            calls.add(PelRuntime.lastCall());
        }

        /** Ends a phase: one line per (kernel, backend, threads, reason) of its calls, its wall time and its checksum. */
        private void end(String checksum) {
            long wall = System.nanoTime() - phaseStart;
            phaseNanos.put(phase, wall);
            Map<String, List<CallRecord>> groups = new LinkedHashMap<>();
            for (CallRecord c : calls) {
                String key = c.kernel() + "|" + c.dtype() + "|" + c.n() + "|" + c.backend() + "|" + c.threads() + "|" + c.reason();
                groups.computeIfAbsent(key, x -> new ArrayList<>()).add(c);
            }
            for (List<CallRecord> g : groups.values()) {
                CallRecord c = g.getFirst();
                long timed = 0;
                long nanos = 0;
                for (CallRecord r : g) {
                    if (r.nanos() >= 0) {
                        timed++;
                        nanos += r.nanos();
                    }
                }
                String time = timed == 0 ? "not timed" : timed == g.size() ? String.format(Locale.ROOT, "%.3f ms", nanos / 1e6)
                        : String.format(Locale.ROOT, "%.3f ms (%d of %d timed)", nanos / 1e6, timed, g.size());
                pw.printf(Locale.ROOT, "    %-14s %s n=%,d%s  on %s x%d, %s; %s%n", c.kernel(), c.dtype().label(), c.n(),
                        g.size() > 1 ? " (" + g.size() + " calls)" : "", c.backend(), c.threads(), time, c.reason());
            }
            pw.printf(Locale.ROOT, "    wall %.1f ms; %s%n", wall / 1e6, checksum);
            pw.flush();
        }

    }

    /**
     * Non-overlapping discs well inside the grid: radii in [size/28, size/14] (at least 3 cells),
     * centres drawn until a disc keeps clear of the others (after 1,000 tries it may touch one).
     */
    static List<Source> sources(int size, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Source> out = new ArrayList<>();
        for (int s = 0; s < SOURCES; s++) {
            double r = Math.max(3, rng.nextDouble(size / 28.0, size / 14.0));
            float temperature = (float) rng.nextDouble(MIN_SOURCE, MAX_SOURCE);
            Source pick = null;
            for (int attempt = 0; attempt < 1000; attempt++) {
                double lo = r + 2;
                double hi = Math.max(lo + 1, size - 3 - r);
                Source c = new Source(rng.nextDouble(lo, hi), rng.nextDouble(lo, hi), r, temperature);
                pick = c;
                boolean clear = true;
                for (Source o : out) {
                    clear &= Math.hypot(o.x() - c.x(), o.y() - c.y()) >= o.radius() + c.radius() + 2;
                }
                if (clear) {
                    break;
                }
            }
            out.add(pick);
        }
        return out;
    }

    /** The plate with +-0.5 degrees of seeded noise, the discs at their temperatures, and the edges at BACKGROUND. */
    static float[] initialField(int size, List<Source> sources, long seed) {
        float[] t = new float[size * size];
        SplittableRandom rng = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
        for (int i = 0; i < t.length; i++) {
            t[i] = BACKGROUND + (float) (rng.nextDouble() - 0.5);
        }
        for (Source s : sources) {
            int y0 = (int) Math.max(1, Math.floor(s.y() - s.radius()));
            int y1 = (int) Math.min(size - 2, Math.ceil(s.y() + s.radius()));
            int x0 = (int) Math.max(1, Math.floor(s.x() - s.radius()));
            int x1 = (int) Math.min(size - 2, Math.ceil(s.x() + s.radius()));
            for (int y = y0; y <= y1; y++) {
                for (int x = x0; x <= x1; x++) {
                    if (Math.hypot(x - s.x(), y - s.y()) <= s.radius()) {
                        t[x + size * y] = s.temperature();
                    }
                }
            }
        }
        for (int i = 0; i < size; i++) {
            t[i] = BACKGROUND;
            t[i + size * (size - 1)] = BACKGROUND;
            t[size * i] = BACKGROUND;
            t[size - 1 + size * i] = BACKGROUND;
        }
        return t;
    }

    /** k seeds among the points: the first point, then each time the point farthest from the seeds so far. */
    static float[] farthestPoints(float[] points, int k) {
        int n = points.length / 2;
        float[] c = new float[2 * k];
        double[] nearest = new double[n];
        Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        int pick = 0;
        for (int s = 0; s < k; s++) {
            c[2 * s] = points[2 * pick];
            c[2 * s + 1] = points[2 * pick + 1];
            int far = 0;
            double farthest = -1;
            for (int p = 0; p < n; p++) {
                double dx = points[2 * p] - c[2 * s];
                double dy = points[2 * p + 1] - c[2 * s + 1];
                nearest[p] = Math.min(nearest[p], dx * dx + dy * dy);
                if (nearest[p] > farthest) {
                    farthest = nearest[p];
                    far = p;
                }
            }
            pick = far;
        }
        return c;
    }

    /** CRC-32 of the floats' bits (little-endian), a checksum that changes with any bit of the field. */
    static long crc(float[] values) {
        CRC32 crc = new CRC32();
        ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < values.length; ) {
            buf.clear();
            int len = Math.min(values.length - i, buf.capacity() / Float.BYTES);
            buf.asFloatBuffer().put(values, i, len);
            buf.limit(len * Float.BYTES);
            crc.update(buf);
            i += len;
        }
        return crc.getValue();
    }

    /** The counts as one character per bin, on a log scale from ' ' (empty) to '@' (the fullest bin). */
    static String sparkline(long[] counts) {
        String ramp = ".:-=+*#%@";
        long top = Arrays.stream(counts).max().orElse(0);
        StringBuilder sb = new StringBuilder("[");
        for (long c : counts) {
            if (c == 0) {
                sb.append(' ');
            } else {
                double level = top <= 1 ? 1 : Math.log(c) / Math.log(top);
                sb.append(ramp.charAt((int) Math.min(ramp.length() - 1, Math.max(0, Math.round(level * (ramp.length() - 1))))));
            }
        }
        return sb.append(']').toString();
    }

    /** Matplotlib's inferno at nine even stops, interpolated linearly. */
    private static final int[][] INFERNO = {{0, 0, 4}, {31, 12, 72}, {85, 15, 109}, {136, 34, 106}, {186, 54, 85},
        {227, 89, 51}, {249, 140, 10}, {249, 201, 50}, {252, 255, 164}};

    static int colour(double u) {
        double v = Double.isNaN(u) ? 0 : Math.clamp(u, 0.0, 1.0) * (INFERNO.length - 1);
        int i = (int) Math.min(INFERNO.length - 2, Math.floor(v));
        double f = v - i;
        int rgb = 0;
        for (int ch = 0; ch < 3; ch++) {
            int c = (int) Math.round(INFERNO[i][ch] + f * (INFERNO[i + 1][ch] - INFERNO[i][ch]));
            rgb = rgb << 8 | c;
        }
        return rgb;
    }

    /**
     * Writes the field as a PNG (row j of the grid is image row j), at most {@value #MAX_PICTURE}
     * pixels wide: larger grids are averaged over square blocks. Returns the file's size.
     */
    static long writePicture(float[] field, int size, float min, float max, Path file) {
        int block = (size + MAX_PICTURE - 1) / MAX_PICTURE;
        int w = size / block;
        double range = max > min ? max - min : 1;
        int[] rgb = new int[w * w];
        for (int py = 0; py < w; py++) {
            for (int px = 0; px < w; px++) {
                double s = 0;
                for (int y = py * block; y < (py + 1) * block; y++) {
                    for (int x = px * block; x < (px + 1) * block; x++) {
                        s += field[x + size * y];
                    }
                }
                rgb[px + w * py] = colour((s / ((double) block * block) - min) / range);
            }
        }
        BufferedImage img = new BufferedImage(w, w, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, w, w, rgb, 0, w);
        try {
            Path dir = file.getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            if (!ImageIO.write(img, "png", file.toFile())) {
                throw new IllegalStateException("no PNG writer in this JDK (javax.imageio)");
            }
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the picture " + file + ": " + e.getMessage(), e);
        }
    }
}
