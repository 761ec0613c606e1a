package dev.pel.runtime.dispatch;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * One dispatched call, for JDK Flight Recorder ({@code -XX:StartFlightRecording}, JMC, {@code jfr print
 * --events dev.pel.Call}): what ran where, the model's prediction and the measured time.
 */
@Name("dev.pel.Call")
@Label("Pel Call")
@Category({"Pel", "Dispatch"})
@Description("A kernel call: the backend the dispatcher chose, predicted and measured time")
@StackTrace(false)
public final class CallEvent extends jdk.jfr.Event {
    @Label("Kernel")
    public String kernel;

    @Label("Element Type")
    public String dtype;

    @Label("Elements")
    public long n;

    @Label("Backend")
    public String backend;

    @Label("Threads")
    public int threads;

    @Label("Reason")
    public String reason;

    @Label("Predicted")
    @Timespan(Timespan.NANOSECONDS)
    public long predicted;

    @Label("Measured")
    @Timespan(Timespan.NANOSECONDS)
    public long measured;

    @Label("Bytes Moved")
    @DataAmount
    public long bytes;
}
