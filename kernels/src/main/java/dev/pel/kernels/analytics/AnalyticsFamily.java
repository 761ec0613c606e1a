package dev.pel.kernels.analytics;

import dev.pel.kernels.spi.AnalyticsSet;
import dev.pel.kernels.spi.KernelFamily;
import dev.pel.runtime.DType;
import dev.pel.runtime.cpu.ScalarBackend;
import dev.pel.runtime.cpu.SimdBackend;
import dev.pel.runtime.opencl.OpenClBackend;
import dev.pel.runtime.spi.Backend;

/** Maps each backend to its analytics kernels ({@link AnalyticsSet}): the one place that knows which exist. */
public final class AnalyticsFamily {
    private AnalyticsFamily() {
    }

    /** The analytics kernels as a family, for the {@code Analytics} facade. */
    public static final KernelFamily<AnalyticsSet> ANALYTICS = new KernelFamily<>("analytics kernels") {
        @Override
        public boolean supports(Backend backend, DType dtype) {
            if (backend instanceof ScalarBackend || backend instanceof SimdBackend) {
                return true;
            }
            if (backend instanceof OpenClBackend cl) {
                return dtype == DType.F32 || cl.info().fp64();
            }
            return false;
        }

        @Override
        public String whyNot(Backend backend, DType dtype) {
            if (!supports(backend, dtype) && backend instanceof OpenClBackend cl) {
                return cl.name() + " (" + cl.info().name() + ") has no cl_khr_fp64: double kernels are declined";
            }
            return super.whyNot(backend, dtype);
        }

        @Override
        protected AnalyticsSet create(Backend backend) {
            return switch (backend) {
                case ScalarBackend s -> ScalarAnalytics.INSTANCE;
                case SimdBackend simd -> new SimdAnalytics(simd);
                case OpenClBackend cl -> new OpenClAnalytics(cl);
                default -> throw new IllegalArgumentException("backend: no analytics kernels for " + backend.name());
            };
        }
    };
}
