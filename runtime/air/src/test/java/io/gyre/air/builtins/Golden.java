package io.gyre.air.builtins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The golden file written by {@code src/test/node/builtins-golden.mjs} from the real js-client
 * 0.9.0 handlers and Node's JSON (see that script for the command that regenerates it).
 */
final class Golden {
  static final ObjectMapper JSON = new ObjectMapper();
  private static JsonNode golden;

  private Golden() {}

  static synchronized JsonNode file() {
    if (golden == null) {
      try (InputStream in = Golden.class.getResourceAsStream("golden.json")) {
        if (in == null) {
          throw new IllegalStateException("golden.json missing from the test resources");
        }
        golden = JSON.readTree(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return golden;
  }

  static JsonNode read(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
