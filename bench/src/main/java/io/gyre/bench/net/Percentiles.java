package io.gyre.bench.net;

import java.util.Arrays;
import java.util.List;

/** p50, p99 and mean of a list of durations in nanoseconds, printed in microseconds. */
public record Percentiles(
    String name, int samples, double p50Micros, double p99Micros, double meanMicros) {
  public static Percentiles of(String name, List<Long> nanos) {
    long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    return new Percentiles(
        name,
        sorted.length,
        at(sorted, 0.50) / 1000.0,
        at(sorted, 0.99) / 1000.0,
        Arrays.stream(sorted).average().orElse(0) / 1000.0);
  }

  private static long at(long[] sorted, double quantile) {
    int index = (int) Math.ceil(quantile * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  public String row() {
    return String.format(
        "| %s | %d | %.0f | %.0f | %.0f |", name, samples, p50Micros, p99Micros, meanMicros);
  }
}
