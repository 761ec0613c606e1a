package dev.pel.runtime.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignalChainingTest {
    private static final String JVM = """
            55ccc52a4000-55ccc52a5000 r--p 00000000 08:01 1234 /usr/lib/jvm/jdk/bin/java
            7f55b3000000-7f55b4500000 r-xp 00000000 08:01 1235 /usr/lib/jvm/jdk/lib/server/libjvm.so
            7f554215c000-7f554215d000 r-xp 00000000 08:01 1236 /usr/lib/x86_64-linux-gnu/libLLVM-15.so.1
            7ffe7264b000-7ffe7266c000 rw-p 00000000 00:00 0 [stack]
            """;

    @Test
    void libjsigInTheMemoryMapMeansChained() {
        assertFalse(SignalChaining.chained(JVM));
        assertTrue(SignalChaining.chained(JVM + "7f55b4b00000-7f55b4b01000 r-xp 00000000 08:01 1237 /usr/lib/jvm/jdk/lib/libjsig.so\n"));
        assertFalse(SignalChaining.chained(JVM + "7f55b4b00000-7f55b4b01000 r-xp 00000000 08:01 1238 /opt/libjsigma/libfoo.so\n"),
                "a directory named like the library is not the library");
        assertFalse(SignalChaining.chained(""));
    }

    @Test
    void adviceNamesThisJvmsLibrary() {
        String advice = SignalChaining.advice();
        assertTrue(advice.contains("LD_PRELOAD=" + Path.of(System.getProperty("java.home"), "lib", "libjsig.so")), advice);
    }

    /** The build's test runs preload libjsig (pom.xml): without it a PoCL program build can crash the test JVM. */
    @Test
    void thisTestJvmHasItsSignalsChained() {
        Path lib = Path.of(System.getProperty("java.home"), "lib", "libjsig.so");
        Optional<Boolean> chained = SignalChaining.current();
        assumeTrue(chained.isPresent(), "no /proc/self/maps: not Linux, chaining cannot be told");
        assumeTrue(Files.exists(lib), "this JDK has no " + lib);
        assertEquals(Optional.of(true), chained, "LD_PRELOAD=" + System.getenv("LD_PRELOAD"));
    }
}
