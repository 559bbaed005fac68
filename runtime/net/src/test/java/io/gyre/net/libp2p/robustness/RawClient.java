package io.gyre.net.libp2p.robustness;

import io.gyre.identity.KeyPair;
import io.gyre.net.Multiaddr;
import io.gyre.net.libp2p.multistream.MultistreamCodec;
import io.gyre.net.libp2p.noise.CipherState;
import io.gyre.net.libp2p.noise.HandshakePayload;
import io.gyre.net.libp2p.noise.X25519Keys;
import io.gyre.net.libp2p.noise.XXHandshake;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/**
 * A hand-driven libp2p dialer on a plain blocking socket, built from the pure codecs: it can stop
 * or misbehave at any step, which is how the robustness tests talk to a host.
 */
final class RawClient implements AutoCloseable {
  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;
  private final MultistreamCodec codec = new MultistreamCodec();
  private CipherState sender;
  private CipherState receiver;

  RawClient(Multiaddr address) throws IOException {
    List<Multiaddr.Component> parts = address.withoutPeerId().components();
    socket = new Socket(parts.get(0).value(), Integer.parseInt(parts.get(1).value()));
    socket.setSoTimeout(20_000);
    in = new DataInputStream(socket.getInputStream());
    out = socket.getOutputStream();
  }

  void send(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  /** Proposes {@code protocol} (plain or, once secured, encrypted) and reads the answer. */
  String negotiate(String protocol) throws IOException {
    byte[] proposal = MultistreamCodec.encode(MultistreamCodec.PROTOCOL_ID, protocol);
    if (sender == null) {
      send(proposal);
    } else {
      sendEncrypted(proposal);
    }
    List<String> answers = new ArrayList<>();
    while (answers.size() < 2) {
      byte[] chunk = sender == null ? new byte[] {in.readByte()} : readEncrypted();
      answers.addAll(codec.feed(chunk, 2 - answers.size()));
    }
    return answers.get(1);
  }

  /** The Noise XX handshake as initiator; {@code payloadFor} lets a test sign the wrong key. */
  void secure(KeyPair identity, boolean forgeSignature) throws IOException {
    X25519Keys staticKeys = X25519Keys.generate();
    XXHandshake handshake = XXHandshake.initiator(staticKeys);
    sendFrame(handshake.writeMessage(new byte[0]));
    handshake.readMessage(readFrame());
    byte[] signedKey = forgeSignature ? X25519Keys.generate().publicKey() : staticKeys.publicKey();
    sendFrame(handshake.writeMessage(HandshakePayload.sign(identity, signedKey).encode()));
    XXHandshake.TransportCiphers ciphers = handshake.split();
    sender = ciphers.sender();
    receiver = ciphers.receiver();
  }

  void sendFrame(byte[] message) throws IOException {
    byte[] framed = new byte[2 + message.length];
    framed[0] = (byte) (message.length >>> 8);
    framed[1] = (byte) message.length;
    System.arraycopy(message, 0, framed, 2, message.length);
    send(framed);
  }

  byte[] readFrame() throws IOException {
    int length = in.readUnsignedShort();
    byte[] message = new byte[length];
    in.readFully(message);
    return message;
  }

  void sendEncrypted(byte[] plaintext) throws IOException {
    sendFrame(sender.encryptWithAd(new byte[0], plaintext));
  }

  byte[] readEncrypted() throws IOException {
    return receiver.decryptWithAd(new byte[0], readFrame());
  }

  /** Reads until the host closes the socket; true when it did (within the socket timeout). */
  boolean closedByRemote() throws IOException {
    try {
      while (in.read() >= 0) {
        // drain what the host sent before closing
      }
      return true;
    } catch (EOFException | SocketException e) {
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
