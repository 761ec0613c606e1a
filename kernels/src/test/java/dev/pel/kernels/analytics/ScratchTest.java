package dev.pel.kernels.analytics;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ScratchTest {

    @Test
    void aThreadGetsItsArrayBackUntilItAsksForMore() {
        long[] first = Scratch.KEYS_SWAP.get(1000);
        assertTrue(first.length >= 1000, "length " + first.length);
        assertSame(first, Scratch.KEYS_SWAP.get(10), "a smaller request reuses the array");
        assertSame(first, Scratch.KEYS_SWAP.get(first.length));
        long[] bigger = Scratch.KEYS_SWAP.get(first.length + 1);
        assertNotSame(first, bigger);
        assertTrue(bigger.length > first.length);
        assertSame(bigger, Scratch.KEYS_SWAP.get(1000), "the larger array is kept from then on");
    }

    @Test
    void threadsAndRolesDoNotShare() throws InterruptedException {
        long[] mine = Scratch.KEYS.get(64);
        AtomicReference<long[]> theirs = new AtomicReference<>();
        Thread t = Thread.ofPlatform().start(() -> theirs.set(Scratch.KEYS.get(64)));
        t.join();
        assertNotSame(mine, theirs.get(), "another thread has its own");
        assertNotSame((Object) mine, Scratch.KEYS_SWAP.get(64), "another role has its own");
    }

    @Test
    void anArrayLargerThanTheKeptLimitIsHandedOutButNotKept() {
        Scratch<int[]> role = new Scratch<>(int[]::new, a -> a.length, Integer.BYTES, 400);
        int[] kept = role.get(100);
        assertSame(kept, role.get(100), "400 bytes: kept");
        int[] big = role.get(101);
        assertTrue(big.length >= 101);
        assertNotSame(big, role.get(101), "404 bytes: not kept, a second request allocates again");
        assertTrue(Scratch.MAX_KEPT_BYTES > 0 && Scratch.MAX_KEPT_BYTES < Runtime.getRuntime().maxMemory(),
                "the roles' limit is a part of the heap: " + Scratch.MAX_KEPT_BYTES);
    }
}
