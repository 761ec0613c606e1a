package dev.pel.runtime.cpu;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;

/**
 * The runtime's own bounded pool of daemon worker threads (never the common ForkJoinPool, which
 * user code may saturate). A parallel call runs on the calling thread plus up to
 * {@code threads - 1} workers, all taking task indices from one counter, so a slow participant
 * simply takes fewer tasks.
 *
 * <p>Why not a {@code ForkJoinPool}: waking a parked thread costs tens of microseconds on virtual
 * machines (measured 15-30 us here), which made two threads slower than one up to 1M elements.
 * Workers therefore spin for {@link #DEFAULT_SPIN_NANOS} after each job before parking, as OpenMP
 * runtimes do, so back-to-back calls find them awake; past the first {@link #SPIN_BEFORE_YIELD_NANOS}
 * a spinning thread yields its CPU between checks, so it never holds up a thread that shares it.
 *
 * <p>One call at a time uses the workers; a concurrent or nested call runs all its tasks on its
 * own thread instead of waiting (same result: callers split work in fixed blocks). A worker that
 * has not joined a job by the time the caller has taken the last task is not waited for: when the
 * other core is busy with another process, the caller simply does all the work itself instead of
 * waiting a scheduler time slice for a helper.
 */
public final class WorkerPool implements AutoCloseable {
    /** How long an idle worker spins before parking. */
    public static final long DEFAULT_SPIN_NANOS = 100_000;
    /**
     * How long a waiting thread spins without giving up its CPU; past this it yields between checks. A spinner that
     * keeps its CPU starves the thread it waits for wherever both share one (a busy machine: the JIT's compiler thread
     * or another process on the other core). With the other core of a 2-core VM taken, eight tasks of 2048 floats on
     * two threads took 31 us spinning and 20 us yielding, of 128 floats 3.1 and 1.4 us ({@code WorkerPoolBenchmark});
     * with both cores free the two were alike.
     */
    static final long SPIN_BEFORE_YIELD_NANOS = 5_000;

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final Worker[] workers;
    private final ReentrantLock busy = new ReentrantLock();
    private final long spinNanos;
    private volatile boolean closed;

    public WorkerPool(int threads) {
        this(threads, DEFAULT_SPIN_NANOS);
    }

    public WorkerPool(int threads, long spinNanos) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads: must be >= 1, was " + threads);
        }
        this.spinNanos = spinNanos;
        this.workers = new Worker[threads - 1];
        int pool = POOLS.incrementAndGet();
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Worker("pel-worker-" + pool + "-" + (i + 1));
            workers[i].thread.start();
        }
    }

    /** The most tasks that run at once (the calling thread included). */
    public int threads() {
        return workers.length + 1;
    }

    /**
     * Runs {@code task.accept(i)} for every i in [0, tasks) and returns when all have finished.
     * The first failure is rethrown after every task has ended.
     */
    public void run(int tasks, IntConsumer task) {
        if (closed) {
            throw new IllegalStateException("worker pool is closed");
        }
        if (tasks <= 0) {
            return;
        }
        if (tasks == 1 || workers.length == 0 || !busy.tryLock()) {
            Job job = new Job(task, tasks, Thread.currentThread());
            job.work();
            job.rethrow();
            return;
        }
        try {
            int helpers = Math.min(tasks - 1, workers.length);
            Job job = new Job(task, tasks, Thread.currentThread());
            for (int w = 0; w < helpers; w++) {
                workers[w].submit(job);
            }
            job.work();
            job.closeAndAwait(spinNanos);
            job.rethrow();
        } finally {
            busy.unlock();
        }
    }

    public boolean isClosed() {
        return closed;
    }

    /** Stops the workers; a call in progress completes first. Idempotent. */
    @Override
    public void close() {
        closed = true;
        for (Worker w : workers) {
            LockSupport.unpark(w.thread);
        }
    }

    /** One turn of a wait that has lasted {@code waitedNanos}: a spin at first, then a yield of the CPU. */
    private static void spin(long waitedNanos) {
        if (waitedNanos < SPIN_BEFORE_YIELD_NANOS) {
            Thread.onSpinWait();
        } else {
            Thread.yield();
        }
    }

    /** One parallel call: tasks handed out by a counter; helpers join, work, and leave. */
    private static final class Job {
        /** Set in {@link #state} once the caller has taken every task: no helper may join after. */
        private static final int CLOSED = 1 << 30;

        private final IntConsumer task;
        private final int tasks;
        private final AtomicInteger next = new AtomicInteger();
        /** CLOSED bit plus the number of helpers currently inside the job. */
        private final AtomicInteger state = new AtomicInteger();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private final Thread caller;

        Job(IntConsumer task, int tasks, Thread caller) {
            this.task = task;
            this.tasks = tasks;
            this.caller = caller;
        }

        void work() {
            for (int i = next.getAndIncrement(); i < tasks; i = next.getAndIncrement()) {
                try {
                    task.accept(i);
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            }
        }

        /** A helper enters; false when the caller has already closed the job. */
        boolean join() {
            int s = state.updateAndGet(v -> (v & CLOSED) != 0 ? v : v + 1);
            return (s & CLOSED) == 0;
        }

        void leave() {
            if (state.decrementAndGet() == CLOSED) {
                LockSupport.unpark(caller);
            }
        }

        /** Called by the caller after its own work: close the job, then wait for helpers inside it. */
        void closeAndAwait(long spinNanos) {
            state.updateAndGet(v -> v | CLOSED);
            long start = System.nanoTime();
            while (state.get() != CLOSED) {
                long waited = System.nanoTime() - start;
                if (waited < spinNanos) {
                    spin(waited);
                } else {
                    LockSupport.parkNanos(this, 50_000);
                }
            }
        }

        void rethrow() {
            Throwable t = failure.get();
            if (t instanceof RuntimeException r) {
                throw r;
            }
            if (t instanceof Error e) {
                throw e;
            }
            if (t != null) {
                throw new IllegalStateException(t);
            }
        }
    }

    private final class Worker implements Runnable {
        private final Thread thread;
        /** The job handed to this worker; taken with getAndSet so a newer one is never wiped out. */
        private final AtomicReference<Job> slot = new AtomicReference<>();

        Worker(String name) {
            this.thread = new Thread(this, name);
            thread.setDaemon(true);
        }

        void submit(Job j) {
            slot.set(j);
            LockSupport.unpark(thread);
        }

        @Override
        public void run() {
            while (!closed) {
                Job j = awaitJob();
                if (j == null) {
                    return;
                }
                if (j.join()) {
                    j.work();
                    j.leave();
                }
            }
        }

        private Job awaitJob() {
            long start = System.nanoTime();
            Job j;
            while ((j = slot.get() == null ? null : slot.getAndSet(null)) == null) {
                if (closed) {
                    return null;
                }
                long waited = System.nanoTime() - start;
                if (waited < spinNanos) {
                    spin(waited);
                } else {
                    LockSupport.park(this);
                }
            }
            return j;
        }
    }
}
