package dev.pel.kernels.analytics;

import dev.pel.kernels.spi.AnalyticsSet;
import dev.pel.kernels.spi.KernelFamily;

/** Maps each backend to its analytics kernels ({@link AnalyticsSet}): the one place that knows which exist. */
public final class AnalyticsFamily {
    private AnalyticsFamily() {
    }

    /** The analytics kernels as a family, for the {@code Analytics} facade. */
    public static final KernelFamily<AnalyticsSet> ANALYTICS = KernelFamily.onEveryBackend("analytics kernels",
            ScalarAnalytics.INSTANCE, SimdAnalytics::new, OpenClAnalytics::new);
}
