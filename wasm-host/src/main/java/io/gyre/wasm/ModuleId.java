package io.gyre.wasm;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** A module's content address: the lowercase hex SHA-256 of its bytes as deployed. */
public record ModuleId(String hex) {

  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

  public ModuleId {
    if (!SHA256_HEX.matcher(hex).matches()) {
      throw new IllegalArgumentException("not a module id (64 lowercase hex digits): " + hex);
    }
  }

  public static ModuleId of(byte[] moduleBytes) {
    try {
      return new ModuleId(
          HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(moduleBytes)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return hex;
  }
}
