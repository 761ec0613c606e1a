package dev.pel.bench.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes {@code sweep.csv}: one header line, one line per measured point. */
public final class SweepCsv {
    /** The header, exactly; scripts and plots key on these names. */
    public static final String HEADER = "kernel,dtype,n,backend,chosen,median_ns,gflops,gbps";
    /** The header of a sweep run with {@code --residency}: one more column, last. */
    public static final String HEADER_WITH_RESIDENCY = HEADER + ",residency";

    private SweepCsv() {
    }

    /** Writes {@link #HEADER} and the rows (whose residency must be unset). */
    public static void write(List<SweepRow> rows, Path file) throws IOException {
        write(rows, file, false);
    }

    /**
     * Writes the header, with the {@code residency} column when {@code residencyColumn}, and the
     * rows, which must all have a residency exactly when the column is there.
     */
    public static void write(List<SweepRow> rows, Path file, boolean residencyColumn) throws IOException {
        List<String> lines = new ArrayList<>(rows.size() + 1);
        lines.add(residencyColumn ? HEADER_WITH_RESIDENCY : HEADER);
        for (SweepRow r : rows) {
            if ((r.residency() != null) != residencyColumn) {
                throw new IllegalArgumentException("rows: " + r + (residencyColumn ? " has no residency" : " has a residency")
                        + " but the header " + (residencyColumn ? "has" : "has no") + " such column");
            }
            lines.add(r.toCsv());
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }
}
