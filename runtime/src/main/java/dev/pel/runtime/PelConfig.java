package dev.pel.runtime;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Every {@code pel.*} setting in one place. Each is read from a system property, else from its
 * environment variable, else takes its default; each can also be set in code through
 * {@link #builder()}. The README lists them all.
 *
 * @param backend          {@code pel.backend} / {@code PEL_BACKEND}: {@code auto} (default) or a backend name to force
 * @param strict           {@code pel.strict} / {@code PEL_STRICT}: turn every fallback into an exception
 * @param threads          {@code pel.threads} / {@code PEL_THREADS}: worker threads of the CPU pool (default: cores)
 * @param parallelMinBytes {@code pel.dispatch.parallelMinBytes}: a fixed thread rule instead of the cost model's
 *                         choice: CPU calls that move fewer bytes use one thread, the others all of them;
 *                         {@link #MODEL} (the default) lets the model choose
 * @param cacheDir         {@code pel.cache.dir} / {@code PEL_CACHE_DIR}: where compiled device programs are kept
 *                         (default {@code $XDG_CACHE_HOME/pel}, else {@code ~/.cache/pel})
 * @param calibrate        {@code pel.dispatch.calibrate} / {@code PEL_DISPATCH_CALIBRATE}: measure each backend on first
 *                         use (on a background thread, persisted); false leaves the model on prior rates, which
 *                         learning then corrects (default true, or the property's value)
 * @param reproducible     {@code pel.reproducible} / {@code PEL_REPRODUCIBLE}: refuse, rather than run, reductions on a
 *                         device that cannot follow the CPU's summation order (so results are always the same bits)
 */
public record PelConfig(String backend, boolean strict, int threads, long parallelMinBytes,
        java.nio.file.Path cacheDir, boolean calibrate, boolean reproducible) {

    public static final String AUTO = "auto";

    /** {@code parallelMinBytes} when no fixed rule is set: the cost model chooses thread counts. */
    public static final long MODEL = -1;

    public PelConfig {
        Objects.requireNonNull(backend, "backend");
        if (threads < 1) {
            throw new IllegalArgumentException("threads: must be >= 1, was " + threads);
        }
        if (parallelMinBytes < MODEL) {
            throw new IllegalArgumentException("parallelMinBytes: must be >= 0 (or -1 for the cost model), was " + parallelMinBytes);
        }
        Objects.requireNonNull(cacheDir, "cacheDir");
    }

    /**
     * The cache directory configurations start from: {@code pel.cache.dir} or {@code PEL_CACHE_DIR}
     * when set (so runtimes built in code share the process's cache), else {@code $XDG_CACHE_HOME/pel},
     * else {@code ~/.cache/pel}.
     */
    public static java.nio.file.Path defaultCacheDir() {
        String configured = setting(System::getProperty, System.getenv(), "pel.cache.dir", "PEL_CACHE_DIR");
        if (configured != null && !configured.isBlank()) {
            return java.nio.file.Path.of(configured.trim());
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        java.nio.file.Path base = xdg != null && !xdg.isBlank() ? java.nio.file.Path.of(xdg)
                : java.nio.file.Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("pel");
    }

    /**
     * Whether configurations start out calibrating: {@code pel.dispatch.calibrate} or
     * {@code PEL_DISPATCH_CALIBRATE} when set (so runtimes built in code follow the process's setting), else true.
     */
    public static boolean defaultCalibrate() {
        String configured = setting(System::getProperty, System.getenv(), "pel.dispatch.calibrate", "PEL_DISPATCH_CALIBRATE");
        return configured == null || parseBoolean("pel.dispatch.calibrate", configured);
    }

    /** The configuration from system properties and environment variables. */
    public static PelConfig fromEnvironment() {
        return from(System::getProperty, System.getenv());
    }

    static PelConfig from(Function<String, String> properties, Map<String, String> env) {
        Builder b = builder();
        String backend = setting(properties, env, "pel.backend", "PEL_BACKEND");
        if (backend != null && !backend.isBlank()) {
            b.backend(backend.trim());
        }
        String strict = setting(properties, env, "pel.strict", "PEL_STRICT");
        if (strict != null) {
            b.strict(parseBoolean("pel.strict", strict));
        }
        String threads = setting(properties, env, "pel.threads", "PEL_THREADS");
        if (threads != null) {
            long t = parseLong("pel.threads", threads);
            if (t != (int) t) {
                throw new IllegalArgumentException("pel.threads: must be between 1 and " + Integer.MAX_VALUE + ", was '" + threads.trim()
                        + "'");
            }
            b.threads((int) t);
        }
        String parMin = setting(properties, env, "pel.dispatch.parallelMinBytes", "PEL_DISPATCH_PARALLEL_MIN_BYTES");
        if (parMin != null) {
            b.parallelMinBytes(parseLong("pel.dispatch.parallelMinBytes", parMin));
        }
        String calibrate = setting(properties, env, "pel.dispatch.calibrate", "PEL_DISPATCH_CALIBRATE");
        if (calibrate != null) {
            b.calibrate(parseBoolean("pel.dispatch.calibrate", calibrate));
        }
        String reproducible = setting(properties, env, "pel.reproducible", "PEL_REPRODUCIBLE");
        if (reproducible != null) {
            b.reproducible(parseBoolean("pel.reproducible", reproducible));
        }
        String cache = setting(properties, env, "pel.cache.dir", "PEL_CACHE_DIR");
        if (cache != null && !cache.isBlank()) {
            b.cacheDir(java.nio.file.Path.of(cache.trim()));
        }
        return b.build();
    }

    private static String setting(Function<String, String> properties, Map<String, String> env, String property, String variable) {
        String value = properties.apply(property);
        return value != null ? value : env.get(variable);
    }

    private static boolean parseBoolean(String name, String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off", "" -> false;
            default -> throw new IllegalArgumentException(name + ": expected true or false, was '" + text + "'");
        };
    }

    private static long parseLong(String name, String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": expected a whole number, was '" + text + "'", e);
        }
    }

    public boolean isAuto() {
        return AUTO.equalsIgnoreCase(backend);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().backend(backend).strict(strict).threads(threads)
                .parallelMinBytes(parallelMinBytes).cacheDir(cacheDir).calibrate(calibrate)
                .reproducible(reproducible);
    }

    /** Builds a configuration in code; unset values take their defaults. */
    public static final class Builder {
        private String backend = AUTO;
        private boolean strict;
        private int threads = Runtime.getRuntime().availableProcessors();
        private long parallelMinBytes = MODEL;
        private java.nio.file.Path cacheDir = defaultCacheDir();
        private boolean calibrate = defaultCalibrate();
        private boolean reproducible;

        public Builder backend(String backend) {
            this.backend = Objects.requireNonNull(backend, "backend");
            return this;
        }

        public Builder strict(boolean strict) {
            this.strict = strict;
            return this;
        }

        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        public Builder parallelMinBytes(long parallelMinBytes) {
            this.parallelMinBytes = parallelMinBytes;
            return this;
        }

        public Builder cacheDir(java.nio.file.Path cacheDir) {
            this.cacheDir = Objects.requireNonNull(cacheDir, "cacheDir");
            return this;
        }

        public Builder calibrate(boolean calibrate) {
            this.calibrate = calibrate;
            return this;
        }

        public Builder reproducible(boolean reproducible) {
            this.reproducible = reproducible;
            return this;
        }

        public PelConfig build() {
            return new PelConfig(backend, strict, threads, parallelMinBytes, cacheDir, calibrate, reproducible);
        }
    }
}
