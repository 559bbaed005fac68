package io.gyre.air.internal.data;

import java.util.Arrays;

/** An open-addressing map from long keys to values: no boxing on the per-record hot path. */
public final class LongMap<V> {
  private long[] keys;
  private Object[] values;
  private boolean[] used;
  private int size;
  private int mask;

  public LongMap(int expected) {
    int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    keys = new long[capacity];
    values = new Object[capacity];
    used = new boolean[capacity];
    mask = capacity - 1;
  }

  private static int spread(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }

  @SuppressWarnings("unchecked")
  public V get(long key) {
    int i = spread(key) & mask;
    while (used[i]) {
      if (keys[i] == key) {
        return (V) values[i];
      }
      i = (i + 1) & mask;
    }
    return null;
  }

  public boolean containsKey(long key) {
    int i = spread(key) & mask;
    while (used[i]) {
      if (keys[i] == key) {
        return true;
      }
      i = (i + 1) & mask;
    }
    return false;
  }

  /** Puts unless present; returns true when it was added. */
  public boolean putIfAbsent(long key, V value) {
    return put(key, value, false);
  }

  public void put(long key, V value) {
    put(key, value, true);
  }

  private boolean put(long key, V value, boolean replace) {
    int i = spread(key) & mask;
    while (used[i]) {
      if (keys[i] == key) {
        if (replace) {
          values[i] = value;
        }
        return false;
      }
      i = (i + 1) & mask;
    }
    used[i] = true;
    keys[i] = key;
    values[i] = value;
    if (++size * 2 > keys.length) {
      grow();
    }
    return true;
  }

  private void grow() {
    long[] oldKeys = keys;
    Object[] oldValues = values;
    boolean[] oldUsed = used;
    int capacity = oldKeys.length * 2;
    keys = new long[capacity];
    values = new Object[capacity];
    used = new boolean[capacity];
    mask = capacity - 1;
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldUsed[i]) {
        put(oldKeys[i], castValue(oldValues[i]), true);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private V castValue(Object value) {
    return (V) value;
  }

  public int size() {
    return size;
  }

  @Override
  public String toString() {
    return "LongMap(" + size + " of " + Arrays.toString(new int[] {keys.length}) + ")";
  }
}
