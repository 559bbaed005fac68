package io.gyre.air.builtins.internal;

import java.io.ByteArrayOutputStream;

/**
 * UTF-8 as the web platform's {@code TextEncoder} and {@code TextDecoder} do it: lone surrogates
 * encode as U+FFFD; decoding drops a leading BOM and replaces each maximal invalid subpart with
 * U+FFFD (the JDK's codec differs on both).
 */
final class WebText {
  private static final int REPLACEMENT = 0xFFFD;

  private WebText() {}

  static byte[] encode(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length() + 8);
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (cp >= 0xD800 && cp <= 0xDFFF) {
        cp = REPLACEMENT;
      }
      if (cp < 0x80) {
        out.write(cp);
      } else if (cp < 0x800) {
        out.write(0xC0 | (cp >> 6));
        out.write(0x80 | (cp & 0x3F));
      } else if (cp < 0x10000) {
        out.write(0xE0 | (cp >> 12));
        out.write(0x80 | ((cp >> 6) & 0x3F));
        out.write(0x80 | (cp & 0x3F));
      } else {
        out.write(0xF0 | (cp >> 18));
        out.write(0x80 | ((cp >> 12) & 0x3F));
        out.write(0x80 | ((cp >> 6) & 0x3F));
        out.write(0x80 | (cp & 0x3F));
      }
    }
    return out.toByteArray();
  }

  /** The WHATWG Encoding standard's UTF-8 decoder, BOM sniffing on. */
  static String decode(byte[] bytes) {
    StringBuilder out = new StringBuilder(bytes.length);
    int i =
        bytes.length >= 3
                && (bytes[0] & 0xFF) == 0xEF
                && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF
            ? 3
            : 0;
    int needed = 0;
    int seen = 0;
    int codePoint = 0;
    int lower = 0x80;
    int upper = 0xBF;
    while (i < bytes.length) {
      int b = bytes[i] & 0xFF;
      if (needed == 0) {
        i++;
        if (b <= 0x7F) {
          out.append((char) b);
        } else if (b >= 0xC2 && b <= 0xDF) {
          needed = 1;
          codePoint = b & 0x1F;
        } else if (b >= 0xE0 && b <= 0xEF) {
          lower = b == 0xE0 ? 0xA0 : 0x80;
          upper = b == 0xED ? 0x9F : 0xBF;
          needed = 2;
          codePoint = b & 0x0F;
        } else if (b >= 0xF0 && b <= 0xF4) {
          lower = b == 0xF0 ? 0x90 : 0x80;
          upper = b == 0xF4 ? 0x8F : 0xBF;
          needed = 3;
          codePoint = b & 0x07;
        } else {
          out.append((char) REPLACEMENT);
        }
        continue;
      }
      if (b < lower || b > upper) {
        // the sequence so far is invalid; this byte starts over (it is not consumed)
        needed = 0;
        seen = 0;
        lower = 0x80;
        upper = 0xBF;
        out.append((char) REPLACEMENT);
        continue;
      }
      i++;
      lower = 0x80;
      upper = 0xBF;
      codePoint = (codePoint << 6) | (b & 0x3F);
      if (++seen == needed) {
        out.appendCodePoint(codePoint);
        needed = 0;
        seen = 0;
      }
    }
    if (needed != 0) {
      out.append((char) REPLACEMENT);
    }
    return out.toString();
  }
}
