package io.gyre.node.particle;

import akka.serialization.SerializerWithStringManifest;
import io.gyre.air.particle.MalformedParticleException;
import io.gyre.air.particle.Particle;
import io.gyre.air.particle.ParticleCodec;
import java.io.NotSerializableException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Akka serializer for {@link ParticleInbox.Deliver}, the message every hop sends: the particle in
 * {@link ParticleCodec}'s flat layout (the bytes clients and relays exchange too) followed by
 * {@code str from_peer_id}, instead of Jackson CBOR, whose reflection-driven encoding of the
 * particle was a tenth of a hop's CPU. Bytes that do not match the layout are refused with {@link
 * NotSerializableException}; Akka drops such a message.
 */
public final class ParticleWireSerializer extends SerializerWithStringManifest {
  /** Akka's serializer id for this layout (ids below 40 are Akka's own). */
  public static final int IDENTIFIER = 0x47595245; // "GYRE"

  private static final String DELIVER_MANIFEST = "D";

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
    byte[] from = deliver.fromPeerId().getBytes(StandardCharsets.UTF_8);
    ByteBuffer out = ParticleCodec.encode(deliver.particle(), ParticleCodec.fieldSize(from.length));
    ParticleCodec.writeField(out, from);
    return out.array();
  }

  @Override
  public Object fromBinary(byte[] bytes, String manifest) throws NotSerializableException {
    if (!DELIVER_MANIFEST.equals(manifest)) {
      throw new NotSerializableException("unknown particle message manifest '" + manifest + "'");
    }
    ByteBuffer in = ByteBuffer.wrap(bytes);
    try {
      Particle particle = ParticleCodec.read(in);
      String from = ParticleCodec.readString(in);
      if (in.hasRemaining()) {
        throw new NotSerializableException(
            in.remaining() + " trailing bytes after a particle delivery");
      }
      return new ParticleInbox.Deliver(particle, from);
    } catch (MalformedParticleException e) {
      throw new NotSerializableException(e.getMessage());
    } catch (BufferUnderflowException e) {
      throw new NotSerializableException("a particle delivery cut short (" + bytes.length + " B)");
    }
  }
}
