package io.gyre.node.builtins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.gyre.identity.Base58;
import io.gyre.node.services.ServiceCall;
import io.gyre.node.services.ServiceException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code kad}: neighborhood and merge, answered from cluster membership. Distance is Kademlia's:
 * XOR of the SHA-256 of the keys' bytes (base58-decoded), as libp2p's Kademlia orders peers.
 */
public final class KadBuiltin {
  private static final int DEFAULT_COUNT = 20;

  private KadBuiltin() {}

  /**
   * @param otherPeers every known peer id except the current peer's
   */
  public static BuiltinService create(Supplier<Collection<String>> otherPeers) {
    return BuiltinService.named("kad")
        .function("neighborhood", call -> neighborhood(call, otherPeers.get()))
        .function("merge", KadBuiltin::merge)
        .build();
  }

  private static JsonNode neighborhood(ServiceCall call, Collection<String> peers) {
    String key = Arguments.string(call, 0, "key");
    boolean alreadyHashed =
        Arguments.option(call, 1, "already_hashed").map(JsonNode::asBoolean).orElse(false);
    int count = count(call, 2);
    byte[] target =
        alreadyHashed ? digestFromMultihash(call, key) : sha256(decode(call, key, "key"));
    return closest(call, target, new ArrayList<>(peers), count);
  }

  private static JsonNode merge(ServiceCall call) {
    String targetKey = Arguments.string(call, 0, "target");
    LinkedHashSet<String> all = new LinkedHashSet<>(Arguments.strings(call, 1, "left"));
    all.addAll(Arguments.strings(call, 2, "right"));
    byte[] target = sha256(decode(call, targetKey, "target"));
    return closest(call, target, new ArrayList<>(all), count(call, 3));
  }

  private static JsonNode closest(ServiceCall call, byte[] target, List<String> keys, int count) {
    List<Ranked> ranked = new ArrayList<>();
    for (String key : keys) {
      ranked.add(new Ranked(key, xor(target, sha256(decode(call, key, "peer id")))));
    }
    ranked.sort(Comparator.comparing(Ranked::distance, Arrays::compareUnsigned));
    ArrayNode out = PeerBuiltin.JSON.arrayNode();
    ranked.stream().limit(count).forEach(r -> out.add(r.key()));
    return out;
  }

  private record Ranked(String key, byte[] distance) {}

  private static int count(ServiceCall call, int index) {
    return Arguments.option(call, index, "count")
        .map(
            value -> {
              if (!value.canConvertToInt() || value.intValue() < 0) {
                throw Arguments.wrongType(call, "count", "a u32", value);
              }
              return value.intValue();
            })
        .orElse(DEFAULT_COUNT);
  }

  private static byte[] decode(ServiceCall call, String text, String what) {
    try {
      return Base58.decode(text);
    } catch (IllegalArgumentException e) {
      throw Arguments.failure(call, what + " is not base58: " + e.getMessage());
    }
  }

  private static byte[] digestFromMultihash(ServiceCall call, String key) {
    byte[] multihash = decode(call, key, "key");
    if (multihash.length != 34 || multihash[0] != 0x12 || multihash[1] != 0x20) {
      throw new ServiceException(
          "kad.neighborhood: an already hashed key must be a base58 SHA-256 multihash (0x12 0x20 + 32 bytes)");
    }
    return Arrays.copyOfRange(multihash, 2, 34);
  }

  private static byte[] xor(byte[] a, byte[] b) {
    byte[] out = new byte[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = (byte) (a[i] ^ b[i]);
    }
    return out;
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }
}
