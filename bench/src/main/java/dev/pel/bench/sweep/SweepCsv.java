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

    private SweepCsv() {
    }

    public static void write(List<SweepRow> rows, Path file) throws IOException {
        List<String> lines = new ArrayList<>(rows.size() + 1);
        lines.add(HEADER);
        for (SweepRow r : rows) {
            lines.add(r.toCsv());
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }
}
