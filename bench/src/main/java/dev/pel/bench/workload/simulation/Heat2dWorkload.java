package dev.pel.bench.workload.simulation;

import dev.pel.kernels.Catalogue;

/**
 * {@code Simulation.heat2d}: one 5-point step, alpha = 0.2, fixed faces.
 *
 * <p>Sweep size n: an nx x ny grid with nx = floor(sqrt n) and ny = floor(n / nx), so about n cells
 * (exactly sqrt(n) x sqrt(n) when n is a square: 1024 -&gt; 32 x 32, 16Mi -&gt; 4096 x 4096); extents
 * (cells, 1 step).
 */
public final class Heat2dWorkload extends HeatWorkload {
    public Heat2dWorkload() {
        super("heat2d", Catalogue.HEAT2D, 2, 0.2);
    }

    @Override
    public int[] shape(long n) {
        int nx = isqrt(count(n));
        return new int[] {nx, (int) (n / nx)};
    }
}
