package io.gyre.identity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyPairTest {

  /** The ids the real js-client derives for the corpus's seed names (oracle README). */
  @ParameterizedTest
  @CsvSource({
    "init, 12D3KooWKQnPXzfPQ7UA2wvWtVVJyUurezdi8Nu5cyhJxLJzE8Xz",
    "relay, 12D3KooWSMDFN5DeFADosuV7UEwjHWQv1ioLEUqgzjGjxYQzxFX6",
    "alice, 12D3KooWQCkBm1BYtkHpocxCwMgR8yjitEeHGx8spzcDLGt2gkBm",
    "bob, 12D3KooWRkZhiRhsqmrQ28rt73K7V3aCBpqKrLGSXmZ99PTcTZby"
  })
  void seedNamesGiveTheOraclesPeerIds(String name, String expectedId) {
    assertEquals(expectedId, KeyPair.fromSeedName(name).peerId().base58());
  }

  @Test
  void peerIdRoundTripsThroughItsText() {
    KeyPair key = KeyPair.fromSeedName("carol");
    PeerId parsed = PeerId.parse(key.peerId().base58()).orElseThrow();
    assertArrayEquals(key.publicKey(), parsed.publicKey());
  }

  @Test
  void textThatIsNotAPeerIdDoesNotParse() {
    assertTrue(PeerId.parse("not-a-peer-id").isEmpty());
    assertTrue(PeerId.parse("3yZe7d").isEmpty());
  }

  @Test
  void signatureVerifiesAndTamperingBreaksIt() {
    KeyPair key = KeyPair.fromSeedName("alice");
    byte[] message = "particle".getBytes(StandardCharsets.UTF_8);
    byte[] signature = key.sign(message);
    assertTrue(KeyPair.verify(key.publicKey(), message, signature));
    message[0] ^= 1;
    assertFalse(KeyPair.verify(key.publicKey(), message, signature));
    assertFalse(
        KeyPair.verify(
            KeyPair.fromSeedName("bob").publicKey(),
            "particle".getBytes(StandardCharsets.UTF_8),
            signature));
  }

  @Test
  void verifyingTheSameKeyAgainStillChecksEverySignature() {
    KeyPair key = KeyPair.fromSeedName("alice");
    byte[] first = "first".getBytes(StandardCharsets.UTF_8);
    byte[] second = "second".getBytes(StandardCharsets.UTF_8);
    byte[] firstSignature = key.sign(first);
    assertTrue(KeyPair.verify(key.publicKey(), first, firstSignature));
    // the key is decoded by now: a signature of another message must still fail
    assertFalse(KeyPair.verify(key.publicKey(), second, firstSignature));
    assertTrue(KeyPair.verify(key.publicKey(), second, key.sign(second)));
  }

  @Test
  void aKeyThatIsNotACurvePointVerifiesNothing() {
    byte[] notAPoint = new byte[32];
    java.util.Arrays.fill(notAPoint, (byte) 0xFF);
    byte[] message = "particle".getBytes(StandardCharsets.UTF_8);
    assertFalse(KeyPair.verify(notAPoint, message, new byte[64]));
    assertFalse(KeyPair.verify(notAPoint, message, KeyPair.fromSeedName("bob").sign(message)));
  }

  @Test
  void base58RoundTripsLeadingZeros() {
    byte[] bytes = {0, 0, 1, 2, (byte) 255};
    assertArrayEquals(bytes, Base58.decode(Base58.encode(bytes)));
  }
}
