package io.gyre.net;

import java.util.HexFormat;

/** Hex for golden bytes in tests. */
public final class Hex {
  private Hex() {}

  public static byte[] bytes(String hex) {
    return HexFormat.of().parseHex(hex.replace(" ", ""));
  }

  public static String of(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
