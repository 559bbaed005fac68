package io.gyre.net.libp2p.noise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gyre.net.Hex;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * Every Project Wycheproof X25519 and ChaCha20-Poly1305 vector through the primitives the Noise
 * handshake uses ({@link X25519Keys}, {@link ChaChaPoly}).
 */
class WycheproofTest {
  private static JsonNode vectors(String name) throws IOException {
    try (InputStream in = WycheproofTest.class.getResourceAsStream("/wycheproof/" + name)) {
      return new ObjectMapper().readTree(in);
    }
  }

  @Test
  void x25519() throws IOException {
    int checked = 0;
    int refused = 0;
    for (JsonNode group : vectors("x25519_test.json").get("testGroups")) {
      for (JsonNode test : group.get("tests")) {
        String id = "tcId " + test.get("tcId").asInt() + " (" + test.get("comment").asText() + ")";
        byte[] shared = Hex.bytes(test.get("shared").asText());
        X25519Keys keys = X25519Keys.fromSecret(Hex.bytes(test.get("private").asText()));
        byte[] remote = Hex.bytes(test.get("public").asText());
        if (java.util.Arrays.equals(shared, new byte[32])) {
          // a small-order remote key: the shared secret would be public, so Noise refuses it
          NoiseException e = assertThrows(NoiseException.class, () -> keys.agree(remote), id);
          assertEquals(
              "the remote X25519 key has small order (all-zero shared secret)", e.getMessage());
          refused++;
        } else {
          assertArrayEquals(shared, keys.agree(remote), id);
        }
        checked++;
      }
    }
    assertEquals(vectors("x25519_test.json").get("numberOfTests").asInt(), checked);
    assertEquals(true, refused > 0);
  }

  @Test
  void chaCha20Poly1305() throws IOException {
    int checked = 0;
    for (JsonNode group : vectors("chacha20_poly1305_test.json").get("testGroups")) {
      for (JsonNode test : group.get("tests")) {
        String id = "tcId " + test.get("tcId").asInt() + " (" + test.get("comment").asText() + ")";
        byte[] key = Hex.bytes(test.get("key").asText());
        byte[] nonce = Hex.bytes(test.get("iv").asText());
        byte[] ad = Hex.bytes(test.get("aad").asText());
        byte[] message = Hex.bytes(test.get("msg").asText());
        byte[] sealed =
            concat(Hex.bytes(test.get("ct").asText()), Hex.bytes(test.get("tag").asText()));
        boolean valid = test.get("result").asText().equals("valid");
        ChaChaPoly cipher = new ChaChaPoly(key);
        if (nonce.length != ChaChaPoly.NONCE_LEN) {
          assertEquals(false, valid, id);
          assertThrows(
              IllegalArgumentException.class,
              () -> cipher.open(nonce, ad, sealed, 0, sealed.length),
              id);
        } else if (valid) {
          assertArrayEquals(sealed, cipher.seal(nonce, ad, message, 0, message.length), id);
          // the JDK refuses to reuse a key and nonce on one instance: a fresh one opens
          assertArrayEquals(
              message, new ChaChaPoly(key).open(nonce, ad, sealed, 0, sealed.length), id);
        } else {
          assertThrows(
              NoiseException.class, () -> cipher.open(nonce, ad, sealed, 0, sealed.length), id);
        }
        checked++;
      }
    }
    assertEquals(vectors("chacha20_poly1305_test.json").get("numberOfTests").asInt(), checked);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
