package io.gyre.identity.files;

import io.gyre.identity.KeyPair;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * Loads (and on first start makes) a peer's key. A key file holds the 32-byte Ed25519 secret in
 * base64 on one line; a file that others may read is refused, as ssh refuses such keys.
 */
public final class PeerKeys {
  private static final Set<PosixFilePermission> OWNER_ONLY =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private PeerKeys() {}

  public static KeyPair load(KeySource source) {
    if (source instanceof KeySource.SeedName seed) {
      if (seed.name().isBlank()) {
        throw new IdentityException("identity: a seed name must not be blank");
      }
      return KeyPair.fromSeedName(seed.name());
    } else if (source instanceof KeySource.Secret secret) {
      return fromText(secret.text(), "identity.secret");
    } else if (source instanceof KeySource.File file) {
      return readKeyFile(file.path());
    } else {
      Path own = ((KeySource.DataDirectory) source).path();
      return Files.exists(own) ? readKeyFile(own) : create(own);
    }
  }

  /** Writes a fresh key to {@code path} (mode 0600, never replacing an existing file). */
  public static KeyPair create(Path path) {
    KeyPair key = KeyPair.generate();
    byte[] text =
        (Base64.getEncoder().encodeToString(key.secret()) + "\n")
            .getBytes(StandardCharsets.US_ASCII);
    try {
      Path parent = path.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      if (POSIX) {
        Files.createFile(path, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      } else {
        Files.createFile(path);
      }
      Files.write(path, text);
    } catch (FileAlreadyExistsException e) {
      return readKeyFile(path);
    } catch (IOException e) {
      throw new IdentityException(
          "identity: cannot write the key file " + path + ": " + e.getMessage(), e);
    }
    return key;
  }

  private static KeyPair readKeyFile(Path path) {
    if (!Files.isRegularFile(path)) {
      throw new IdentityException("identity: key file " + path + " does not exist");
    }
    try {
      if (POSIX) {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
        if (!OWNER_ONLY.containsAll(permissions)) {
          throw new IdentityException(
              "identity: key file "
                  + path
                  + " is readable by others ("
                  + PosixFilePermissions.toString(permissions)
                  + "); run chmod 600 on it");
        }
      }
      String text = Files.readString(path, StandardCharsets.US_ASCII);
      return fromText(text, "key file " + path);
    } catch (IOException e) {
      throw new IdentityException(
          "identity: cannot read the key file " + path + ": " + e.getMessage(), e);
    }
  }

  private static KeyPair fromText(String text, String where) {
    String trimmed = text.trim();
    byte[] secret;
    if (trimmed.length() == 64 && trimmed.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      secret = HexFormat.of().parseHex(trimmed);
    } else {
      try {
        secret = Base64.getDecoder().decode(trimmed);
      } catch (IllegalArgumentException e) {
        throw new IdentityException(
            "identity: " + where + " is neither base64 nor 64 hex digits of a 32-byte secret", e);
      }
    }
    if (secret.length != 32) {
      throw new IdentityException(
          "identity: " + where + " holds " + secret.length + " bytes; an Ed25519 secret has 32");
    }
    return KeyPair.fromSecret(secret);
  }
}
