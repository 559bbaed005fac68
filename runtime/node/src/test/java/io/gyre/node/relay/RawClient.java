package io.gyre.node.relay;

import io.gyre.air.particle.MalformedParticleException;
import io.gyre.air.particle.Particle;
import io.gyre.air.particle.ParticleCodec;
import io.gyre.air.particle.ParticleError;
import io.gyre.identity.KeyPair;
import io.gyre.net.Connection;
import io.gyre.net.Multiaddr;
import io.gyre.net.framing.MessageReader;
import io.gyre.net.framing.MessageStream;
import io.gyre.net.libp2p.Libp2pHost;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A client made of runtime/net alone, for the relay's tests: it sends whatever bytes a test wants
 * on {@code /gyre/particle/1.0.0} and keeps what the relay sends back (particles, errors).
 */
final class RawClient implements AutoCloseable {
  final KeyPair key;
  final Libp2pHost host;
  final BlockingQueue<Particle> particles = new LinkedBlockingQueue<>();
  final BlockingQueue<ParticleError> errors = new LinkedBlockingQueue<>();
  Connection connection;
  private MessageStream stream;

  private RawClient(KeyPair key) {
    this.key = key;
    this.host = Libp2pHost.create(key);
    host.handle(
        ParticleError.PROTOCOL,
        stream -> MessageStream.of(stream, 1 << 16).read(bytes -> errors.add(decodeError(bytes))));
  }

  /** Connects without opening a particle stream. */
  static RawClient dial(Multiaddr relay, KeyPair key) throws Exception {
    RawClient client = new RawClient(key);
    client.connection = client.host.dial(relay).get(30, TimeUnit.SECONDS);
    return client;
  }

  static RawClient connect(Multiaddr relay, KeyPair key) throws Exception {
    RawClient client = dial(relay, key);
    client.openStream();
    return client;
  }

  /** A new particle stream; later sends use it. */
  void openStream() throws Exception {
    stream =
        MessageStream.of(
            connection.openStream(ParticleCodec.PROTOCOL).get(30, TimeUnit.SECONDS), 1 << 26);
    stream.read(
        new MessageReader() {
          @Override
          public void onMessage(byte[] message) {
            try {
              particles.add(ParticleCodec.decode(message));
            } catch (MalformedParticleException e) {
              throw new AssertionError("the relay sent bytes that are not a particle", e);
            }
          }
        });
  }

  void send(Particle particle) throws Exception {
    sendBytes(ParticleCodec.encode(particle));
  }

  void sendBytes(byte[] bytes) throws Exception {
    stream.send(bytes).get(30, TimeUnit.SECONDS);
  }

  ParticleError nextError() throws InterruptedException {
    ParticleError error = errors.poll(30, TimeUnit.SECONDS);
    if (error == null) {
      throw new AssertionError("the relay sent no error within 30 s");
    }
    return error;
  }

  Particle nextParticle() throws InterruptedException {
    Particle particle = particles.poll(30, TimeUnit.SECONDS);
    if (particle == null) {
      throw new AssertionError("the relay delivered no particle within 30 s; errors: " + errors);
    }
    return particle;
  }

  private static ParticleError decodeError(byte[] bytes) {
    try {
      return ParticleError.decode(bytes);
    } catch (MalformedParticleException e) {
      throw new AssertionError("the relay sent a malformed error", e);
    }
  }

  @Override
  public void close() {
    host.close();
  }
}
