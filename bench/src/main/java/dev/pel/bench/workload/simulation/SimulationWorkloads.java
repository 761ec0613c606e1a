package dev.pel.bench.workload.simulation;

import java.util.List;
import java.util.Locale;

/** The simulation kernels' sweep workloads, in catalogue order (registered in {@code Workloads}). */
public final class SimulationWorkloads {
    private static final List<SimulationWorkload> ALL = List.of(new Heat2dWorkload(), new Heat3dWorkload(), new NbodyWorkload(),
            new Convolve1dWorkload(), new Convolve2dWorkload(), new PhiloxBitsWorkload(), new UniformWorkload(), new NormalWorkload(),
            new MonteCarloPiWorkload(), new BlackScholesWorkload());

    private SimulationWorkloads() {
    }

    public static List<SimulationWorkload> all() {
        return ALL;
    }

    /** The workload of the catalogue kernel called {@code name}. */
    public static SimulationWorkload byName(String name) {
        String key = name.trim().toLowerCase(Locale.ROOT);
        for (SimulationWorkload w : ALL) {
            if (w.name().equals(key)) {
                return w;
            }
        }
        throw new IllegalArgumentException("kernel: no simulation workload '" + name + "'; there are "
                + ALL.stream().map(SimulationWorkload::name).toList());
    }
}
