package io.gyre.air.spec;

import io.gyre.identity.KeyPair;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The peers a SPEC can name and their keys, as run-air builds them: explicit {@code keys} first,
 * then {@code seeds}, then the default seed names ({@code init relay client alice bob carol dave
 * eve peer0..peer31}); any other name met later becomes a seed name too. A seed name's secret is
 * SHA-256 of the name.
 */
public final class PeerBook {
  /** The seed names every SPEC knows. */
  public static final List<String> DEFAULT_NAMES =
      Stream.concat(
              Stream.of("init", "relay", "client", "alice", "bob", "carol", "dave", "eve"),
              IntStream.range(0, 32).mapToObj(i -> "peer" + i))
          .toList();

  private static final String PEER_ID_PREFIX = "12D3Koo";
  private static final Pattern HEX_SECRET = Pattern.compile("[0-9a-fA-F]{64}");

  private final Map<String, KeyPair> keyByPeer = new HashMap<>();
  private final Map<String, String> aliasByPeer = new HashMap<>();
  private final Map<String, String> peerByAlias = new LinkedHashMap<>();

  PeerBook() {}

  /** Adds an explicit key under a name, or under the peer id it must derive. */
  void addKey(String who, String secret) throws SpecException {
    KeyPair key = KeyPair.fromSecret(decodeSecret(who, secret));
    String id = key.peerId().base58();
    keyByPeer.put(id, key);
    if (!who.startsWith(PEER_ID_PREFIX)) {
      peerByAlias.put(who, id);
      aliasByPeer.put(id, who);
    } else if (!who.equals(id)) {
      throw new SpecException("SPEC.keys: key for " + who + " derives peer id " + id);
    }
  }

  /** The peer id of a seed name, adding it when new (an earlier name or key keeps its place). */
  String addNamed(String name) {
    String known = peerByAlias.get(name);
    if (known != null) {
      return known;
    }
    KeyPair key = KeyPair.fromSeedName(name);
    String id = key.peerId().base58();
    peerByAlias.put(name, id);
    aliasByPeer.putIfAbsent(id, name);
    keyByPeer.put(id, key);
    return id;
  }

  /** A peer reference: a name, {@code @peer:NAME}, or a {@code 12D3KooW…} id whose key is known. */
  String resolve(String ref) throws SpecException {
    String name = ref.startsWith("@peer:") ? ref.substring("@peer:".length()) : ref;
    if (name.startsWith(PEER_ID_PREFIX)) {
      if (!keyByPeer.containsKey(name)) {
        throw new SpecException(
            "no secret key for peer " + name + ": use a seed name, SPEC.seeds or SPEC.keys");
      }
      return name;
    }
    return addNamed(name);
  }

  public KeyPair key(String peerId) {
    KeyPair key = keyByPeer.get(peerId);
    if (key == null) {
      throw new IllegalArgumentException("no key for peer " + peerId);
    }
    return key;
  }

  /** The name a peer id goes by, if it has one. */
  public Optional<String> alias(String peerId) {
    return Optional.ofNullable(aliasByPeer.get(peerId));
  }

  private static byte[] decodeSecret(String who, String secret) throws SpecException {
    byte[] bytes;
    if (HEX_SECRET.matcher(secret).matches()) {
      bytes = new byte[32];
      for (int i = 0; i < 32; i++) {
        bytes[i] = (byte) Integer.parseInt(secret.substring(2 * i, 2 * i + 2), 16);
      }
    } else {
      // Node's Buffer.from(s, "base64") takes both alphabets and skips what it cannot read
      try {
        bytes = Base64.getMimeDecoder().decode(secret.replace('-', '+').replace('_', '/'));
      } catch (IllegalArgumentException e) {
        throw new SpecException(
            "SPEC.keys." + who + ": not base64 nor 64 hex digits: " + e.getMessage());
      }
    }
    if (bytes.length != 32) {
      throw new SpecException(
          "SPEC.keys." + who + ": secret key must be 32 bytes, got " + bytes.length);
    }
    return bytes;
  }
}
