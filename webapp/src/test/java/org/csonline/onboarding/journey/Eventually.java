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
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + TIMEOUT.toSeconds() + " s waiting for " + description);
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
