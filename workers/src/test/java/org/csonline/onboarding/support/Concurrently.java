package org.csonline.onboarding.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/** Runs actions on many threads released at the same moment, as requests arriving together would. */
public final class Concurrently {

    private static final int THREADS = 8;

    private Concurrently() {
    }

    /** Runs {@code action} for 0 to {@code times - 1}, all started at once; fails on the first error (60 s at most). */
    public static void run(int times, IntConsumer action) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < times; i++) {
                int n = i;
                done.add(pool.submit(() -> {
                    start.await();
                    action.accept(n);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
