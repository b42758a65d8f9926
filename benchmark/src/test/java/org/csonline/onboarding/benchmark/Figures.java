package org.csonline.onboarding.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * What the measured phase saw, for the one-line summary: each page as the user waits for it (the request and its
 * redirects), each code from the request that asked for it to its arrival in the outbox, and when each journey
 * ended. Warm-up journeys are never recorded here.
 */
final class Figures {

    private final Map<String, ConcurrentLinkedQueue<Long>> pages = new ConcurrentHashMap<>();
    private final Map<String, ConcurrentLinkedQueue<Long>> deliveries = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Long> journeyEnds = new ConcurrentLinkedQueue<>();
    private final AtomicLong failedJourneys = new AtomicLong();
    private volatile long measuredFrom;

    void startMeasuring() {
        measuredFrom = System.currentTimeMillis();
    }

    long measuredFrom() {
        return measuredFrom;
    }

    void page(String name, long millis) {
        pages.computeIfAbsent(name, n -> new ConcurrentLinkedQueue<>()).add(millis);
    }

    void delivery(String name, long millis) {
        deliveries.computeIfAbsent(name, n -> new ConcurrentLinkedQueue<>()).add(millis);
    }

    void journeyEnded(boolean ok) {
        if (ok) {
            journeyEnds.add(System.currentTimeMillis());
        } else {
            failedJourneys.incrementAndGet();
        }
    }

    long journeys() {
        return journeyEnds.size();
    }

    long failedJourneys() {
        return failedJourneys.get();
    }

    /** Journeys per second over the measured window, from its start to the last journey's end. */
    double journeysPerSecond(long windowEnd) {
        double seconds = (windowEnd - measuredFrom) / 1000.0;
        return seconds <= 0 ? 0 : journeyEnds.size() / seconds;
    }

    /**
     * Journeys per second in consecutive blocks of {@code block} journeys (by end time), so a decline with history
     * shows: the first block is timed from the start of measuring.
     */
    List<Double> ratePerBlock(int block) {
        List<Long> ends = new ArrayList<>(journeyEnds);
        Collections.sort(ends);
        List<Double> rates = new ArrayList<>();
        long from = measuredFrom;
        for (int i = block - 1; i < ends.size(); i += block) {
            rates.add(block / ((ends.get(i) - from) / 1000.0));
            from = ends.get(i);
        }
        return rates;
    }

    static String percentiles(Iterable<Long> values) {
        List<Long> sorted = new ArrayList<>();
        values.forEach(sorted::add);
        Collections.sort(sorted);
        return at(sorted, 0.50) + "/" + at(sorted, 0.95) + "/" + at(sorted, 0.99);
    }

    private static long at(List<Long> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return -1;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
    }

    String pagePercentiles() {
        return byName(pages);
    }

    String deliveryPercentiles() {
        return byName(deliveries);
    }

    String allPagesPercentiles() {
        List<Long> all = new ArrayList<>();
        pages.values().forEach(all::addAll);
        return percentiles(all);
    }

    /** The page with the highest p99, as "name p99". */
    String worstPage() {
        return pages.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), p99(e.getValue())))
                .max(Map.Entry.comparingByValue())
                .map(e -> "`" + e.getKey() + "` " + e.getValue())
                .orElse("-");
    }

    private static long p99(Iterable<Long> values) {
        List<Long> sorted = new ArrayList<>();
        values.forEach(sorted::add);
        Collections.sort(sorted);
        return at(sorted, 0.99);
    }

    private static String byName(Map<String, ConcurrentLinkedQueue<Long>> figures) {
        return new TreeMap<>(figures).entrySet().stream()
                .map(e -> e.getKey() + " " + percentiles(e.getValue()))
                .collect(Collectors.joining(", "));
    }
}
