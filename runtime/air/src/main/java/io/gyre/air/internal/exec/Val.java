package io.gyre.air.internal.exec;

import com.fasterxml.jackson.databind.JsonNode;
import io.gyre.air.Tetraplet;
import io.gyre.air.internal.data.Records;
import io.gyre.air.internal.json.Json;
import java.util.Arrays;

/**
 * A runtime value and where it came from. Values read from the particle data stay as JSON bytes
 * until something looks inside them, so replaying a large result that is only passed along costs
 * nothing.
 */
final class Val {
  private JsonNode node;
  private final byte[] buf;
  private final int offset;
  private final int length;
  final Tetraplet tetraplet;
  private byte[] canonPayload;
  private long canonKey;

  private Val(JsonNode node, byte[] buf, int offset, int length, Tetraplet tetraplet) {
    this.node = node;
    this.buf = buf;
    this.offset = offset;
    this.length = length;
    this.tetraplet = tetraplet;
  }

  static Val of(JsonNode node, Tetraplet tetraplet) {
    return new Val(node, null, 0, 0, tetraplet);
  }

  /** A value that just arrived: its node and its JSON bytes are both at hand. */
  static Val fresh(JsonNode node, byte[] json, Tetraplet tetraplet) {
    return new Val(node, json, 0, json.length, tetraplet);
  }

  static Val lazy(byte[] buf, int offset, int length, Tetraplet tetraplet) {
    return new Val(null, buf, offset, length, tetraplet);
  }

  JsonNode node() {
    if (node == null) {
      node = Json.parse(buf, offset, length);
    }
    return node;
  }

  /** The VALUE record payload of this value as a canon element (computed once). */
  byte[] canonPayload() {
    if (canonPayload == null) {
      canonPayload = Records.valuePayload(json(), tetraplet);
      canonKey = Records.valueKey(canonPayload, 0, canonPayload.length);
    }
    return canonPayload;
  }

  /** The content key of {@link #canonPayload()}. */
  long canonKey() {
    canonPayload();
    return canonKey;
  }

  /** Remembers the payload this value was read from, so it is not hashed again. */
  Val withCanonKey(long key, byte[] payload) {
    this.canonKey = key;
    this.canonPayload = payload;
    return this;
  }

  /** The value as JSON bytes (no copy of the JSON text when it came from the data). */
  byte[] json() {
    if (buf != null) {
      return Arrays.copyOfRange(buf, offset, offset + length);
    }
    return Json.bytes(node);
  }
}
