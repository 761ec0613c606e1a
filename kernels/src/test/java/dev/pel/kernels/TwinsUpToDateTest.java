package dev.pel.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pel.runtime.twins.TwinGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The kernels module's F32 twins (main code and test helpers) are what TwinGenerator makes of their F64 sources. */
class TwinsUpToDateTest {
    @ParameterizedTest
    @ValueSource(strings = {"src/main/java", "src/test/java"})
    void generatedTwinsMatchTheirSources(String dir) throws IOException {
        Path root = Path.of(dir);
        assertTrue(TwinGenerator.sourcesUnder(root) > 0, "no twin sources found under " + root.toAbsolutePath());
        assertEquals(List.of(), TwinGenerator.stale(root),
                "stale F32 twins: run 'java runtime/src/test/java/dev/pel/runtime/twins/TwinGenerator.java' from the repository root");
    }
}
