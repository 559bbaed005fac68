package io.gyre.air.particle;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A particle's bytes: what peers of the cluster send each other on every hop and what a client and
 * its relay exchange on {@code /gyre/particle/1.0.0}. Layout (big endian): {@code version 1 | str
 * id | str init_peer_id | i64 timestamp | i64 ttl | str script | bytes signature | bytes data},
 * where {@code str} is {@code bytes} of UTF-8 and {@code bytes} is {@code i32 length | length
 * bytes}. Decoding never trusts a length: one beyond the bytes that remain is refused before
 * anything is allocated. Invalid UTF-8 becomes U+FFFD, so the particle's signature then fails.
 */
public final class ParticleCodec {
  /** The libp2p protocol on which a client and its relay exchange particles, one per message. */
  public static final String PROTOCOL = "/gyre/particle/1.0.0";

  /** The layout's version, its first byte. */
  public static final byte VERSION = 1;

  private static final int FIXED_BYTES = 1 + 5 * 4 + 2 * 8;

  private ParticleCodec() {}

  /** The particle's bytes. */
  public static byte[] encode(Particle particle) {
    return encode(particle, 0).array();
  }

  /**
   * A buffer holding the particle's bytes with room for {@code room} more after them, positioned
   * there: for layouts that carry a particle and something else (the cluster's delivery adds the
   * sender).
   */
  public static ByteBuffer encode(Particle particle, int room) {
    byte[] id = utf8(particle.id());
    byte[] init = utf8(particle.initPeerId());
    byte[] script = utf8(particle.script());
    int size =
        FIXED_BYTES
            + id.length
            + init.length
            + script.length
            + particle.signature().length
            + particle.data().length;
    ByteBuffer out = ByteBuffer.allocate(size + room);
    out.put(VERSION);
    writeField(out, id);
    writeField(out, init);
    out.putLong(particle.timestampMs());
    out.putLong(particle.ttlMs());
    writeField(out, script);
    writeField(out, particle.signature());
    writeField(out, particle.data());
    return out;
  }

  /** Decodes {@code bytes}, which must hold exactly one particle. */
  public static Particle decode(byte[] bytes) throws MalformedParticleException {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    Particle particle = read(in);
    if (in.hasRemaining()) {
      throw new MalformedParticleException(in.remaining() + " trailing bytes after a particle");
    }
    return particle;
  }

  /** Reads one particle from {@code in}'s position, leaving the buffer after it. */
  public static Particle read(ByteBuffer in) throws MalformedParticleException {
    int start = in.position();
    try {
      byte version = in.get();
      if (version != VERSION) {
        throw new MalformedParticleException(
            "particle wire version " + version + ", expected " + VERSION);
      }
      String id = readString(in);
      String init = readString(in);
      long timestamp = in.getLong();
      long ttl = in.getLong();
      String script = readString(in);
      byte[] signature = readField(in);
      byte[] data = readField(in);
      return new Particle(id, init, timestamp, ttl, script, signature, data);
    } catch (BufferUnderflowException e) {
      throw new MalformedParticleException("a particle cut short (" + (in.limit() - start) + " B)");
    }
  }

  /** Writes one {@code bytes} field: {@code i32 length | bytes}. */
  public static void writeField(ByteBuffer out, byte[] bytes) {
    out.putInt(bytes.length);
    out.put(bytes);
  }

  /** Reads one {@code bytes} field, refusing a length beyond what remains. */
  public static byte[] readField(ByteBuffer in) throws MalformedParticleException {
    int length = in.getInt();
    if (length < 0 || length > in.remaining()) {
      throw new MalformedParticleException(
          "a field of " + length + " bytes where " + in.remaining() + " remain");
    }
    byte[] bytes = new byte[length];
    in.get(bytes);
    return bytes;
  }

  /** Reads one {@code str} field. */
  public static String readString(ByteBuffer in) throws MalformedParticleException {
    return new String(readField(in), StandardCharsets.UTF_8);
  }

  /** The size in bytes of a {@code bytes} field holding {@code length} bytes. */
  public static int fieldSize(int length) {
    return 4 + length;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
