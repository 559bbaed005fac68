package io.gyre.node.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * The bearer token of a peer's operator: whoever presents it acts through the HTTP API as the
 * peer's own identity. Made on first start as {@code <data-dir>/http.token} (32 random bytes,
 * base64url, mode 0600) and kept; a token file others can read is refused, as a key file is.
 */
public final class OperatorToken {
  /** The file's name in the data directory; {@code gyre run --data-dir} reads it there. */
  public static final String FILE_NAME = "http.token";

  private final byte[] secret;

  private OperatorToken(String token) {
    this.secret = token.getBytes(StandardCharsets.US_ASCII);
  }

  /** The data directory's token, made now if there is none. */
  public static OperatorToken loadOrCreate(Path dataDir) {
    Path file = dataDir.resolve(FILE_NAME);
    try {
      Files.createDirectories(dataDir);
      if (!Files.exists(file)) {
        create(file);
      }
      checkPrivate(file);
      String token = Files.readString(file, StandardCharsets.US_ASCII).trim();
      if (token.length() < 32) {
        throw new AccessException(
            "the HTTP token in " + file + " is too short (delete the file to get a new one)");
      }
      return new OperatorToken(token);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or write the HTTP token " + file, e);
    }
  }

  /** The token a client finds in a peer's data directory, if it is there and readable. */
  public static Optional<String> readFrom(Path dataDir) {
    Path file = dataDir.resolve(FILE_NAME);
    try {
      return Files.isReadable(file)
          ? Optional.of(Files.readString(file, StandardCharsets.US_ASCII).trim())
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Whether {@code presented} is the token (compared in constant time). */
  public boolean accepts(String presented) {
    return MessageDigest.isEqual(secret, presented.getBytes(StandardCharsets.US_ASCII));
  }

  private static void create(Path file) throws IOException {
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    try {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (FileAlreadyExistsException e) {
      return; // another start made it first
    } catch (UnsupportedOperationException e) {
      Files.createFile(file);
    }
    Files.writeString(file, token + "\n", StandardCharsets.US_ASCII);
  }

  private static void checkPrivate(Path file) throws IOException {
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      if (permissions.contains(PosixFilePermission.GROUP_READ)
          || permissions.contains(PosixFilePermission.OTHERS_READ)) {
        throw new AccessException(
            "the HTTP token " + file + " can be read by others; chmod 600 " + file);
      }
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: nothing to check
    }
  }
}
