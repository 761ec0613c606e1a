package dev.pel.runtime.cpu;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * The runtime's own bounded pool of daemon worker threads (never the common ForkJoinPool, which
 * user code may saturate). A parallel call hands tasks 1..k-1 to the pool and runs task 0 on the
 * calling thread, so a two-way split costs one hand-off, not two. Work stealing comes from the
 * underlying {@link ForkJoinPool}.
 */
public final class WorkerPool implements AutoCloseable {
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final ForkJoinPool pool;
    private final int threads;

    public WorkerPool(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads: must be >= 1, was " + threads);
        }
        this.threads = threads;
        int id = POOLS.incrementAndGet();
        AtomicInteger count = new AtomicInteger();
        ForkJoinPool.ForkJoinWorkerThreadFactory factory = p -> {
            ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
            t.setName("pel-worker-" + id + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.pool = new ForkJoinPool(threads, factory, null, false);
    }

    /** The most tasks that run at once (the calling thread included). */
    public int threads() {
        return threads;
    }

    /**
     * Runs {@code task.accept(i)} for every i in [0, tasks) and returns when all have finished.
     * The first failure is rethrown (unchecked) after every task has ended.
     */
    public void run(int tasks, IntConsumer task) {
        if (tasks <= 1) {
            if (tasks == 1) {
                task.accept(0);
            }
            return;
        }
        if (pool.isShutdown()) {
            throw new IllegalStateException("worker pool is closed");
        }
        @SuppressWarnings("unchecked")
        ForkJoinTask<?>[] forked = new ForkJoinTask<?>[tasks - 1];
        for (int i = 1; i < tasks; i++) {
            final int index = i;
            forked[i - 1] = pool.submit(() -> task.accept(index));
        }
        RuntimeException failure = null;
        try {
            task.accept(0);
        } catch (RuntimeException | Error e) {
            failure = wrap(e);
        }
        for (ForkJoinTask<?> f : forked) {
            try {
                f.get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = wrap(e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                if (failure == null) {
                    failure = new IllegalStateException("interrupted while waiting for pel workers", e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static RuntimeException wrap(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }

    public boolean isClosed() {
        return pool.isShutdown();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
