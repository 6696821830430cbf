package dev.warta.bench;

import java.util.Arrays;
import java.util.List;

/**
 * How busy a model endpoint was kept, measured where the calls are served (the {@link OpenAiSimulator}), not in the
 * client. From each call's arrival and answer times:
 * <ul>
 *   <li><b>window</b>: from the first call's arrival to the last call's answer: the time the endpoint was in use
 *   for the run (what the issue calls the endpoint-busy time);</li>
 *   <li><b>in flight</b>: the integral of the number of calls in flight over time (the sum of the calls'
 *   durations); divided by the window it is the mean number of calls in flight;</li>
 *   <li><b>idle</b>: time inside the window with no call in flight at all.</li>
 * </ul>
 * With {@code calls} calls of latency {@code L} and {@code C} allowed in flight, no client can finish sooner than
 * the ideal {@code calls × L ÷ C}; {@code window ÷ ideal} is the endpoint-busy ratio, and about {@code C ÷ mean in
 * flight}.
 *
 * @param calls         calls answered
 * @param windowSeconds first arrival to last answer
 * @param inFlightSeconds sum of the calls' durations (arrival to answer sent)
 * @param idleSeconds   time in the window with nothing in flight
 * @param firstArrivalNanos the window's start, on {@link System#nanoTime()}'s clock
 * @param lastAnswerNanos   the window's end, on the same clock
 * @param answeredInSecondHalf calls answered in the window's second half (from its middle to its end): with the
 *                             processor time of that half, the cost of an article once the JIT has warmed up
 */
record EndpointActivity(int calls, double windowSeconds, double inFlightSeconds, double idleSeconds,
                        long firstArrivalNanos, long lastAnswerNanos, int answeredInSecondHalf) {

    static EndpointActivity of(List<long[]> calls) {
        if (calls.isEmpty()) {
            return new EndpointActivity(0, 0, 0, 0, 0, 0, 0);
        }
        long[][] byArrival = calls.toArray(long[][]::new);
        Arrays.sort(byArrival, (a, b) -> Long.compare(a[0], b[0]));
        long first = byArrival[0][0];
        long last = Long.MIN_VALUE;
        long inFlight = 0;
        long idle = 0;
        long coveredUntil = first;
        for (long[] call : byArrival) {
            inFlight += call[1] - call[0];
            if (call[0] > coveredUntil) {
                idle += call[0] - coveredUntil;
            }
            coveredUntil = Math.max(coveredUntil, call[1]);
            last = Math.max(last, call[1]);
        }
        long middle = first + (last - first) / 2;
        int answeredInSecondHalf = (int) calls.stream().filter(call -> call[1] > middle).count();
        return new EndpointActivity(calls.size(), (last - first) / 1e9, inFlight / 1e9, idle / 1e9, first, last,
                answeredInSecondHalf);
    }

    /** The middle of the window, on {@link System#nanoTime()}'s clock. */
    long middleNanos() {
        return firstArrivalNanos + (lastAnswerNanos - firstArrivalNanos) / 2;
    }

    double meanInFlight() {
        return windowSeconds == 0 ? 0 : inFlightSeconds / windowSeconds;
    }

    /** Mean time from a call's arrival to its answer: the latency the simulator actually gave (a busy machine adds). */
    double meanCallSeconds() {
        return calls == 0 ? 0 : inFlightSeconds / calls;
    }
}
