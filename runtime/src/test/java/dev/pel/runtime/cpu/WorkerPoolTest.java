package dev.pel.runtime.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The CPU worker pool: every task exactly once, failures after every task ended, closed pools refuse work. */
class WorkerPoolTest {

    @ParameterizedTest(name = "threads={0} tasks={1}")
    @CsvSource({"1,0", "1,1", "1,7", "2,1", "2,2", "2,3", "2,100", "3,2", "3,1000", "4,4"})
    void runsEveryTaskExactlyOnce(int threads, int tasks) {
        try (WorkerPool pool = new WorkerPool(threads)) {
            assertEquals(threads, pool.threads());
            for (int round = 0; round < 20; round++) { // back-to-back calls, as kernels make them
                AtomicIntegerArray runs = new AtomicIntegerArray(Math.max(tasks, 1));
                pool.run(tasks, i -> runs.incrementAndGet(i));
                for (int i = 0; i < tasks; i++) {
                    assertEquals(1, runs.get(i), "task " + i + " of " + tasks + " in round " + round);
                }
            }
        }
    }

    @Test
    void workersAreNamedDaemonThreadsAndTheCallerWorksToo() throws InterruptedException {
        try (WorkerPool pool = new WorkerPool(2)) {
            Set<Thread> seen = ConcurrentHashMap.newKeySet();
            CountDownLatch both = new CountDownLatch(2);
            // two tasks that wait for each other can only finish if two threads run them at once
            pool.run(2, i -> {
                seen.add(Thread.currentThread());
                both.countDown();
                try {
                    both.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            assertEquals(0, both.getCount(), "a two-thread pool ran two tasks at once");
            assertTrue(seen.contains(Thread.currentThread()), "the calling thread takes tasks");
            for (Thread t : seen) {
                if (t != Thread.currentThread()) {
                    assertTrue(t.isDaemon(), t.getName());
                    assertTrue(t.getName().startsWith("pel-worker-"), t.getName());
                }
            }
        }
    }

    @Test
    void aFailureIsRethrownAfterEveryOtherTaskEnded() {
        try (WorkerPool pool = new WorkerPool(2)) {
            AtomicInteger finished = new AtomicInteger();
            IllegalArgumentException boom = new IllegalArgumentException("task 3 failed");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pool.run(16, i -> {
                if (i == 3) {
                    throw boom;
                }
                sleep(2);
                finished.incrementAndGet();
            }));
            assertSame(boom, e);
            assertEquals(15, finished.get(), "every other task ran to the end before the failure was rethrown");
        }
    }

    @Test
    void onlyOneOfSeveralFailuresIsRethrown() {
        try (WorkerPool pool = new WorkerPool(3)) {
            List<RuntimeException> thrown = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                thrown.add(new IllegalStateException("task " + i));
            }
            RuntimeException e = assertThrows(RuntimeException.class, () -> pool.run(8, i -> {
                throw thrown.get(i);
            }));
            assertTrue(thrown.contains(e), "one of the tasks' own exceptions: " + e);
        }
    }

    @Test
    void errorsPropagateAndCheckedExceptionsAreWrapped() {
        try (WorkerPool pool = new WorkerPool(2)) {
            AssertionError error = new AssertionError("inside a task");
            AtomicInteger finished = new AtomicInteger();
            AssertionError e = assertThrows(AssertionError.class, () -> pool.run(6, i -> {
                if (i == 0) {
                    throw error;
                }
                sleep(20);
                finished.incrementAndGet();
            }));
            assertSame(error, e);
            assertEquals(5, finished.get(), "an Error too is rethrown only after every task ended");

            Exception checked = new java.io.IOException("disk");
            IllegalStateException w = assertThrows(IllegalStateException.class, () -> pool.run(2, i -> sneakyThrow(checked)));
            assertSame(checked, w.getCause());
            pool.run(4, i -> { }); // still usable after failures
        }
    }

    @Test
    void nestedAndConcurrentCallsCompleteOnTheirOwnThreads() throws InterruptedException {
        try (WorkerPool pool = new WorkerPool(2)) {
            AtomicIntegerArray runs = new AtomicIntegerArray(4 * 5);
            pool.run(4, outer -> pool.run(5, inner -> runs.incrementAndGet(outer * 5 + inner)));
            for (int i = 0; i < runs.length(); i++) {
                assertEquals(1, runs.get(i), "nested task " + i);
            }
            AtomicIntegerArray a = new AtomicIntegerArray(1000);
            AtomicIntegerArray b = new AtomicIntegerArray(1000);
            Thread other = new Thread(() -> {
                for (int r = 0; r < 50; r++) {
                    final int round = r;
                    pool.run(20, i -> b.incrementAndGet(round * 20 + i));
                }
            });
            other.start();
            for (int r = 0; r < 50; r++) {
                final int round = r;
                pool.run(20, i -> a.incrementAndGet(round * 20 + i));
            }
            other.join();
            for (int i = 0; i < 1000; i++) {
                assertEquals(1, a.get(i), "caller task " + i);
                assertEquals(1, b.get(i), "other thread's task " + i);
            }
        }
    }

    @Test
    void aClosedPoolRefusesWork() {
        WorkerPool pool = new WorkerPool(2);
        pool.close();
        assertTrue(pool.isClosed());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> pool.run(2, i -> { }));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> pool.run(1, i -> { }), "even a call the caller could run alone");
        pool.close(); // idempotent
    }

    @Test
    void threadCountsBelowOneAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new WorkerPool(0));
        assertTrue(e.getMessage().startsWith("threads:"), e.getMessage());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> void sneakyThrow(Throwable t) throws T {
        throw (T) t;
    }
}
