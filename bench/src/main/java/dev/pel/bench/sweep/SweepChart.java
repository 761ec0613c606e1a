package dev.pel.bench.sweep;

import dev.pel.bench.workload.BenchKernel;
import dev.pel.runtime.DType;
import dev.pel.runtime.dispatch.KernelSpec;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws {@code sweep.png}: one line chart per kernel and element type, laid out in a grid (one row
 * per kernel, one column per element type), x = n on a log axis, one series per backend or peer.
 * The y metric is GB/s for memory-bound kernels and GFLOP/s for compute-bound ones.
 */
public final class SweepChart {
    static {
        // Render without a display (servers, CI); must be set before AWT initialises.
        System.setProperty("java.awt.headless", "true");
    }

    static final int PANEL_WIDTH = 640;
    static final int PANEL_HEIGHT = 400;
    static final int MAX_COLUMNS = 3;

    /**
     * Below this many flops per byte a kernel is limited by memory bandwidth on any current CPU
     * (machine balance is several flops per byte), so GB/s is the rate worth comparing.
     */
    static final double COMPUTE_BOUND_FLOPS_PER_BYTE = 4;

    /** Colours that stay apart on white and for common colour-vision deficiencies (Tableau 10). */
    private static final Color[] PALETTE = {new Color(0x4E79A7), new Color(0xF28E2B), new Color(0xE15759),
        new Color(0x76B7B2), new Color(0x59A14F), new Color(0xEDC948), new Color(0xB07AA1), new Color(0xFF9DA7),
        new Color(0x9C755F), new Color(0xBAB0AC)};
    private static final BasicStroke PEL_STROKE = new BasicStroke(2.5f);
    private static final BasicStroke PEER_STROKE = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {6f, 4f}, 0f);

    private SweepChart() {
    }

    public static void write(List<SweepRow> rows, Path png) throws IOException {
        Map<String, List<SweepRow>> panels = new LinkedHashMap<>();
        for (SweepRow r : rows) {
            panels.computeIfAbsent(r.kernel() + " " + r.dtype(), k -> new ArrayList<>()).add(r);
        }
        // One colour per backend or peer across all panels, in order of first appearance.
        List<String> labels = rows.stream().map(SweepRow::backend).distinct().toList();
        long dtypes = rows.stream().map(SweepRow::dtype).distinct().count();
        // One column per element type, so each row of panels is one kernel; a single type fills up to 3 columns.
        int cols = (int) Math.max(1, Math.min(dtypes > 1 ? dtypes : MAX_COLUMNS, panels.size()));
        int rowsOfPanels = Math.max(1, (panels.size() + cols - 1) / cols);

        BufferedImage image = new BufferedImage(cols * PANEL_WIDTH, rowsOfPanels * PANEL_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            int i = 0;
            for (Map.Entry<String, List<SweepRow>> panel : panels.entrySet()) {
                JFreeChart chart = chart(panel.getKey(), panel.getValue(), labels);
                Rectangle2D area = new Rectangle2D.Double((i % cols) * PANEL_WIDTH, (i / cols) * PANEL_HEIGHT, PANEL_WIDTH,
                        PANEL_HEIGHT);
                chart.draw(g, area);
                i++;
            }
        } finally {
            g.dispose();
        }
        if (!ImageIO.write(image, "png", png.toFile())) {
            throw new IOException("no PNG writer available to write " + png);
        }
    }

    /** True when the y axis of this kernel's panel is GFLOP/s rather than GB/s. */
    static boolean computeBound(String kernel, String dtype) {
        KernelSpec spec = BenchKernel.parse(kernel).spec();
        DType type = DType.parse(dtype);
        long bytes = spec.bytes(type, 1);
        return bytes == 0 || spec.flops(1) / bytes >= COMPUTE_BOUND_FLOPS_PER_BYTE;
    }

    /**
     * {@link #computeBound(String, String)} for a vector kernel; a workload (not a {@link BenchKernel}:
     * its intensity depends on its extents) is compute-bound when its largest row moved fewer than
     * {@link #COMPUTE_BOUND_FLOPS_PER_BYTE} bytes per flop (the rows' GFLOP/s over GB/s is its flops per byte).
     */
    static boolean computeBound(List<SweepRow> rows) {
        SweepRow first = rows.getFirst();
        if (java.util.Arrays.stream(BenchKernel.values()).anyMatch(k -> k.label().equals(first.kernel()))) {
            return computeBound(first.kernel(), first.dtype());
        }
        SweepRow largest = rows.stream().max(java.util.Comparator.comparingLong(SweepRow::n)).orElseThrow();
        return largest.gbps() == 0 || largest.gflops() / largest.gbps() >= COMPUTE_BOUND_FLOPS_PER_BYTE;
    }

    private static JFreeChart chart(String title, List<SweepRow> rows, List<String> labels) {
        boolean flops = computeBound(rows);
        String metric = flops ? "GFLOP/s" : "GB/s";
        XYSeriesCollection data = new XYSeriesCollection();
        Map<String, XYSeries> series = new LinkedHashMap<>();
        for (SweepRow r : rows) {
            XYSeries s = series.computeIfAbsent(r.backend(), k -> {
                XYSeries created = new XYSeries(k);
                data.addSeries(created);
                return created;
            });
            s.add(r.n(), flops ? r.gflops() : r.gbps());
        }
        // A sweep run with --residency says where Pel's operands lived (peers are always on the heap).
        String residency = rows.stream().map(SweepRow::residency)
                .filter(r -> r != null && !r.equals(Residency.PEER)).findFirst().map(r -> ", Pel operands " + r).orElse("");
        JFreeChart chart = ChartFactory.createXYLineChart(title + " (" + metric + residency + ")", "n (elements)", metric, data,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        LogAxis x = new LogAxis("n (elements)");
        x.setBase(10);
        x.setTickUnit(new NumberTickUnit(1)); // one tick per power of ten (the unit is an exponent)
        x.setNumberFormatOverride(new SiFormat());
        double nLo = rows.stream().mapToDouble(SweepRow::n).min().orElse(1);
        double nHi = rows.stream().mapToDouble(SweepRow::n).max().orElse(1);
        if (nLo == nHi) { // one size: the log axis's auto range of a single value can be empty (it was at n = 2^24)
            x.setRange(nLo / 2, nHi * 2);
        }
        plot.setDomainAxis(x);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true); // points show single sizes too
        for (int i = 0; i < data.getSeriesCount(); i++) {
            String label = data.getSeriesKey(i).toString();
            boolean peer = label.startsWith("peer:");
            renderer.setSeriesPaint(i, PALETTE[labels.indexOf(label) % PALETTE.length]);
            renderer.setSeriesStroke(i, peer ? PEER_STROKE : PEL_STROKE); // peers dashed, Pel solid
        }
        plot.setRenderer(renderer);
        return chart;
    }

    /** Axis labels as 1k, 64k, 16M rather than 1E3 or 1.6E7. */
    static final class SiFormat extends NumberFormat {
        private static final String[] SUFFIX = {"", "k", "M", "G", "T"};

        @Override
        public StringBuffer format(double number, StringBuffer to, FieldPosition pos) {
            double v = number;
            int i = 0;
            while (Math.abs(v) >= 1000 && i < SUFFIX.length - 1) {
                v /= 1000;
                i++;
            }
            String digits = v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.3g", v);
            return to.append(digits).append(SUFFIX[i]);
        }

        @Override
        public StringBuffer format(long number, StringBuffer to, FieldPosition pos) {
            return format((double) number, to, pos);
        }

        @Override
        public Number parse(String source, ParsePosition pos) {
            throw new UnsupportedOperationException("axis labels are only formatted");
        }
    }
}
