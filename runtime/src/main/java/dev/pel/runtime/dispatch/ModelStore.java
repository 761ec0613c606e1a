package dev.pel.runtime.dispatch;

import dev.pel.runtime.DType;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The cost model on disk: one properties file per machine under {@code pel.cache.dir}, named by a
 * fingerprint of the hardware, the backends and the library version, holding each variant's rates
 * and what the model learned per kernel. A file that is missing, unreadable, malformed or written
 * for another fingerprint is ignored (the backends are calibrated again), never trusted.
 */
public final class ModelStore {
    static final int FORMAT = 1;
    private static final System.Logger LOG = System.getLogger("dev.pel.runtime.dispatch");

    private final Path file;
    private final String fingerprint;

    /**
     * @param dir      the cache directory
     * @param identity everything the rates depend on (hardware, backends, library and Java versions)
     */
    public ModelStore(Path dir, String identity) {
        this.fingerprint = identity;
        this.file = dir.resolve("model-" + hash(identity) + ".properties");
    }

    public Path file() {
        return file;
    }

    /** The library version, from the build. */
    public static String libraryVersion() {
        try (InputStream in = ModelStore.class.getResourceAsStream("/dev/pel/runtime/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a file holds: rates by variant key, learned corrections by (kernel, dtype, variant key, bucket). */
    public record Contents(Map<String, Rates> rates, Map<LearnedKey, float[]> learned) {
    }

    /** A learned entry's key. */
    public record LearnedKey(String kernel, DType dtype, String variant, int bucket) {
    }

    /** The stored model, or null (with the reason logged) when there is none to trust. */
    public Contents load() {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return parse(file);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "ignoring the cost model in {0} ({1}); backends are calibrated again", file,
                    e.getMessage());
            return null;
        }
    }

    private Contents parse(Path f) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        if (!String.valueOf(FORMAT).equals(p.getProperty("format"))) {
            throw new IllegalArgumentException("format " + p.getProperty("format") + ", expected " + FORMAT);
        }
        if (!fingerprint.equals(p.getProperty("identity"))) {
            throw new IllegalArgumentException("written for another machine, backend set or library version");
        }
        Map<String, Rates> rates = new LinkedHashMap<>();
        Map<LearnedKey, float[]> learned = new LinkedHashMap<>();
        for (String key : p.stringPropertyNames()) {
            String value = p.getProperty(key);
            if (key.startsWith("rates.")) {
                String[] v = value.split(",");
                if (v.length != 6) {
                    throw new IllegalArgumentException(key + ": 6 values expected, got '" + value + "'");
                }
                rates.put(key.substring(6), new Rates(num(key, v[0]), num(key, v[1]), num(key, v[2]), (long) num(key, v[3]),
                        num(key, v[4]), num(key, v[5])));
            } else if (key.startsWith("learned.")) {
                String[] k = key.substring(8).split("\\|");
                String[] v = value.split(",");
                if (k.length != 4 || v.length != 2) {
                    throw new IllegalArgumentException(key + ": malformed");
                }
                int bucket = Integer.parseInt(k[3]);
                float corr = (float) num(key, v[0]);
                int seen = Integer.parseInt(v[1]);
                if (bucket < 0 || bucket >= CostModel.BUCKETS || !(corr > 0) || seen < 1) {
                    throw new IllegalArgumentException(key + ": out of range: " + value);
                }
                learned.put(new LearnedKey(k[0], DType.valueOf(k[1]), k[2], bucket), new float[] {corr, seen});
            } else if (!key.equals("format") && !key.equals("identity")) {
                throw new IllegalArgumentException("unknown key " + key);
            }
        }
        return new Contents(rates, learned);
    }

    private static double num(String key, String s) {
        double d = Double.parseDouble(s.trim());
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException(key + ": not a finite number: " + s);
        }
        return d;
    }

    /** Writes the model atomically (a reader never sees half a file). */
    public void save(Map<String, Rates> rates, Iterable<CostModel.Learned> learned) throws IOException {
        Map<String, String> out = new TreeMap<>();
        out.put("format", String.valueOf(FORMAT));
        out.put("identity", fingerprint);
        rates.forEach((k, r) -> out.put("rates." + k, String.format(Locale.ROOT, "%.6g,%.6g,%.6g,%d,%.6g,%.6g", r.launchNs(),
                r.cacheBytesPerNs(), r.memoryBytesPerNs(), r.cacheBytes(), r.flopsPerNs(), r.linkBytesPerNs())));
        for (CostModel.Learned l : learned) {
            out.put("learned." + l.kernel() + "|" + l.dtype().name() + "|" + l.variant() + "|" + l.bucket(),
                    String.format(Locale.ROOT, "%.5g,%d", l.correction(), l.observations()));
        }
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            Properties p = new Properties() {
                @Override
                public synchronized java.util.Set<Map.Entry<Object, Object>> entrySet() {
                    // stable order, so the file diffs cleanly
                    java.util.Set<Map.Entry<Object, Object>> s = new java.util.LinkedHashSet<>();
                    out.forEach((k, v) -> s.add(Map.entry(k, v)));
                    return s;
                }
            };
            p.putAll(out);
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "Pel cost model: rates per backend variant and learned corrections (regenerated when deleted)");
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
