package org.csonline.onboarding.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryNotificationInfo;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * The embedded engine keeps every onboarding it ran in memory until the app stops, so the local profile holds a limited
 * number of journeys. Says at start how many the heap holds, and warns, well before the heap runs out, each time what
 * is still in use after a garbage collection passes a share of the heap (the long-lived pool's collection-usage
 * threshold, measured by the JVM itself, so no polling).
 */
class EngineMemoryWatch implements InitializingBean, DisposableBean, NotificationListener {

    private static final Logger log = LoggerFactory.getLogger(EngineMemoryWatch.class);

    private final EngineMemoryProperties properties;
    private final List<MemoryPoolMXBean> watched;

    EngineMemoryWatch(EngineMemoryProperties properties) {
        this.properties = properties;
        // the pools that hold what survives collections (tenured / old gen); young pools have no collection threshold
        this.watched = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isCollectionUsageThresholdSupported()
                        && pool.getUsage().getMax() > 0)
                .filter(pool -> !pool.getName().toLowerCase().contains("eden")
                        && !pool.getName().toLowerCase().contains("survivor"))
                .toList();
    }

    @Override
    public void afterPropertiesSet() {
        long maxHeap = Runtime.getRuntime().maxMemory();
        log.info("Local profile: the embedded engine keeps every onboarding in memory until the app stops. This heap "
                        + "({} MiB) holds about {} whole journeys (about {} KiB each); restart the app to start empty, or "
                        + "give it more heap with -Xmx.",
                maxHeap >> 20, journeysHeld(maxHeap), properties.bytesPerJourney() >> 10);
        for (MemoryPoolMXBean pool : watched) {
            pool.setCollectionUsageThreshold((long) (pool.getUsage().getMax() * properties.warnAtShare()));
        }
        ((NotificationEmitter) ManagementFactory.getMemoryMXBean()).addNotificationListener(this, null, null);
    }

    long journeysHeld(long bytes) {
        return bytes / properties.bytesPerJourney();
    }

    @Override
    public void handleNotification(Notification notification, Object handback) {
        if (!MemoryNotificationInfo.MEMORY_COLLECTION_THRESHOLD_EXCEEDED.equals(notification.getType())) {
            return;
        }
        Runtime runtime = Runtime.getRuntime();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long free = runtime.maxMemory() - heap.getUsed();
        log.warn("Local profile: {}% of the heap is still in use after a garbage collection ({} of {} MiB), mostly the "
                        + "embedded engine's record of every onboarding so far. About {} more journeys fit before the app "
                        + "runs out of memory: restart it to start empty (local data is lost), or give it more heap with "
                        + "-Xmx. For real use, run the camunda profile.",
                heap.getUsed() * 100 / runtime.maxMemory(), heap.getUsed() >> 20, runtime.maxMemory() >> 20,
                journeysHeld(Math.max(0, free)));
    }

    @Override
    public void destroy() throws Exception {
        ((NotificationEmitter) ManagementFactory.getMemoryMXBean()).removeNotificationListener(this);
    }
}
