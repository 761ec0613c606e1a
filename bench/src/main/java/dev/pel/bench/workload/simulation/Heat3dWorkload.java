package dev.pel.bench.workload.simulation;

import dev.pel.kernels.Catalogue;

/**
 * {@code Simulation.heat3d}: one 7-point step, alpha = 0.15, fixed faces.
 *
 * <p>Sweep size n: an nx x nx x nz grid with nx = floor(cbrt n) and nz = floor(n / nx^2), so about n
 * cells (1024 -&gt; 10 x 10 x 10, 65536 -&gt; 40 x 40 x 40, 1Mi -&gt; 101 x 101 x 102, 16Mi -&gt;
 * 256^3); extents (cells, 1 step).
 */
public final class Heat3dWorkload extends HeatWorkload {
    public Heat3dWorkload() {
        super("heat3d", Catalogue.HEAT3D, 3, 0.15);
    }

    @Override
    public int[] shape(long n) {
        int nx = icbrt(count(n));
        return new int[] {nx, nx, (int) (n / ((long) nx * nx))};
    }
}
