package dev.pel.bench.cli;

import dev.pel.bench.peers.Peer;
import dev.pel.bench.peers.Peers;
import dev.pel.runtime.PelRuntime;
import dev.pel.runtime.spi.Probe;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code pel devices}: the machine, every backend probe (available or why not), and the peers. */
@Command(name = "devices", mixinStandardHelpOptions = true,
        description = "Shows the hardware, each backend (available with its details, or declined with the reason)"
                + " and the peer libraries the sweep compares against.")
final class DevicesCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        PelRuntime runtime = PelRuntime.defaultRuntime();
        out.println("hardware: " + runtime.hardware().summary());
        for (Probe p : runtime.probes()) {
            if (p.isAvailable()) {
                out.printf(Locale.ROOT, "backend %-14s available  %s%n", p.name(), p.backend().orElseThrow().details());
            } else {
                out.printf(Locale.ROOT, "backend %-14s declined   %s%n", p.name(), p.reason().orElse(""));
            }
        }
        for (Peer peer : Peers.all()) {
            var reason = peer.unavailableReason();
            out.printf(Locale.ROOT, "peer    %-14s %s  %s%n", peer.name(), reason.isEmpty() ? "available" : "declined ",
                    reason.orElse(peer.details()));
        }
        out.flush();
    }
}
