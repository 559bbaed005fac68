package io.gyre.air.particle;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * What a relay tells a client about one of its particles it could not take or route, on {@link
 * #PROTOCOL}: the particle id (empty when the bytes were not a particle, or for the connection as a
 * whole), a {@link Code} and a message naming what was wrong. Layout of one length-prefixed message
 * (big endian, {@link ParticleCodec}'s fields): {@code version 1 | str particle_id | str code | str
 * message}.
 */
public record ParticleError(String particleId, Code code, String message) {
  /** The relay opens a stream of this protocol to the client and sends each error on it. */
  public static final String PROTOCOL = "/gyre/particle-error/1.0.0";

  /** Why. On the wire as the lower-case name ({@code too_large}). */
  public enum Code {
    /** The bytes are not a particle. */
    MALFORMED,
    /** Larger than the relay takes from a client. */
    TOO_LARGE,
    /** The init peer's signature does not verify. */
    BAD_SIGNATURE,
    /**
     * The client neither started the particle (its proven identity is not the init peer) nor was
     * handed it by this relay.
     */
    NOT_YOURS,
    /** The client sent more particles than the relay's rate allows. */
    RATE_LIMITED,
    /** The particle's TTL had passed. */
    EXPIRED,
    /** The relay holds its limit of particles or bytes, or its header is wrong for its id. */
    OVERLOADED,
    /** The relay is leaving the cluster. */
    SHUTTING_DOWN,
    /** A next peer of the particle is known to no peer the relay can reach. */
    NO_ROUTE,
    /** The relay serves its limit of clients; the connection is closed. */
    TOO_MANY_CLIENTS;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Code parse(String label) throws MalformedParticleException {
      for (Code code : values()) {
        if (code.label().equals(label)) {
          return code;
        }
      }
      throw new MalformedParticleException("unknown particle error code '" + label + "'");
    }
  }

  public ParticleError {
    Objects.requireNonNull(particleId, "particle id");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }

  public byte[] encode() {
    byte[] id = particleId.getBytes(StandardCharsets.UTF_8);
    byte[] label = code.label().getBytes(StandardCharsets.UTF_8);
    byte[] text = message.getBytes(StandardCharsets.UTF_8);
    ByteBuffer out =
        ByteBuffer.allocate(
            1
                + ParticleCodec.fieldSize(id.length)
                + ParticleCodec.fieldSize(label.length)
                + ParticleCodec.fieldSize(text.length));
    out.put(ParticleCodec.VERSION);
    ParticleCodec.writeField(out, id);
    ParticleCodec.writeField(out, label);
    ParticleCodec.writeField(out, text);
    return out.array();
  }

  public static ParticleError decode(byte[] bytes) throws MalformedParticleException {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    try {
      byte version = in.get();
      if (version != ParticleCodec.VERSION) {
        throw new MalformedParticleException("particle error version " + version + ", expected 1");
      }
      ParticleError error =
          new ParticleError(
              ParticleCodec.readString(in),
              Code.parse(ParticleCodec.readString(in)),
              ParticleCodec.readString(in));
      if (in.hasRemaining()) {
        throw new MalformedParticleException(in.remaining() + " trailing bytes after an error");
      }
      return error;
    } catch (BufferUnderflowException e) {
      throw new MalformedParticleException("a particle error cut short (" + bytes.length + " B)");
    }
  }

  @Override
  public String toString() {
    return code.label()
        + (particleId.isEmpty() ? "" : " (particle " + particleId + ")")
        + ": "
        + message;
  }
}
