package dev.pel.runtime.twins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TwinsUpToDateTest {
    @Test
    void generatedTwinsMatchTheirSources() throws IOException {
        Path root = Path.of("src/main/java");
        assertTrue(TwinGenerator.sourcesUnder(root) > 0, "no twin sources found under " + root.toAbsolutePath());
        assertEquals(List.of(), TwinGenerator.stale(root),
                "stale F32 twins: run 'java runtime/src/test/java/dev/pel/runtime/twins/TwinGenerator.java' from the repository root");
    }

    @Test
    void rewritesTypesLiteralsAndOverrides() {
        assertEquals("float x = 0.5f; FloatVector v; FooF32 f; /*wide*/double acc;",
                TwinGenerator.translateLine("double x = 0.5; DoubleVector v; FooF64 f; /*wide*/double acc;"));
        assertEquals("    float t = 0x1p-40f;", TwinGenerator.translateLine("    double t = 0x1p-480; //F32: float t = 0x1p-40f;"));
        assertEquals("version 3.0.4 and 1e-3f", TwinGenerator.translate("version 3.0.4 and 1e-3"));
    }
}
