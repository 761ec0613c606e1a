package dev.pel.bench.cli;

import dev.pel.bench.peers.Peer;
import dev.pel.bench.peers.Peers;
import dev.pel.runtime.PelRuntime;
import dev.pel.runtime.spi.Backend;
import dev.pel.runtime.spi.Probe;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code pel devices}: the machine, every backend probe (available with its details, or declined
 * with the reason), and the peers. An OpenCL device's line carries what the device reports:
 * platform, vendor, type, compute units and clock, global/local memory and largest allocation,
 * fp64, whether it shares host memory, and the driver version.
 */
@Command(name = "devices", mixinStandardHelpOptions = true,
        description = "Shows the hardware, each backend (available with its details, or declined with the reason),"
                + " the peer libraries the sweep compares against, and the cost model's calibrated rates.")
final class DevicesCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        PelRuntime runtime = PelRuntime.defaultRuntime();
        print(out, runtime.hardware().summary(), runtime.probes(), Peers.all());
        rates(out, runtime);
        out.flush();
    }

    /** The cost model's rates per backend and thread count, calibrating now what was never calibrated here. */
    static void rates(PrintWriter out, PelRuntime runtime) {
        out.println("cost model (" + runtime.dispatcher().store().file() + "):");
        out.flush();
        try {
            runtime.dispatcher().calibrateAll();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (var b : runtime.backends().values()) {
            for (String line : runtime.dispatcher().describe(b)) {
                out.println("  " + line);
            }
        }
    }

    /** The report: a hardware line, one line per probe in probing order, one line per peer. */
    static void print(PrintWriter out, String hardware, List<Probe> probes, List<Peer> peers) {
        out.println("hardware: " + hardware);
        for (Probe p : probes) {
            out.println(probeLine(p));
        }
        for (Peer peer : peers) {
            var reason = peer.unavailableReason();
            out.printf(Locale.ROOT, "peer    %-14s %s  %s%n", peer.name(), reason.isEmpty() ? "available" : "declined ",
                    reason.orElse(peer.details()));
        }
    }

    /** {@code backend NAME available [alias A] DETAILS} or {@code backend NAME declined REASON}. */
    static String probeLine(Probe p) {
        if (p.isAvailable()) {
            Backend b = p.backend().orElseThrow();
            String aliases = b.aliases().isEmpty() ? "" : "(alias " + String.join(", ", b.aliases()) + ") ";
            return String.format(Locale.ROOT, "backend %-14s available  %s%s", p.name(), aliases, b.details());
        }
        return String.format(Locale.ROOT, "backend %-14s declined   %s", p.name(), p.reason().orElse(""));
    }
}
