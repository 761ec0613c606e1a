package dev.pel.bench.workload;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Every {@link Workload} the sweep knows, in the order it runs them. The one list to add to. */
public final class Workloads {
    private static final List<Workload> ALL = all(
            // ---- analytics kernels (dev.pel.bench.workload.analytics) ----
            dev.pel.bench.workload.analytics.AnalyticsWorkloads.all()
            // ---- end of analytics kernels ----
    );

    @SafeVarargs
    private static List<Workload> all(List<Workload>... blocks) {
        List<Workload> out = new ArrayList<>();
        for (List<Workload> block : blocks) {
            out.addAll(block);
        }
        return List.copyOf(out);
    }

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
