package dev.pel.runtime.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pel.runtime.DType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The persisted model: written atomically, read back exactly, and never trusted when it is not ours. */
class ModelStoreTest {
    @TempDir
    Path dir;

    private static final Rates RATES = new Rates(62.5, 101.25, 6.5, 1 << 20, 24.4, 8);

    private ModelStore store() {
        return new ModelStore(dir, "pel test; 2 cores; cpu: details");
    }

    private void saveOne() throws IOException {
        store().save(Map.of("cpu-simd x1", RATES),
                List.of(new CostModel.Learned("dot", DType.F32, "cpu-simd x1", 12, 1.25f, 40)));
    }

    @Test
    void whatIsSavedIsLoaded() throws IOException {
        assertNull(store().load(), "nothing saved yet");
        saveOne();
        ModelStore.Contents c = store().load();
        assertNotNull(c);
        Rates r = c.rates().get("cpu-simd x1");
        assertEquals(RATES.launchNs(), r.launchNs(), 1e-3);
        assertEquals(RATES.cacheBytesPerNs(), r.cacheBytesPerNs(), 1e-3);
        assertEquals(RATES.cacheBytes(), r.cacheBytes());
        float[] learned = c.learned().get(new ModelStore.LearnedKey("dot", DType.F32, "cpu-simd x1", 12));
        assertEquals(1.25f, learned[0], 1e-4);
        assertEquals(40, learned[1]);
        try (var files = Files.list(dir)) {
            assertEquals(List.of(store().file()), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void anotherIdentityUsesAnotherFileAndIgnoresOurs() throws IOException {
        saveOne();
        ModelStore other = new ModelStore(dir, "pel test; 4 cores; cpu: details");
        assertTrue(!other.file().equals(store().file()));
        assertNull(other.load());
        Files.copy(store().file(), other.file());
        assertNull(other.load(), "a file copied from another machine is recognised as foreign and ignored");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "garbage \u0000\u0001 not properties",
        "format=2\nidentity=pel test; 2 cores; cpu: details\n",
        "format=1\nidentity=pel test; 2 cores; cpu: details\nrates.cpu-simd\\ x1=1,2,3\n",
        "format=1\nidentity=pel test; 2 cores; cpu: details\nrates.cpu-simd\\ x1=NaN,2,3,4,5,6\n",
        "format=1\nidentity=pel test; 2 cores; cpu: details\nrates.cpu-simd\\ x1=-1,2,3,4,5,6\n",
        "format=1\nidentity=pel test; 2 cores; cpu: details\nrates.cpu-simd\\ x1=1,0,3,4,5,6\n",
        "format=1\nidentity=pel test; 2 cores; cpu: details\nlearned.dot|F32|cpu-simd x1|99=1.0,3\n",
        "format=1\nidentity=pel test; 2 cores; cpu: details\nlearned.dot|F16|cpu-simd x1|9=1.0,3\n",
        "format=1\nidentity=pel test; 2 cores; cpu: details\nlearned.dot|F32|cpu-simd x1|9=-1.0,3\n",
        "format=1\nidentity=pel test; 2 cores; cpu: details\nsomething.else=1\n",
        "format=1\nidentity=pel test; 2 cores; cpu: details\nrates.cpu-simd\\ x1=1,2,3,4,5,"})
    void aCorruptFileIsIgnored(String text) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(store().file(), text);
        assertNull(store().load(), text);
    }

    @Test
    void aDispatcherStartsFromTheStoredRatesAndRecalibratesWhenTheFileIsBad() throws IOException {
        CostModelTest.FakeBackend cpu = new CostModelTest.FakeBackend("cpu", 1, true, true);
        ModelStore s = new ModelStore(dir, AdaptiveDispatcher.identity(dev.pel.runtime.hw.Hardware.detect(), List.of(cpu)));
        s.save(Map.of("cpu x1", RATES), List.of());
        AdaptiveDispatcher d = new AdaptiveDispatcher(List.of(cpu), List.of(), s, -1);
        assertEquals(RATES, d.model().rates(0));
        assertTrue(d.describe(cpu).getFirst().contains("calibrated earlier"), d.describe(cpu).toString());

        Files.writeString(s.file(), "format=1\nidentity=someone else\n");
        AdaptiveDispatcher fresh = new AdaptiveDispatcher(List.of(cpu), List.of(), s, -1);
        assertNull(fresh.model().rates(0), "nothing from a foreign file is used");
        assertEquals(1, Long.bitCount(fresh.usable(1)), "the backend gets rates again on first use");
        assertTrue(fresh.describe(cpu).getFirst().contains("prior guess (not measured"), fresh.describe(cpu).toString());
    }
}
