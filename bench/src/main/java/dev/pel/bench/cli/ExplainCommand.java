package dev.pel.bench.cli;

import dev.pel.kernels.Catalogue;
import dev.pel.kernels.spi.KernelFamily;
import dev.pel.runtime.DType;
import dev.pel.runtime.PelRuntime;
import dev.pel.runtime.dispatch.KernelSpec;
import dev.pel.runtime.dispatch.Placement;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pel explain <kernel>}: where the runtime would run a call, and why. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Explains where the default runtime would run one call of a kernel, and why.")
final class ExplainCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KERNEL", description = "a kernel of the catalogue, e.g. dot, axpy, sum, exp")
    String kernel;

    @Option(names = "--dtype", defaultValue = "f32", description = "element type: f32 or f64 (default: ${DEFAULT-VALUE})")
    String dtype;

    @Option(names = "--n", defaultValue = "1000000", description = "elements (default: ${DEFAULT-VALUE})")
    long n;

    @Option(names = "--shape", split = ",", paramLabel = "D",
            description = "the call's extents for shaped kernels, e.g. 1024,1024,1024 for gemm m,n,k or 2048,2048 for"
                    + " heat2d (default: n)")
    List<Long> shape;

    @Option(names = "--operands", defaultValue = "heap",
            description = "where the operands live: heap (Java arrays), host (off-heap arrays), or resident (off-heap,"
                    + " valid only on the best OpenCL device) (default: ${DEFAULT-VALUE})")
    String operands;

    @Override
    public void run() {
        KernelSpec k = Catalogue.all().get(kernel);
        if (k == null) {
            throw new ParameterException(spec.commandLine(), "unknown kernel '" + kernel + "'; known kernels: "
                    + String.join(", ", Catalogue.all().keySet()));
        }
        DType type = Options.dtype(spec, dtype);
        if (n < 0) {
            throw new ParameterException(spec.commandLine(), "--n: must be >= 0, was " + n);
        }
        PrintWriter out = spec.commandLine().getOut();
        try {
            PelRuntime.defaultRuntime().dispatcher().calibrateAll(); // explain a calibrated model, devices included
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.printf(Locale.ROOT, "explain %s %s %s, operands %s (pel.backend=%s)%n", k.name(), type.label(),
                shape == null ? "n=" + n : "shape " + shape, operands, PelRuntime.defaultRuntime().config().backend());
        long[] e = extents();
        KernelFamily<?> family = Catalogue.family(k);
        for (String line : PelRuntime.defaultRuntime().explain(k, type, e[0], e[1], e[2], placement(), family.supporting(type))) {
            out.println("  " + line);
        }
        out.flush();
    }

    private long[] extents() {
        long[] e = {n, 1, 1};
        if (shape != null) {
            if (shape.isEmpty() || shape.size() > 3) {
                throw new ParameterException(spec.commandLine(), "--shape: one to three extents, was " + shape);
            }
            for (int i = 0; i < shape.size(); i++) {
                if (shape.get(i) < 0) {
                    throw new ParameterException(spec.commandLine(), "--shape: extents must be >= 0, was " + shape);
                }
                e[i] = shape.get(i);
            }
        }
        return e;
    }

    private Placement placement() {
        return switch (operands) {
            case "heap" -> Placement.HEAP;
            case "host" -> Placement.HOST;
            case "resident" -> Placement.onDevice(PelRuntime.defaultRuntime().backends().values().stream()
                    .filter(b -> !b.host()).findFirst()
                    .orElseThrow(() -> new ParameterException(spec.commandLine(), "--operands resident: no device backend here")),
                    false);
            default -> throw new ParameterException(spec.commandLine(), "--operands: heap, host or resident, was '" + operands + "'");
        };
    }
}
