package io.gyre.identity.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gyre.identity.KeyPair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeerKeysTest {
  @TempDir Path dir;

  @Test
  void theFirstStartMakesAnOwnerOnlyKeyThatLaterStartsReuse() throws Exception {
    Path keyFile = dir.resolve("data").resolve("peer.key");

    KeyPair first = PeerKeys.load(new KeySource.DataDirectory(keyFile));
    KeyPair second = PeerKeys.load(new KeySource.DataDirectory(keyFile));

    assertEquals(
        "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
    assertEquals(first.peerId(), second.peerId());
    assertTrue(first.peerId().base58().startsWith("12D3KooW"));
  }

  @Test
  void seedNamesGiveTheConformanceKeys() {
    assertEquals(
        "12D3KooWQCkBm1BYtkHpocxCwMgR8yjitEeHGx8spzcDLGt2gkBm",
        PeerKeys.load(new KeySource.SeedName("alice")).peerId().base58());
  }

  @Test
  void explicitSecretsAreReadAsHexOrBase64() {
    KeyPair alice = KeyPair.fromSeedName("alice");
    String hex = HexFormat.of().formatHex(alice.secret());
    String base64 = Base64.getEncoder().encodeToString(alice.secret());
    assertEquals(alice.peerId(), PeerKeys.load(new KeySource.Secret(hex)).peerId());
    assertEquals(alice.peerId(), PeerKeys.load(new KeySource.Secret(base64)).peerId());
  }

  @Test
  void aKeyFileOthersCanReadIsRefused() throws Exception {
    Path keyFile = dir.resolve("open.key");
    Files.writeString(keyFile, Base64.getEncoder().encodeToString(new byte[32]));
    Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r--r--"));

    var error =
        assertThrows(IdentityException.class, () -> PeerKeys.load(new KeySource.File(keyFile)));
    assertTrue(error.getMessage().contains("chmod 600"), error.getMessage());
  }

  @Test
  void badKeysAreRefusedWithWhatIsWrong() throws Exception {
    Path shortKey = dir.resolve("short.key");
    Files.writeString(shortKey, Base64.getEncoder().encodeToString(new byte[16]));
    Files.setPosixFilePermissions(shortKey, PosixFilePermissions.fromString("rw-------"));

    assertMessage("holds 16 bytes", new KeySource.File(shortKey));
    assertMessage("does not exist", new KeySource.File(dir.resolve("missing.key")));
    assertMessage("neither base64 nor 64 hex", new KeySource.Secret("not a key!"));
    assertMessage("must not be blank", new KeySource.SeedName(" "));
  }

  private static void assertMessage(String expected, KeySource source) {
    var error = assertThrows(IdentityException.class, () -> PeerKeys.load(source));
    assertTrue(error.getMessage().contains(expected), error.getMessage());
  }
}
