package io.gyre.net.libp2p.noise;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The Noise XX pattern ({@code Noise_XX_25519_ChaChaPoly_SHA256}, empty prologue) as a pure state
 * machine:
 *
 * <pre>
 *   -> e
 *   <- e, ee, s, es
 *   -> s, se
 * </pre>
 *
 * Each side alternates {@link #writeMessage} and {@link #readMessage}; after the third message
 * {@link #split()} gives the transport ciphers. Payloads ride in each message, encrypted from the
 * second on. The ephemeral key comes from a supplier so tests can replay published vectors.
 */
public final class XXHandshake {
  public static final String PROTOCOL_NAME = "Noise_XX_25519_ChaChaPoly_SHA256";
  private static final int DH_LEN = X25519Keys.KEY_LEN;
  private static final int TAG_LEN = ChaChaPoly.TAG_LEN;

  /** The ciphers of an established session, from this side's point of view. */
  public record TransportCiphers(CipherState sender, CipherState receiver) {}

  private final boolean initiator;
  private final X25519Keys staticKeys;
  private final Supplier<X25519Keys> ephemeralSource;
  private final SymmetricState symmetric;
  private X25519Keys ephemeral;
  private byte[] remoteEphemeral;
  private byte[] remoteStatic;
  private int message;

  private XXHandshake(
      boolean initiator,
      X25519Keys staticKeys,
      Supplier<X25519Keys> ephemeralSource,
      byte[] prologue) {
    this.initiator = initiator;
    this.staticKeys = staticKeys;
    this.ephemeralSource = ephemeralSource;
    this.symmetric = new SymmetricState(PROTOCOL_NAME);
    symmetric.mixHash(prologue);
  }

  public static XXHandshake initiator(X25519Keys staticKeys) {
    return new XXHandshake(true, staticKeys, X25519Keys::generate, new byte[0]);
  }

  public static XXHandshake responder(X25519Keys staticKeys) {
    return new XXHandshake(false, staticKeys, X25519Keys::generate, new byte[0]);
  }

  /** For test vectors: a fixed ephemeral key and prologue. */
  public static XXHandshake withEphemeral(
      boolean initiator, X25519Keys staticKeys, X25519Keys ephemeral, byte[] prologue) {
    return new XXHandshake(initiator, staticKeys, () -> ephemeral, prologue);
  }

  public boolean isInitiator() {
    return initiator;
  }

  /** True when it is this side's turn to write. */
  public boolean isMyTurn() {
    return (message % 2 == 0) == initiator;
  }

  public boolean isComplete() {
    return message == 3;
  }

  /** The remote's static X25519 key, known after message 2 (initiator) or 3 (responder). */
  public byte[] remoteStaticKey() {
    if (remoteStatic == null) {
      throw new IllegalStateException("the remote static key is not known yet");
    }
    return remoteStatic.clone();
  }

  public byte[] handshakeHash() {
    return symmetric.handshakeHash();
  }

  public byte[] writeMessage(byte[] payload) {
    if (isComplete() || !isMyTurn()) {
      throw new IllegalStateException(
          "not this side's turn to write (message " + (message + 1) + ")");
    }
    byte[] out;
    switch (message) {
      case 0 -> out = concat(writeEphemeral(), symmetric.encryptAndHash(payload));
      case 1 -> {
        byte[] e = writeEphemeral();
        symmetric.mixKey(ephemeral.agree(remoteEphemeral)); // ee
        byte[] s = symmetric.encryptAndHash(staticKeys.publicKey());
        symmetric.mixKey(staticKeys.agree(remoteEphemeral)); // es
        out = concat(e, s, symmetric.encryptAndHash(payload));
      }
      default -> {
        byte[] s = symmetric.encryptAndHash(staticKeys.publicKey());
        symmetric.mixKey(staticKeys.agree(remoteEphemeral)); // se
        out = concat(s, symmetric.encryptAndHash(payload));
      }
    }
    message++;
    return out;
  }

  /**
   * Reads the remote's next message and returns its payload.
   *
   * @throws NoiseException when the message is too short, a key has small order, or a tag fails
   */
  public byte[] readMessage(byte[] in) {
    if (isComplete() || isMyTurn()) {
      throw new IllegalStateException(
          "not this side's turn to read (message " + (message + 1) + ")");
    }
    int minimum =
        switch (message) {
          case 0 -> DH_LEN;
          case 1 -> DH_LEN + DH_LEN + TAG_LEN + TAG_LEN;
          default -> DH_LEN + TAG_LEN + TAG_LEN;
        };
    if (in.length < minimum) {
      throw new NoiseException(
          "handshake message "
              + (message + 1)
              + " has "
              + in.length
              + " bytes, expected at least "
              + minimum);
    }
    byte[] payload;
    switch (message) {
      case 0 -> {
        readEphemeral(in);
        payload = symmetric.decryptAndHash(Arrays.copyOfRange(in, DH_LEN, in.length));
      }
      case 1 -> {
        readEphemeral(in);
        symmetric.mixKey(ephemeral.agree(remoteEphemeral)); // ee
        remoteStatic =
            symmetric.decryptAndHash(Arrays.copyOfRange(in, DH_LEN, 2 * DH_LEN + TAG_LEN));
        symmetric.mixKey(ephemeral.agree(remoteStatic)); // es
        payload = symmetric.decryptAndHash(Arrays.copyOfRange(in, 2 * DH_LEN + TAG_LEN, in.length));
      }
      default -> {
        remoteStatic = symmetric.decryptAndHash(Arrays.copyOfRange(in, 0, DH_LEN + TAG_LEN));
        symmetric.mixKey(ephemeral.agree(remoteStatic)); // se
        payload = symmetric.decryptAndHash(Arrays.copyOfRange(in, DH_LEN + TAG_LEN, in.length));
      }
    }
    message++;
    return payload;
  }

  public TransportCiphers split() {
    if (!isComplete()) {
      throw new IllegalStateException("the handshake is not complete");
    }
    CipherState[] pair = symmetric.split();
    return initiator
        ? new TransportCiphers(pair[0], pair[1])
        : new TransportCiphers(pair[1], pair[0]);
  }

  private byte[] writeEphemeral() {
    ephemeral = ephemeralSource.get();
    byte[] e = ephemeral.publicKey();
    symmetric.mixHash(e);
    return e;
  }

  private void readEphemeral(byte[] in) {
    remoteEphemeral = Arrays.copyOfRange(in, 0, DH_LEN);
    symmetric.mixHash(remoteEphemeral);
  }

  private static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] out = new byte[length];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, out, at, part.length);
      at += part.length;
    }
    return out;
  }
}
