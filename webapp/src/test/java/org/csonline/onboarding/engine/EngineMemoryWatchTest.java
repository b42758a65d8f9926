package org.csonline.onboarding.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import org.junit.jupiter.api.Test;

class EngineMemoryWatchTest {

    @Test
    void defaultsToHalfAMebibytePerJourneyAndWarnsAtSeventyPercent() {
        EngineMemoryProperties defaults = new EngineMemoryProperties(0, 0);
        assertThat(defaults.bytesPerJourney()).isEqualTo(512 * 1024);
        assertThat(defaults.warnAtShare()).isEqualTo(0.7);
        assertThat(new EngineMemoryWatch(defaults).journeysHeld(1024L * 1024 * 1024)).isEqualTo(2048);
    }

    @Test
    void setsTheCollectionThresholdOfTheLongLivedHeapAndRemovesItsListenerOnClose() throws Exception {
        EngineMemoryWatch watch = new EngineMemoryWatch(new EngineMemoryProperties(512 * 1024, 0.8));
        watch.afterPropertiesSet();
        try {
            MemoryPoolMXBean longLived = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isCollectionUsageThresholdSupported()
                            && pool.getUsage().getMax() > 0 && !pool.getName().toLowerCase().contains("eden")
                            && !pool.getName().toLowerCase().contains("survivor"))
                    .findFirst().orElseThrow();
            assertThat(longLived.getCollectionUsageThreshold())
                    .isEqualTo((long) (longLived.getUsage().getMax() * 0.8));
        } finally {
            watch.destroy();
        }
    }
}
