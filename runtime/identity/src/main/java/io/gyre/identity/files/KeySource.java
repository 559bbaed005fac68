package io.gyre.identity.files;

import java.nio.file.Path;

/** Where a peer's Ed25519 key comes from. */
public sealed interface KeySource {

  /** A key file that must exist (base64 or hex of the 32-byte secret). */
  record File(Path path) implements KeySource {}

  /** The peer's own key in its data directory: made on first start with mode 0600. */
  record DataDirectory(Path path) implements KeySource {}

  /** A conformance seed name: secret = SHA-256(name). For tests and local demos only. */
  record SeedName(String name) implements KeySource {}

  /** The secret itself, as base64 or 64 hex digits. */
  record Secret(String text) implements KeySource {
    @Override
    public String toString() {
      return "Secret[hidden]";
    }
  }
}
