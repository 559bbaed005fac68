package io.gyre.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gyre.identity.internal.HotKeys;
import io.gyre.identity.internal.KeyBytes;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.junit.jupiter.api.Test;

/**
 * KeyPair.verify takes the table path for a key after its third success, with the same verdicts.
 */
class KeyPairHotKeyTest {
  private static final KeyPair HOT = KeyPair.fromSeedName("hot-key-test");

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aKeyTurnsHotAfterThreeSuccessesAndFailuresDoNotCount() {
    KeyPair key = KeyPair.generate();
    KeyBytes keyBytes = new KeyBytes(key.publicKey());
    HotKeys hotKeys = KeyPair.hotKeys();
    byte[] message = bytes("particle");
    byte[] signature = key.sign(message);
    byte[] forged = signature.clone();
    forged[5] ^= 1;
    for (int i = 0; i < 5; i++) {
      assertFalse(KeyPair.verify(key.publicKey(), message, forged));
    }
    assertTrue(KeyPair.verify(key.publicKey(), message, signature));
    assertTrue(KeyPair.verify(key.publicKey(), message, signature));
    assertFalse(hotKeys.isHot(keyBytes), "two successes and five failures: no table yet");
    assertTrue(KeyPair.verify(key.publicKey(), message, signature));
    assertTrue(hotKeys.isHot(keyBytes));

    long hits = hotKeys.hits();
    assertTrue(KeyPair.verify(key.publicKey(), message, signature));
    assertFalse(KeyPair.verify(key.publicKey(), message, forged));
    assertFalse(KeyPair.verify(key.publicKey(), bytes("other"), signature));
    assertEquals(hits + 3, hotKeys.hits(), "the three checks took the table path");
  }

  @Test
  void aSmallOrderKeyNeverTurnsHot() {
    byte[] identity = new byte[32];
    identity[0] = 1;
    byte[] signature = new byte[64];
    signature[0] = 1; // R = identity, S = 0: [0]B - [k]O = R would hold for a small-order key
    for (int i = 0; i < 5; i++) {
      assertFalse(KeyPair.verify(identity, new byte[0], signature));
    }
    assertFalse(KeyPair.hotKeys().isHot(new KeyBytes(identity)));
  }

  @Property(tries = 300)
  void theTablePathAgreesWithBouncyCastleOnTamperedSignatures(
      @ForAll byte[] message, @ForAll @IntRange(max = 511) int bit, @ForAll boolean tamper) {
    byte[] publicKey = HOT.publicKey();
    byte[] signature = HOT.sign(message);
    for (int i = 0; i < HotKeys.DEFAULT_THRESHOLD; i++) {
      KeyPair.verify(publicKey, message, signature);
    }
    assertTrue(KeyPair.hotKeys().isHot(new KeyBytes(publicKey)));
    if (tamper) {
      signature[bit >>> 3] ^= (byte) (1 << (bit & 7));
    }
    long hits = KeyPair.hotKeys().hits();
    boolean verdict = KeyPair.verify(publicKey, message, signature);
    assertEquals(hits + 1, KeyPair.hotKeys().hits(), "took the table path");
    assertEquals(Ed25519.verify(signature, 0, publicKey, 0, message, 0, message.length), verdict);
    assertEquals(!tamper, verdict);
  }
}
