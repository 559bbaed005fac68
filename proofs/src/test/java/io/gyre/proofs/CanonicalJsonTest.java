package io.gyre.proofs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gyre.proofs.internal.ByteWriter;
import io.gyre.proofs.internal.CanonicalJson;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static byte[] canonical(String text) throws Exception {
    ByteWriter out = new ByteWriter();
    CanonicalJson.write(JSON.readTree(text), out);
    return out.toByteArray();
  }

  @Test
  void theSameValueWrittenDifferentlyGivesTheSameBytes() throws Exception {
    assertArrayEquals(
        canonical("{\"b\": [1, 2.5, \"x\"], \"a\": {\"é\": null, \"z\": true}}"),
        canonical("{\"a\":{\"z\":true,\"\\u00e9\":null},\"b\":[1,2.50,\"x\"]}"));
  }

  @Test
  void differentValuesGiveDifferentBytes() throws Exception {
    List<String> values =
        List.of(
            "null",
            "false",
            "true",
            "0",
            "1",
            "1.0",
            "-1",
            "\"1\"",
            "[]",
            "{}",
            "[1]",
            "[[1]]",
            "{\"a\":1}",
            "{\"a\":\"1\"}",
            "\"\"",
            "18446744073709551616",
            "[1,2]",
            "[2,1]",
            "{\"a\":1,\"b\":2}",
            "{\"ab\":2}");
    for (int i = 0; i < values.size(); i++) {
      for (int j = i + 1; j < values.size(); j++) {
        assertFalse(
            Arrays.equals(canonical(values.get(i)), canonical(values.get(j))),
            values.get(i) + " vs " + values.get(j));
      }
    }
  }

  @Test
  void layoutIsTheDocumentedOne() throws Exception {
    // {"k": [7, "v"]}: object, 1 member, name "k", array of 2: integer 7, string "v"
    assertArrayEquals(
        new byte[] {
          0x08, 0, 0, 0, 1, 0, 0, 0, 1, 'k', 0x07, 0, 0, 0, 2, 0x03, 0, 0, 0, 0, 0, 0, 0, 7, 0x06,
          0, 0, 0, 1, 'v'
        },
        canonical("{\"k\": [7, \"v\"]}"));
  }
}
