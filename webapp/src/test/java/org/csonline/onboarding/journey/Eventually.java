package org.csonline.onboarding.journey;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** Waits for something the process does in the background, failing with what was awaited. */
final class Eventually {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Eventually() {
    }

    static <T> T value(String description, Supplier<Optional<T>> probe) {
        return value(description, TIMEOUT, probe);
    }

    /** For waits on the engine's own schedule (job timeouts, timers), which a busy machine can stretch. */
    static <T> T value(String description, Duration timeout, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for " + description);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
