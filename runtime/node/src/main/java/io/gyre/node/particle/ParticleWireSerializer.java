package io.gyre.node.particle;

import akka.serialization.SerializerWithStringManifest;
import java.io.NotSerializableException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Akka serializer for {@link ParticleInbox.Deliver}, the message every hop sends: a flat binary
 * layout instead of Jackson CBOR, whose reflection-driven encoding of the particle was a tenth of a
 * hop's CPU. Layout (big endian): {@code version 1 | str id | str init_peer_id | i64 timestamp |
 * i64 ttl | str script | bytes signature | bytes data | str from_peer_id}, where {@code str} is
 * {@code bytes} of UTF-8 and {@code bytes} is {@code i32 length | length bytes}. Bytes that do not
 * match the layout are refused with {@link NotSerializableException}; Akka drops such a message.
 */
public final class ParticleWireSerializer extends SerializerWithStringManifest {
  /** Akka's serializer id for this layout (ids below 40 are Akka's own). */
  public static final int IDENTIFIER = 0x47595245; // "GYRE"

  private static final String DELIVER_MANIFEST = "D";
  private static final byte VERSION = 1;

  @Override
  public int identifier() {
    return IDENTIFIER;
  }

  @Override
  public String manifest(Object message) {
    if (message instanceof ParticleInbox.Deliver) {
      return DELIVER_MANIFEST;
    }
    throw new IllegalArgumentException("not a particle delivery: " + message.getClass());
  }

  @Override
  public byte[] toBinary(Object message) {
    if (!(message instanceof ParticleInbox.Deliver deliver)) {
      throw new IllegalArgumentException("not a particle delivery: " + message.getClass());
    }
    Particle particle = deliver.particle();
    byte[] id = utf8(particle.id());
    byte[] init = utf8(particle.initPeerId());
    byte[] script = utf8(particle.script());
    byte[] from = utf8(deliver.fromPeerId());
    int size =
        1
            + 4 * 6
            + 8 * 2
            + id.length
            + init.length
            + script.length
            + particle.signature().length
            + particle.data().length
            + from.length;
    ByteBuffer out = ByteBuffer.allocate(size);
    out.put(VERSION);
    putBytes(out, id);
    putBytes(out, init);
    out.putLong(particle.timestampMs());
    out.putLong(particle.ttlMs());
    putBytes(out, script);
    putBytes(out, particle.signature());
    putBytes(out, particle.data());
    putBytes(out, from);
    return out.array();
  }

  @Override
  public Object fromBinary(byte[] bytes, String manifest) throws NotSerializableException {
    if (!DELIVER_MANIFEST.equals(manifest)) {
      throw new NotSerializableException("unknown particle message manifest '" + manifest + "'");
    }
    try {
      ByteBuffer in = ByteBuffer.wrap(bytes);
      byte version = in.get();
      if (version != VERSION) {
        throw new NotSerializableException("particle wire version " + version + ", expected 1");
      }
      String id = string(in);
      String init = string(in);
      long timestamp = in.getLong();
      long ttl = in.getLong();
      String script = string(in);
      byte[] signature = bytes(in);
      byte[] data = bytes(in);
      String from = string(in);
      if (in.hasRemaining()) {
        throw new NotSerializableException(
            in.remaining() + " trailing bytes after a particle delivery");
      }
      return new ParticleInbox.Deliver(
          new Particle(id, init, timestamp, ttl, script, signature, data), from);
    } catch (BufferUnderflowException e) {
      throw new NotSerializableException("a particle delivery cut short (" + bytes.length + " B)");
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static void putBytes(ByteBuffer out, byte[] bytes) {
    out.putInt(bytes.length);
    out.put(bytes);
  }

  private static byte[] bytes(ByteBuffer in) throws NotSerializableException {
    int length = in.getInt();
    if (length < 0 || length > in.remaining()) {
      throw new NotSerializableException(
          "a field of " + length + " bytes where " + in.remaining() + " remain");
    }
    byte[] bytes = new byte[length];
    in.get(bytes);
    return bytes;
  }

  /** Invalid UTF-8 becomes U+FFFD: the particle signature then fails on the altered text. */
  private static String string(ByteBuffer in) throws NotSerializableException {
    return new String(bytes(in), StandardCharsets.UTF_8);
  }
}
