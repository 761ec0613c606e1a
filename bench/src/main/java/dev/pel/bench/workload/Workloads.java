package dev.pel.bench.workload;

import dev.pel.bench.matrix.MatrixWorkload;
import dev.pel.bench.workload.analytics.AnalyticsWorkloads;
import dev.pel.bench.workload.simulation.SimulationWorkloads;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/** Every {@link Workload} the sweep knows, in the order it runs them. The one list to add to. */
public final class Workloads {
    /** One line per workload group; the groups run in this order. */
    private static final List<Workload> ALL = Stream.<List<? extends Workload>>of(
            SimulationWorkloads.all(), // simulation kernels (heat2d ... blackscholes)
            AnalyticsWorkloads.all(), // analytics kernels (scan ... fft)
            List.of(MatrixWorkload.GEMM, MatrixWorkload.GEMV) // dense linear algebra
    ).<Workload>flatMap(List::stream).toList();

    private Workloads() {
    }

    public static List<Workload> all() {
        return ALL;
    }

    /** The workload called {@code name} (case-insensitive), or null. */
    public static Workload byName(String name) {
        for (Workload w : ALL) {
            if (w.name().equals(name.trim().toLowerCase(Locale.ROOT))) {
                return w;
            }
        }
        return null;
    }

    /** Names of the peers any workload has. */
    public static Set<String> peerNames() {
        Set<String> out = new LinkedHashSet<>();
        for (Workload w : ALL) {
            out.addAll(w.peers());
        }
        return out;
    }

    public static List<String> names() {
        List<String> out = new ArrayList<>();
        ALL.forEach(w -> out.add(w.name()));
        return out;
    }
}
