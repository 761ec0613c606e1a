package dev.pel.runtime.twins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Keeps float twins generated from their double source, so that F32 and F64 code never drift
 * (the JDK's Vector API and EJML keep one source of truth the same way). Two forms:
 * <ul>
 *   <li>a whole file whose first line is {@code // @twin-file}: {@code DoubleArray.java} yields
 *       {@code FloatArray.java}, {@code FooF64.java} yields {@code FooF32.java};</li>
 *   <li>a region between {@code // @twin-begin F64} and {@code // @twin-end}, followed by its
 *       generated twin between {@code // @twin-generated F32 ...} and {@code // @twin-end}.</li>
 * </ul>
 * Rewriting: double to float, Double to Float, F64 to F32, decimal literals get an {@code f}.
 *
 * <p>Inside an F64 region, loops over heap arrays between {@code // @segment-begin} and
 * {@code // @segment-end} get off-heap twins generated after them (before the F32 rewrite): the
 * array parameters {@code x, y, z, o} become {@code MemorySegment}s, their offsets {@code long},
 * {@code fromArray}/{@code intoArray} become {@code fromMemorySegment}/{@code intoMemorySegment},
 * element reads and writes go through {@code LAYOUT_F64}, and each method gains the suffix
 * {@code SegF64} (calls between them follow; the F32 rewrite makes it SegF32).
 * A type written {@code /*wide*&#47;double} stays double (accumulators); a line ending in
 * {@code //F32: text} becomes {@code text} in the twin.
 *
 * <p>Run {@code java runtime/src/test/java/dev/pel/runtime/twins/TwinGenerator.java} from the
 * top of the repository to regenerate; each module's {@code TwinsUpToDateTest} fails when a twin
 * is stale.
 */
public final class TwinGenerator {
    static final String FILE_MARKER = "// @twin-file";
    static final String BEGIN = "// @twin-begin F64";
    static final String GENERATED = "// @twin-generated F32 from the F64 region above by TwinGenerator: do not edit";
    static final String END = "// @twin-end";
    static final String SEG_BEGIN = "// @segment-begin";
    static final String SEG_GENERATED = "// @segment-generated from the array loops above by TwinGenerator: do not edit";
    static final String SEG_END = "// @segment-end";
    private static final String OVERRIDE = "//F32:";
    private static final String WIDE = "/*wide*/";

    private static final Map<Pattern, String> RULES = new LinkedHashMap<>();

    static {
        rule("\\bDoubleVector\\b", "FloatVector");
        rule("\\bDoubleArray\\b", "FloatArray");
        rule("(?<!/\\*wide\\*/)\\bdouble\\b", "float");
        rule("(?<!/\\*wide\\*/)\\bDouble\\b", "Float");
        rule("\\bJAVA_DOUBLE\\b", "JAVA_FLOAT");
        rule("\\bOfDouble\\b", "OfFloat");
        rule("\\b(\\w*)F64\\b", "$1F32");
        rule("\\bf64\\b", "f32");
        rule("(?<![\\w.])(\\d+\\.\\d*(?:[eE][+-]?\\d+)?|\\d+[eE][+-]?\\d+)(?![fFdD\\w.])", "$1f");
    }

    private static void rule(String regex, String replacement) {
        RULES.put(Pattern.compile(regex), replacement);
    }

    private TwinGenerator() {
    }

    public static void main(String[] args) throws IOException {
        List<Path> roots = new ArrayList<>();
        if (args.length == 0) {
            for (String module : List.of("runtime", "kernels", "bench")) {
                for (String set : List.of("main", "test")) {
                    roots.add(Path.of(module, "src", set, "java"));
                }
            }
        } else {
            for (String a : args) {
                roots.add(Path.of(a));
            }
        }
        for (Path root : roots) {
            for (Map.Entry<Path, String> e : expected(root).entrySet()) {
                String current = Files.exists(e.getKey()) ? Files.readString(e.getKey()) : null;
                if (!e.getValue().equals(current)) {
                    Files.writeString(e.getKey(), e.getValue());
                    System.out.println("regenerated " + e.getKey());
                }
            }
        }
    }

    /** Files under {@code root} whose generated content is not what is on disk. */
    public static List<Path> stale(Path root) {
        List<Path> out = new ArrayList<>();
        try {
            for (Map.Entry<Path, String> e : expected(root).entrySet()) {
                String current = Files.exists(e.getKey()) ? Files.readString(e.getKey()) : null;
                if (!e.getValue().equals(current)) {
                    out.add(e.getKey());
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out;
    }

    /** Twin sources found under {@code root} (for tests proving the check saw something). */
    public static int sourcesUnder(Path root) throws IOException {
        return expected(root).size();
    }

    /** What every generated file (or file with generated regions) under root should contain. */
    static Map<Path, String> expected(Path root) throws IOException {
        Map<Path, String> out = new LinkedHashMap<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        for (Path file : files) {
            String text = Files.readString(file);
            if (text.startsWith(FILE_MARKER)) {
                String name = file.getFileName().toString();
                Path target = file.resolveSibling(translate(name));
                String body = text.substring(text.indexOf('\n') + 1);
                out.put(target, "// Generated from " + name + " by TwinGenerator: do not edit.\n" + translateBlock(body));
            } else if (text.contains(BEGIN)) {
                out.put(file, regenerateRegions(file, regenerateSegments(file, text)));
            }
        }
        return out;
    }

    static String regenerateRegions(Path file, String text) {
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < lines.length) {
            String line = lines[i];
            if (!line.trim().equals(BEGIN)) {
                out.append(line).append(i < lines.length - 1 ? "\n" : "");
                i++;
                continue;
            }
            String indent = line.substring(0, line.indexOf('/'));
            List<String> region = new ArrayList<>();
            out.append(line).append('\n');
            i++;
            while (i < lines.length && !lines[i].trim().equals(END)) {
                region.add(lines[i]);
                out.append(lines[i]).append('\n');
                i++;
            }
            if (i == lines.length) {
                throw new IllegalStateException(file + ": " + BEGIN + " without " + END);
            }
            out.append(lines[i]).append('\n'); // the source region's end marker
            i++;
            // Drop an existing generated region, whatever it holds.
            int j = i;
            while (j < lines.length && lines[j].isBlank()) {
                j++;
            }
            if (j < lines.length && lines[j].trim().startsWith("// @twin-generated")) {
                j++;
                while (j < lines.length && !lines[j].trim().equals(END)) {
                    j++;
                }
                i = j + 1;
            }
            out.append(indent).append(GENERATED).append('\n');
            out.append(translateBlock(String.join("\n", region))).append('\n');
            out.append(indent).append(END);
            out.append(i < lines.length ? "\n" : "");
        }
        return out.toString();
    }

    static String regenerateSegments(Path file, String text) {
        if (!text.contains(SEG_BEGIN)) {
            return text;
        }
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < lines.length) {
            String line = lines[i];
            if (!line.trim().equals(SEG_BEGIN)) {
                out.append(line).append(i < lines.length - 1 ? "\n" : "");
                i++;
                continue;
            }
            String indent = line.substring(0, line.indexOf('/'));
            List<String> region = new ArrayList<>();
            out.append(line).append('\n');
            i++;
            while (i < lines.length && !lines[i].trim().equals(SEG_END)) {
                region.add(lines[i]);
                out.append(lines[i]).append('\n');
                i++;
            }
            if (i == lines.length) {
                throw new IllegalStateException(file + ": " + SEG_BEGIN + " without " + SEG_END);
            }
            out.append(lines[i]).append('\n');
            i++;
            int j = i;
            while (j < lines.length && lines[j].isBlank()) {
                j++;
            }
            if (j < lines.length && lines[j].trim().startsWith("// @segment-generated")) {
                j++;
                while (j < lines.length && !lines[j].trim().equals(SEG_END)) {
                    j++;
                }
                i = j + 1;
            }
            out.append(indent).append(SEG_GENERATED).append('\n');
            out.append(toSegments(String.join("\n", region))).append('\n');
            out.append(indent).append(SEG_END);
            out.append(i < lines.length ? "\n" : "");
        }
        return out.toString();
    }

    private static final String OPERAND = "(x|y|z|o)";

    /** The off-heap twin of array loops (see the class comment). */
    static String toSegments(String block) {
        java.util.Set<String> methods = new java.util.LinkedHashSet<>();
        Matcher def = Pattern.compile("private static [^(=]*?\\b(\\w+)\\(").matcher(block);
        while (def.find()) {
            methods.add(def.group(1));
        }
        String s = block;
        s = s.replaceAll("\\bdouble\\[\\] " + OPERAND + "\\b", "MemorySegment $1");
        s = s.replaceAll("\\bint (xo|yo|zo|oo)\\b", "long $1");
        s = s.replaceAll("DoubleVector\\.fromArray\\(s, " + OPERAND + ", ([^()]+)\\)",
                "DoubleVector.fromMemorySegment(s, $1, ($2) * (long) Double.BYTES, NATIVE_ORDER)");
        s = s.replaceAll("\\.intoArray\\(" + OPERAND + ", ([^()]+)\\)", ".intoMemorySegment($1, ($2) * (long) Double.BYTES, NATIVE_ORDER)");
        s = s.replaceAll("(?m)\\b" + OPERAND + "\\[([^\\[\\]]+)\\] = (.+);$", "$1.setAtIndex(LAYOUT_F64, $2, $3);");
        s = s.replaceAll("\\b" + OPERAND + "\\[([^\\[\\]]+)\\]", "$1.getAtIndex(LAYOUT_F64, $2)");
        for (String m : methods) {
            s = s.replaceAll("\\b" + m + "\\(", m + "SegF64(");
        }
        return s;
    }

    static String translateBlock(String block) {
        String[] lines = block.split("\n", -1);
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < lines.length; k++) {
            out.append(translateLine(lines[k]));
            if (k < lines.length - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    static String translateLine(String line) {
        int marker = line.indexOf(OVERRIDE);
        if (marker >= 0) {
            int indent = 0;
            while (indent < line.length() && Character.isWhitespace(line.charAt(indent))) {
                indent++;
            }
            return line.substring(0, indent) + line.substring(marker + OVERRIDE.length()).trim();
        }
        return translate(line);
    }

    static String translate(String text) {
        String s = text;
        for (Map.Entry<Pattern, String> r : RULES.entrySet()) {
            Matcher m = r.getKey().matcher(s);
            s = m.replaceAll(r.getValue());
        }
        return s;
    }
}
