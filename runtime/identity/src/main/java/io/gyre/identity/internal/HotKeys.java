package io.gyre.identity.internal;

import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * The public keys that verify often, each with its {@link HotKey} table. Thread-safe.
 *
 * <p>A table costs about seven BouncyCastle verifications to build (1.5 ms on the 2-core bench
 * machine) and 98 KB to keep, so a key earns one only after {@code threshold} successful
 * verifications (a forged signature or a key seen once costs nothing), and at most {@code capacity}
 * tables are kept, the least recently used evicted first. The success counts themselves are
 * bounded: cleared when they reach four times the capacity, which only delays a key's table. Builds
 * are rate-limited too: someone who signs with ever new keys could otherwise make a peer build a
 * table (7 verifications' worth) for every 3 signatures; a key refused a build simply counts again
 * from zero.
 */
public final class HotKeys {
  /**
   * Three successes: a cluster's peers and steady clients pass it within their first particles,
   * while one-off keys (a client's single call) never do.
   */
  public static final int DEFAULT_THRESHOLD = 3;

  /**
   * 256 tables, at most 25 MB: far more keys than a cluster's peers plus its busy clients; a rarer
   * key falls back to BouncyCastle's verify, which is only slower.
   */
  public static final int DEFAULT_CAPACITY = 256;

  /**
   * A burst of 16 builds (a cluster starting: its peers and first clients), then 4 a second: under
   * attack under one percent of one core goes to building tables.
   */
  static final int BUILD_BURST = 16;

  static final double BUILDS_PER_SECOND = 4;

  private final int threshold;
  private final int capacity;
  private final ConcurrentHashMap<KeyBytes, AtomicInteger> successes = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<KeyBytes, Entry> tables = new ConcurrentHashMap<>();
  private final AtomicLong clock = new AtomicLong();
  private final LongAdder hits = new LongAdder();
  private final LongAdder built = new LongAdder();
  private final LongSupplier nanoTime;
  private double buildTokens = BUILD_BURST;
  private long refilledAt;

  public HotKeys(int threshold, int capacity) {
    this(threshold, capacity, System::nanoTime);
  }

  HotKeys(int threshold, int capacity, LongSupplier nanoTime) {
    if (threshold < 1 || capacity < 1) {
      throw new IllegalArgumentException(
          "threshold and capacity must be positive: " + threshold + ", " + capacity);
    }
    this.threshold = threshold;
    this.capacity = capacity;
    this.nanoTime = nanoTime;
    this.refilledAt = nanoTime.getAsLong();
  }

  public static HotKeys withDefaults() {
    return new HotKeys(DEFAULT_THRESHOLD, DEFAULT_CAPACITY);
  }

  /** The key's table when it has one (and marks it used). */
  public Optional<HotKey> lookup(KeyBytes key) {
    Entry entry = tables.get(key);
    if (entry == null) {
      return Optional.empty();
    }
    entry.lastUsed = clock.incrementAndGet();
    hits.increment();
    return Optional.of(entry.hotKey);
  }

  /**
   * Counts a successful verification of {@code key} by other means; the key gets its table on
   * reaching the threshold. Only call it for keys that passed full validation.
   */
  public void recordSuccess(KeyBytes key) {
    if (successes.size() >= 4 * capacity) {
      successes.clear();
    }
    int count = successes.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    if (count == threshold) {
      successes.remove(key);
      // built outside any lock: only the thread that reached the threshold builds
      if (mayBuild()) {
        HotKey.build(key).ifPresent(this::insert);
      }
    }
  }

  /** Lookups that found a table: verifications that took the fast path. */
  public long hits() {
    return hits.sum();
  }

  /** Tables built so far. */
  public long tablesBuilt() {
    return built.sum();
  }

  /** Tables kept now. */
  public int size() {
    return tables.size();
  }

  public boolean isHot(KeyBytes key) {
    return tables.containsKey(key);
  }

  /** Forgets every table and count and refills the build budget: a fresh start. */
  public synchronized void clear() {
    tables.clear();
    successes.clear();
    buildTokens = BUILD_BURST;
    refilledAt = nanoTime.getAsLong();
  }

  /** A token bucket: BUILD_BURST tokens, refilled at BUILDS_PER_SECOND. */
  private synchronized boolean mayBuild() {
    long now = nanoTime.getAsLong();
    buildTokens = Math.min(BUILD_BURST, buildTokens + (now - refilledAt) * BUILDS_PER_SECOND / 1e9);
    refilledAt = now;
    if (buildTokens < 1) {
      return false;
    }
    buildTokens--;
    return true;
  }

  private synchronized void insert(HotKey hotKey) {
    if (tables.containsKey(hotKey.key())) {
      return;
    }
    while (tables.size() >= capacity) {
      tables.entrySet().stream()
          .min(Comparator.comparingLong(e -> e.getValue().lastUsed))
          .map(Map.Entry::getKey)
          .ifPresent(tables::remove);
    }
    tables.put(hotKey.key(), new Entry(hotKey, clock.incrementAndGet()));
    built.increment();
  }

  private static final class Entry {
    final HotKey hotKey;
    volatile long lastUsed;

    Entry(HotKey hotKey, long lastUsed) {
      this.hotKey = hotKey;
      this.lastUsed = lastUsed;
    }
  }
}
