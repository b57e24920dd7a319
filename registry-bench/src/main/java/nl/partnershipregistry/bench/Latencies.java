package nl.partnershipregistry.bench;

import java.util.Arrays;
import java.util.Locale;

/** Round-trip times of one kind of request, recorded from several threads. */
final class Latencies {

  private long[] nanos = new long[1024];
  private int size;

  synchronized void add(long elapsedNanos) {
    if (size == nanos.length) {
      nanos = Arrays.copyOf(nanos, size * 2);
    }
    nanos[size++] = elapsedNanos;
  }

  /** All the times of the given ones, as one set. */
  static Latencies pooled(Latencies... parts) {
    Latencies all = new Latencies();
    for (Latencies part : parts) {
      synchronized (part) {
        for (int i = 0; i < part.size; i++) {
          all.add(part.nanos[i]);
        }
      }
    }
    return all;
  }

  synchronized int count() {
    return size;
  }

  /** The {@code percent} percentile in milliseconds (nearest rank), or NaN without any. */
  synchronized double percentile(double percent) {
    if (size == 0) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOf(nanos, size);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(percent / 100 * size);
    return sorted[Math.max(0, rank - 1)] / 1e6;
  }

  String describe() {
    return String.format(
        Locale.ROOT,
        "p50 %.1f ms, p99 %.1f ms, max %.1f ms (%,d answers)",
        percentile(50),
        percentile(99),
        percentile(100),
        count());
  }
}
