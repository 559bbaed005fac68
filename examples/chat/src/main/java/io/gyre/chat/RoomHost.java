package io.gyre.chat;

import io.gyre.identity.Base58;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;

/**
 * Which peer hosts a room: of the cluster's peers, the one closest to the room's key by Kademlia's
 * distance (XOR of SHA-256 digests, as the {@code kad} builtin orders peers). Every client that
 * sees the same peers picks the same host without asking anyone, and rooms spread over the peers.
 */
public final class RoomHost {
  private RoomHost() {}

  /** The alias of a room's service on its host. */
  public static String alias(String room) {
    return "chat-room:" + room;
  }

  /**
   * @param peers base58 peer ids (at least one)
   */
  public static String closest(String room, Collection<String> peers) {
    if (peers.isEmpty()) {
      throw new IllegalArgumentException("chat: no peers to host room " + room);
    }
    byte[] key = sha256(alias(room).getBytes(StandardCharsets.UTF_8));
    return peers.stream()
        .min(Comparator.comparing((String peer) -> distance(key, peer), Arrays::compareUnsigned))
        .orElseThrow();
  }

  private static byte[] distance(byte[] key, String peer) {
    byte[] digest = sha256(Base58.decode(peer));
    byte[] out = new byte[digest.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) (digest[i] ^ key[i]);
    }
    return out;
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
