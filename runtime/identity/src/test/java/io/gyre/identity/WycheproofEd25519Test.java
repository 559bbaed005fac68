package io.gyre.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gyre.identity.internal.HotKey;
import io.gyre.identity.internal.KeyBytes;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Project Wycheproof Ed25519 vector through BouncyCastle, through the hot-key table path (the
 * table built for the vector's key) and through {@link KeyPair#verify} with the fast path on and
 * off: each gives the vector's result.
 */
class WycheproofEd25519Test {
  private static final HexFormat HEX = HexFormat.of();

  record Vector(
      int id, String comment, byte[] key, byte[] message, byte[] signature, boolean valid) {
    @Override
    public String toString() {
      return "tcId " + id + (comment.isEmpty() ? "" : " (" + comment + ")");
    }
  }

  static List<Vector> vectors() throws IOException {
    JsonNode root;
    try (InputStream in =
        WycheproofEd25519Test.class.getResourceAsStream("/wycheproof/ed25519_test.json")) {
      root = new ObjectMapper().readTree(in);
    }
    List<Vector> vectors = new ArrayList<>();
    for (JsonNode group : root.get("testGroups")) {
      byte[] key = HEX.parseHex(group.get("publicKey").get("pk").asText());
      for (JsonNode test : group.get("tests")) {
        String result = test.get("result").asText();
        assertTrue(result.equals("valid") || result.equals("invalid"), "no 'acceptable' here");
        vectors.add(
            new Vector(
                test.get("tcId").asInt(),
                test.get("comment").asText(),
                key,
                HEX.parseHex(test.get("msg").asText()),
                HEX.parseHex(test.get("sig").asText()),
                result.equals("valid")));
      }
    }
    assertEquals(root.get("numberOfTests").asInt(), vectors.size(), "every vector read");
    return vectors;
  }

  static Stream<Vector> allVectors() throws IOException {
    return vectors().stream();
  }

  @AfterEach
  void fastPathBackOn() {
    KeyPair.setFastVerify(true);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allVectors")
  void bouncyCastleGivesTheVectorsResult(Vector v) {
    boolean verdict =
        v.signature().length == Ed25519.SIGNATURE_SIZE
            && Ed25519.verify(v.signature(), 0, v.key(), 0, v.message(), 0, v.message().length);
    assertEquals(v.valid(), verdict);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allVectors")
  void theTablePathGivesTheVectorsResult(Vector v) {
    Optional<HotKey> hot = HotKey.build(new KeyBytes(v.key()));
    assertTrue(hot.isPresent(), "every Wycheproof key decodes, so it gets a table");
    boolean verdict =
        v.signature().length == Ed25519.SIGNATURE_SIZE
            && hot.get().verify(v.message(), v.signature());
    assertEquals(v.valid(), verdict);
  }

  @Test
  void keyPairVerifyGivesEveryVectorsResultWithTheFastPathOnAndOff() throws IOException {
    List<Vector> vectors = vectors();
    // On first, then off: switching off drops the tables this test made hot.
    for (boolean fast : new boolean[] {true, false}) {
      KeyPair.setFastVerify(fast);
      // Several rounds, so that keys with valid vectors turn hot (3 successes) while fast is on.
      for (int round = 0; round < 4; round++) {
        for (Vector v : vectors) {
          assertEquals(
              v.valid(),
              KeyPair.verify(v.key(), v.message(), v.signature()),
              () -> v + " with fast-verify " + fast);
        }
      }
    }
  }

  @Test
  void withTheFastPathOffNoKeyTurnsHot() {
    KeyPair.setFastVerify(false);
    KeyPair signer = KeyPair.generate();
    byte[] message = {1, 2, 3};
    byte[] signature = signer.sign(message);
    for (int i = 0; i < 10; i++) {
      assertTrue(KeyPair.verify(signer.publicKey(), message, signature));
    }
    assertTrue(
        KeyPair.hotKeys().lookup(new KeyBytes(signer.publicKey())).isEmpty(),
        "no table built while BouncyCastle alone verifies");
  }
}
