package io.gyre.identity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.junit.jupiter.api.Test;

class HotKeysTest {
  private static List<KeyBytes> keys(int count, long seed) {
    Random random = new Random(seed);
    List<KeyBytes> keys = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      byte[] secret = new byte[32];
      random.nextBytes(secret);
      byte[] publicKey = new byte[32];
      Ed25519.generatePublicKey(secret, 0, publicKey, 0);
      keys.add(new KeyBytes(publicKey));
    }
    return keys;
  }

  @Test
  void aKeyGetsItsTableOnlyAtTheThreshold() {
    HotKeys hotKeys = new HotKeys(3, 8);
    KeyBytes key = keys(1, 1).get(0);
    hotKeys.recordSuccess(key);
    hotKeys.recordSuccess(key);
    assertTrue(hotKeys.lookup(key).isEmpty());
    assertEquals(0, hotKeys.tablesBuilt());
    hotKeys.recordSuccess(key);
    assertTrue(hotKeys.lookup(key).isPresent());
    assertEquals(1, hotKeys.tablesBuilt());
    assertEquals(1, hotKeys.hits());
  }

  @Test
  void theCacheNeverHoldsMoreThanItsCapacityAndEvictsTheLeastRecentlyUsed() {
    HotKeys hotKeys = new HotKeys(1, 3);
    List<KeyBytes> keys = keys(6, 2);
    for (int i = 0; i < 3; i++) {
      hotKeys.recordSuccess(keys.get(i));
    }
    assertEquals(3, hotKeys.size());
    hotKeys.lookup(keys.get(0)); // key 1 is now the least recently used
    hotKeys.recordSuccess(keys.get(3));
    assertEquals(3, hotKeys.size());
    assertTrue(hotKeys.isHot(keys.get(0)));
    assertFalse(hotKeys.isHot(keys.get(1)));
    assertTrue(hotKeys.isHot(keys.get(3)));
    for (int i = 4; i < 6; i++) {
      hotKeys.recordSuccess(keys.get(i));
      assertEquals(3, hotKeys.size());
    }
    assertEquals(6, hotKeys.tablesBuilt());
  }

  @Test
  void successCountsAreBoundedToo() {
    HotKeys hotKeys = new HotKeys(2, 1);
    List<KeyBytes> keys = keys(5, 3);
    // each key seen once: the counts are cleared at 4 x capacity, so the first key starts again
    for (KeyBytes key : keys) {
      hotKeys.recordSuccess(key);
    }
    hotKeys.recordSuccess(keys.get(0));
    assertFalse(hotKeys.isHot(keys.get(0)));
    hotKeys.recordSuccess(keys.get(0));
    assertTrue(hotKeys.isHot(keys.get(0)));
  }

  @Test
  void concurrentUseStaysBounded() throws Exception {
    HotKeys hotKeys = new HotKeys(2, 4);
    List<KeyBytes> keys = keys(12, 4);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int thread = 0; thread < 4; thread++) {
        int offset = thread;
        futures.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 60; i++) {
                    KeyBytes key = keys.get((i + offset) % keys.size());
                    if (hotKeys.lookup(key).isEmpty()) {
                      hotKeys.recordSuccess(key);
                    }
                    assertTrue(hotKeys.size() <= 4);
                  }
                }));
      }
      for (Future<?> future : futures) {
        future.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertTrue(hotKeys.size() <= 4);
    assertTrue(hotKeys.tablesBuilt() >= 4);
  }

  @Test
  void tableBuildsAreRateLimited() {
    long[] now = {0};
    HotKeys hotKeys = new HotKeys(1, 64, () -> now[0]);
    List<KeyBytes> keys = keys(HotKeys.BUILD_BURST + 2, 5);
    for (int i = 0; i < HotKeys.BUILD_BURST; i++) {
      hotKeys.recordSuccess(keys.get(i));
    }
    assertEquals(HotKeys.BUILD_BURST, hotKeys.tablesBuilt());
    KeyBytes late = keys.get(HotKeys.BUILD_BURST);
    hotKeys.recordSuccess(late);
    assertFalse(hotKeys.isHot(late), "the burst is spent");
    now[0] += (long) (1e9 / HotKeys.BUILDS_PER_SECOND); // one build's worth of time
    hotKeys.recordSuccess(late);
    assertTrue(hotKeys.isHot(late));
    KeyBytes later = keys.get(HotKeys.BUILD_BURST + 1);
    hotKeys.recordSuccess(later);
    assertFalse(hotKeys.isHot(later));
    assertEquals(HotKeys.BUILD_BURST + 1, hotKeys.tablesBuilt());
  }

  @Test
  void nonsenseSettingsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new HotKeys(0, 4));
    assertThrows(IllegalArgumentException.class, () -> new HotKeys(3, 0));
  }
}
