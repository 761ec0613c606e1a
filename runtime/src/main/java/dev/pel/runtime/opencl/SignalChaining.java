package dev.pel.runtime.opencl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether the JVM's signal handlers are chained, so that a native library that installs its own cannot
 * displace them. OpenCL drivers built on LLVM (PoCL among them, and many GPU drivers) install handlers for
 * SIGSEGV and others when they compile a program; HotSpot takes SIGSEGV in normal operation (safepoint polls,
 * implicit null checks), so those signals then reach LLVM's handler first, which restores the previous handlers
 * while other threads fault: {@code pel demo} on PoCL 3.1 (LLVM 15) died with SIGSEGV, and no hs_err file, in
 * about one run of eight with an empty program cache (two threads at one safepoint poll, one of them inside
 * LLVM's handler).
 * The JDK's remedy is {@code libjsig}, preloaded ({@code LD_PRELOAD=$JAVA_HOME/lib/libjsig.so}): it keeps the
 * JVM's handlers installed and calls the library's for signals the JVM does not claim.
 */
public final class SignalChaining {
    private SignalChaining() {
    }

    /** Whether a process's memory map ({@code /proc/self/maps}) shows libjsig loaded. */
    static boolean chained(String maps) {
        for (String line : maps.split("\n")) {
            String file = line.substring(line.lastIndexOf('/') + 1);
            if (line.contains("/") && file.startsWith("libjsig.")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether this JVM's signals are chained: known on Linux (from its memory map), empty elsewhere.
     *
     * @throws UncheckedIOException when the memory map exists but cannot be read
     */
    public static Optional<Boolean> current() {
        Path maps = Path.of("/proc/self/maps");
        if (!Files.exists(maps)) {
            return Optional.empty();
        }
        try {
            return Optional.of(chained(Files.readString(maps)));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + maps + ": " + e.getMessage(), e);
        }
    }

    /** What to do about unchained signals: the library to preload, for this JVM. */
    public static String advice() {
        return "the JVM's signal handlers are not chained, and an LLVM-based OpenCL driver (PoCL, many GPU drivers)"
                + " that compiles a program replaces them, which can crash the JVM with SIGSEGV; start it with LD_PRELOAD="
                + Path.of(System.getProperty("java.home"), "lib", "libjsig.so") + " (the pel launcher does)";
    }
}
