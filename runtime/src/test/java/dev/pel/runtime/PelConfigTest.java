package dev.pel.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code pel.*} settings: system property over environment variable over default, and their validation. */
class PelConfigTest {

    private static PelConfig from(Map<String, String> properties, Map<String, String> env) {
        return PelConfig.from(properties::get, env);
    }

    private static PelConfig fromProperties(String... keyValues) {
        Map<String, String> p = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            p.put(keyValues[i], keyValues[i + 1]);
        }
        return from(p, Map.of());
    }

    @Test
    void nothingSetGivesTheDefaults() {
        PelConfig c = from(Map.of(), Map.of());
        assertEquals(PelConfig.AUTO, c.backend());
        assertTrue(c.isAuto());
        assertFalse(c.strict());
        assertEquals(Runtime.getRuntime().availableProcessors(), c.threads());
        assertEquals(PelConfig.MODEL, c.parallelMinBytes(), "the cost model chooses thread counts");
        assertEquals(PelConfig.defaultCacheDir(), c.cacheDir());
        assertEquals(c, PelConfig.builder().build());
    }

    @Test
    void everyPropertyIsRead() {
        PelConfig c = fromProperties("pel.backend", " cpu-scalar ", "pel.strict", "true", "pel.threads", "3",
                "pel.dispatch.parallelMinBytes", " 4096 ", "pel.cache.dir", "/tmp/pel-cache");
        assertEquals("cpu-scalar", c.backend());
        assertFalse(c.isAuto());
        assertTrue(c.strict());
        assertEquals(3, c.threads());
        assertEquals(4096, c.parallelMinBytes());
        assertEquals(Path.of("/tmp/pel-cache"), c.cacheDir());
    }

    @Test
    void environmentVariablesApplyWhereNoPropertyIsSet() {
        Map<String, String> env = Map.of("PEL_BACKEND", "cpu-simd", "PEL_STRICT", "yes", "PEL_THREADS", "5",
                "PEL_DISPATCH_PARALLEL_MIN_BYTES", "0", "PEL_CACHE_DIR", "/var/cache/pel");
        PelConfig c = from(Map.of(), env);
        assertEquals("cpu-simd", c.backend());
        assertTrue(c.strict());
        assertEquals(5, c.threads());
        assertEquals(0, c.parallelMinBytes());
        assertEquals(Path.of("/var/cache/pel"), c.cacheDir());

        PelConfig both = from(Map.of("pel.threads", "2", "pel.strict", "off"), env);
        assertEquals(2, both.threads(), "the property wins over the environment");
        assertFalse(both.strict());
        assertEquals("cpu-simd", both.backend(), "unset properties still fall back to the environment");
    }

    @Test
    void blankBackendAndCacheDirMeanTheDefault() {
        PelConfig c = fromProperties("pel.backend", "  ", "pel.cache.dir", "");
        assertTrue(c.isAuto());
        assertEquals(PelConfig.defaultCacheDir(), c.cacheDir());
        assertTrue(fromProperties("pel.backend", "AUTO").isAuto(), "auto is case-insensitive");
    }

    @ParameterizedTest
    @CsvSource({"true,true", "TRUE,true", "1,true", "yes,true", " on ,true", "false,false", "0,false", "no,false", "off,false",
        "'',false"})
    void strictAcceptsTheUsualBooleanSpellings(String text, boolean expected) {
        assertEquals(expected, fromProperties("pel.strict", text).strict());
    }

    @ParameterizedTest
    @CsvSource({"pel.strict,maybe", "pel.threads,two", "pel.threads,1.5", "pel.dispatch.parallelMinBytes,10k",
        "pel.dispatch.parallelMinBytes,''"})
    void unparsableValuesNameTheProperty(String property, String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fromProperties(property, value));
        assertTrue(e.getMessage().startsWith(property + ":"), e.getMessage());
        assertTrue(e.getMessage().contains("'" + value + "'"), "the message quotes the bad value: " + e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"pel.threads,0,threads", "pel.threads,-2,threads",
        "pel.dispatch.parallelMinBytes,-2,parallelMinBytes"})
    void outOfRangeValuesAreRejected(String property, String value, String component) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fromProperties(property, value));
        assertTrue(e.getMessage().startsWith(component + ":"), e.getMessage());
    }

    /** A thread count that does not fit an int must be an error, not silently wrap to another count. */
    @ParameterizedTest
    @ValueSource(strings = {"4294967297", "4294967298", "2147483648", "-4294967295"})
    void threadCountsBeyondAnIntAreRejected(String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fromProperties("pel.threads", value),
                "pel.threads=" + value + " was accepted as " + safeThreads(value));
        assertTrue(e.getMessage().contains("threads"), e.getMessage());
    }

    private static String safeThreads(String value) {
        try {
            return Integer.toString(fromProperties("pel.threads", value).threads());
        } catch (RuntimeException e) {
            return e.toString();
        }
    }

    @Test
    void reproducibleIsOffByDefaultAndReadFromItsProperty() {
        assertFalse(PelConfig.builder().build().reproducible());
        assertTrue(fromProperties("pel.reproducible", "true").reproducible());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fromProperties("pel.reproducible", "sometimes"));
        assertTrue(e.getMessage().startsWith("pel.reproducible:"), e.getMessage());
    }

    @Test
    void calibrationIsReadFromItsPropertyAndVariable() {
        assertFalse(fromProperties("pel.dispatch.calibrate", "false").calibrate());
        assertTrue(fromProperties("pel.dispatch.calibrate", "true").calibrate());
        assertFalse(from(Map.of(), Map.of("PEL_DISPATCH_CALIBRATE", "no")).calibrate());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fromProperties("pel.dispatch.calibrate", "soon"));
        assertTrue(e.getMessage().startsWith("pel.dispatch.calibrate:"), e.getMessage());
    }

    @Test
    void toBuilderRoundTripsEveryField() {
        PelConfig c = PelConfig.builder().backend("cpu-simd").strict(true).threads(7).parallelMinBytes(9).calibrate(false)
                .cacheDir(Path.of("/x")).reproducible(true).build();
        assertEquals(c, c.toBuilder().build());
        assertEquals("cpu-scalar", c.toBuilder().backend("cpu-scalar").build().backend());
        assertEquals(7, c.toBuilder().backend("cpu-scalar").build().threads());
    }

    @Test
    void builderRejectsNulls() {
        assertThrows(NullPointerException.class, () -> PelConfig.builder().backend(null));
        assertThrows(NullPointerException.class, () -> PelConfig.builder().cacheDir(null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PelConfig.builder().threads(0).build());
        assertTrue(e.getMessage().startsWith("threads:"), e.getMessage());
    }

    @Test
    void dtypesParseByLabelOrName() {
        assertEquals(DType.F32, DType.parse("f32"));
        assertEquals(DType.F64, DType.parse("F64"));
        assertEquals(4, DType.F32.bytes());
        assertEquals(8, DType.F64.bytes());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DType.parse("f16"));
        assertTrue(e.getMessage().startsWith("dtype:") && e.getMessage().contains("f16"), e.getMessage());
    }
}
