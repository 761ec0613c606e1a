package dev.pel.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pel.runtime.twins.TwinGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bench module's F32 twins (Pel calls, peers, operands) are what TwinGenerator makes of their F64 sources. */
class TwinsUpToDateTest {
    @Test
    void generatedTwinsMatchTheirSources() throws IOException {
        Path root = Path.of("src/main/java");
        assertTrue(TwinGenerator.sourcesUnder(root) > 0, "no twin sources found under " + root.toAbsolutePath());
        assertEquals(List.of(), TwinGenerator.stale(root),
                "stale F32 twins: run 'java runtime/src/test/java/dev/pel/runtime/twins/TwinGenerator.java' from the repository root");
    }
}
