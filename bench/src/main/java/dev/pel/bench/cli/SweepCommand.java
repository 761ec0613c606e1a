package dev.pel.bench.cli;

import dev.pel.bench.peers.Peer;
import dev.pel.bench.peers.Peers;
import dev.pel.bench.sweep.AutoVersusFixed;
import dev.pel.bench.sweep.Contender;
import dev.pel.bench.sweep.Residency;
import dev.pel.bench.sweep.Sweep;
import dev.pel.bench.sweep.SweepChart;
import dev.pel.bench.sweep.SweepCsv;
import dev.pel.bench.sweep.Timer;
import dev.pel.bench.workload.BenchKernel;
import dev.pel.bench.workload.Workload;
import dev.pel.bench.workload.Workloads;
import dev.pel.runtime.BackendUnavailableException;
import dev.pel.runtime.DType;
import dev.pel.runtime.PelConfig;
import dev.pel.runtime.PelRuntime;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code pel sweep}: measures kernels x dtypes x sizes on Pel's backends and on peer libraries,
 * writes {@code sweep.csv} and {@code sweep.png}. Every point is validated before it is timed.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Times kernels on Pel backends and peer libraries; writes a CSV and a chart:"
                + " DIR/sweep.csv, DIR/sweep.png.",
        footer = {"", "Forced backends run through PelRuntime.defaultRuntime().withBackend(name); 'auto' is the"
                + " dispatcher's choice, recorded in the CSV column 'chosen'. A peer that lacks a kernel has no row"
                + " for it. A wrong result is reported and not timed, and the exit code is then 1.", "",
                "--residency copy times Pel on heap arrays, which a device backend (opencl) copies to the device and"
                        + " back on every call; --residency resident times Pel on off-heap FloatArray/DoubleArray"
                        + " operands allocated once per point, which stay on the device between calls (CPU backends"
                        + " use them in host memory). Given either way, the CSV gets a last column 'residency' (copy,"
                        + " resident, or host for peers); without it the CSV has exactly the 8 columns kernel,dtype,n,backend,chosen,median_ns,gflops,gbps and Pel uses"
                        + " heap arrays."})
final class SweepCommand implements Callable<Integer> {
    private static final String ALL = "all";
    private static final String NONE = "none";

    @Spec
    CommandSpec spec;

    @Option(names = "--kernels", split = ",", defaultValue = "dot,axpy", paramLabel = "K",
            completionCandidates = KernelNames.class,
            description = "kernels: ${COMPLETION-CANDIDATES}, or 'all' (default: ${DEFAULT-VALUE})")
    List<String> kernels;

    @Option(names = "--dtypes", split = ",", defaultValue = "f32,f64", paramLabel = "T",
            description = "element types (default: ${DEFAULT-VALUE})")
    List<String> dtypes;

    @Option(names = "--sizes", split = ",", defaultValue = "1000,65536,16777216", paramLabel = "N",
            description = "elements per call (default: ${DEFAULT-VALUE})")
    List<Long> sizes;

    @Option(names = "--backends", split = ",", defaultValue = ALL, paramLabel = "B",
            description = "Pel backends (as pel devices names them, e.g. cpu-simd, opencl:0, or the alias opencl)"
                    + " and/or 'auto'; 'all' = every available backend, OpenCL devices included, plus auto; 'none'"
                    + " (default: ${DEFAULT-VALUE})")
    List<String> backends;

    @Option(names = "--peers", split = ",", defaultValue = ALL, paramLabel = "P",
            description = "peer libraries: java-loop, netlib-vector, ejml; 'all' or 'none' (default: ${DEFAULT-VALUE})")
    List<String> peers;

    @Option(names = "--residency", paramLabel = "MODE",
            description = "where Pel's operands live: copy (heap arrays, copied to a device and back on every call)"
                    + " or resident (off-heap arrays kept on the device); adds the CSV column 'residency'"
                    + " (default: copy, without the column)")
    String residency;

    @Option(names = "--out", defaultValue = "sweep-out", paramLabel = "DIR",
            description = "output directory (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--reps", defaultValue = "10", paramLabel = "N", description = "timed samples per point, a block of rounds; a point whose"
            + " samples spread widely gets more blocks, up to 3; the median is reported (default: ${DEFAULT-VALUE})")
    int reps;

    @Option(names = "--warmup-ms", defaultValue = "200", paramLabel = "MS", description = "least warm-up per point in"
            + " ms; it goes on while the JIT is still compiling (default: ${DEFAULT-VALUE})")
    long warmupMs;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "SEED", description = "seed of the random inputs (default: ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        Sweep.Plan plan = plan();
        err.printf(Locale.ROOT, "sweep: %d points; seed %d; %d-%d samples of >= %d us after %d ms warm-up each; Pel operands: %s%n",
                plan.points(), seed, reps, plan.timer().maxReps(), Timer.MIN_SAMPLE_NANOS / 1000, warmupMs,
                plan.residency() == Residency.RESIDENT ? "off-heap, resident where the backend keeps them"
                        : "heap arrays (copied to a device on every call)");
        for (Contender c : plan.contenders()) {
            if (c instanceof Contender.PeerLibrary p) {
                err.println("  " + c.label() + ": " + p.peer().details());
            }
        }
        if (plan.contenders().stream().anyMatch(c -> c.label().equals("auto"))) {
            // Calibration is part of the run (a fresh machine pays it once), but not of any point's timing.
            long t0 = System.nanoTime();
            try {
                PelRuntime.defaultRuntime().dispatcher().calibrateAll();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            err.printf(Locale.ROOT, "sweep: cost model ready in %.0f ms (%s)%n", (System.nanoTime() - t0) / 1e6,
                    PelRuntime.defaultRuntime().dispatcher().store().file());
            for (var b : PelRuntime.defaultRuntime().backends().values()) {
                PelRuntime.defaultRuntime().dispatcher().describe(b).forEach(l -> err.println("  " + l));
            }
        }
        Sweep.Result result = Sweep.run(plan, err);

        Files.createDirectories(out);
        Path csv = out.resolve("sweep.csv");
        Path png = out.resolve("sweep.png");
        SweepCsv.write(result.rows(), csv, plan.residencyColumn());
        SweepChart.write(result.rows(), png);
        stdout.printf(Locale.ROOT, "wrote %s (%d rows) and %s%n", csv, result.rows().size(), png);
        AutoVersusFixed.of(result.rows()).ifPresent(stdout::println);
        stdout.flush();
        if (!result.wrongResults().isEmpty()) {
            err.println("sweep: " + result.wrongResults().size() + " point(s) gave a wrong result and were not timed:");
            result.wrongResults().forEach(m -> err.println("  " + m));
            err.flush();
            return PelCommand.FAILED;
        }
        return 0;
    }

    /** Turns the options into a plan; any bad name or value is a usage error. */
    private Sweep.Plan plan() {
        Residency mode = parseResidency();
        Timer timer;
        try {
            timer = new Timer(reps, warmupMs);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        for (long n : sizes) {
            if (n < 1 || n > Integer.MAX_VALUE - 8) {
                throw new ParameterException(spec.commandLine(), "--sizes: each must be in [1, " + (Integer.MAX_VALUE - 8)
                        + "], was " + n);
            }
        }
        List<Contender> contenders = new ArrayList<>(pelContenders());
        contenders.addAll(peerContenders());
        if (contenders.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "nothing to measure: --backends and --peers are both 'none'");
        }
        List<Workload> workloads = parseWorkloads();
        if (mode == Residency.RESIDENT && !workloads.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--residency resident: only the vector kernels have resident operands"
                    + " in the sweep; leave out " + workloads.stream().map(Workload::name).toList());
        }
        return new Sweep.Plan(parseKernels(), parseDtypes(), List.copyOf(new LinkedHashSet<>(sizes)), contenders, timer,
                seed, mode == null ? Residency.COPY : mode, mode != null, workloads);
    }

    /** The --residency mode, or null when it was not given. */
    private Residency parseResidency() {
        if (residency == null) {
            return null;
        }
        try {
            return Residency.parse(residency);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--residency: " + e.getMessage());
        }
    }

    private List<BenchKernel> parseKernels() {
        if (isKeyword(kernels, ALL)) {
            return Arrays.asList(BenchKernel.values());
        }
        List<BenchKernel> out = new ArrayList<>();
        for (String name : distinct(kernels)) {
            if (Workloads.byName(name) != null) {
                continue;
            }
            try {
                out.add(BenchKernel.parse(name));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--kernels: unknown kernel '" + name
                        + "'; the sweep knows: " + BenchKernel.names() + ", " + Workloads.names() + " (or 'all')");
            }
        }
        return out;
    }

    private List<Workload> parseWorkloads() {
        if (isKeyword(kernels, ALL)) {
            return Workloads.all();
        }
        List<Workload> out = new ArrayList<>();
        for (String name : distinct(kernels)) {
            Workload w = Workloads.byName(name);
            if (w != null) {
                out.add(w);
            }
        }
        return out;
    }

    private List<DType> parseDtypes() {
        return distinct(dtypes).stream().map(t -> Options.dtype(spec, t)).distinct().toList();
    }

    private List<Contender> pelContenders() {
        PelRuntime runtime = PelRuntime.defaultRuntime();
        if (isKeyword(backends, NONE)) {
            return List.of();
        }
        // 'all' may stand in a list ("all,auto"): it expands to every available backend plus auto.
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (String name : distinct(backends)) {
            if (name.equalsIgnoreCase(ALL)) {
                names.addAll(runtime.backends().keySet());
                names.add(PelConfig.AUTO);
            } else {
                names.add(name);
            }
        }
        List<Contender> out = new ArrayList<>();
        for (String name : names) {
            try {
                out.add(new Contender.Pel(name, runtime.withBackend(name)));
            } catch (BackendUnavailableException e) {
                throw new ParameterException(spec.commandLine(), "--backends: " + e.getMessage());
            }
        }
        return out;
    }

    private List<Contender> peerContenders() {
        if (isKeyword(peers, NONE)) {
            return List.of();
        }
        List<Contender> out = new ArrayList<>();
        if (isKeyword(peers, ALL)) {
            for (Peer p : Peers.all()) {
                p.unavailableReason().ifPresentOrElse(
                        why -> spec.commandLine().getErr().println("sweep: skipping peer " + p.name() + ": " + why),
                        () -> out.add(new Contender.PeerLibrary(p)));
            }
            for (String name : Workloads.peerNames()) {
                if (out.stream().noneMatch(c -> c.label().equals("peer:" + name))) {
                    out.add(new Contender.WorkloadPeer(name));
                }
            }
            return out;
        }
        for (String name : distinct(peers)) {
            if (Workloads.peerNames().contains(name) && Peers.all().stream().noneMatch(p -> p.name().equals(name))) {
                out.add(new Contender.WorkloadPeer(name));
                continue;
            }
            Peer p;
            try {
                p = Peers.byName(name);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--peers: " + e.getMessage());
            }
            String why = p.unavailableReason().orElse(null);
            if (why != null) {
                throw new ParameterException(spec.commandLine(), "--peers: " + p.name() + " cannot run here: " + why);
            }
            out.add(new Contender.PeerLibrary(p));
        }
        return out;
    }

    /** The kernel names for the help text, from the one list of kernels. */
    static final class KernelNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            List<String> names = new ArrayList<>(Arrays.stream(BenchKernel.values()).map(BenchKernel::label).toList());
            names.addAll(Workloads.names());
            return names.iterator();
        }
    }

    private static boolean isKeyword(List<String> values, String keyword) {
        return values.size() == 1 && values.getFirst().trim().equalsIgnoreCase(keyword);
    }

    private static List<String> distinct(List<String> values) {
        return List.copyOf(new LinkedHashSet<>(values.stream().map(String::trim).filter(s -> !s.isEmpty()).toList()));
    }
}
