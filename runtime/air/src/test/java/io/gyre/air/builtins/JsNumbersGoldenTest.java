package io.gyre.air.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import io.gyre.air.js.JsJson;
import io.gyre.air.js.JsNumbers;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Number printing matches Node's {@code String(d)} for every double in the golden file. */
class JsNumbersGoldenTest {

  @Test
  void printsEveryGoldenDoubleAsNodeDoes() {
    List<String> mismatches = new ArrayList<>();
    for (JsonNode n : Golden.file().get("numbers")) {
      double d = Double.longBitsToDouble(Long.parseUnsignedLong(n.get("bits").asText(), 16));
      String expected = n.get("js").asText();
      String actual = JsNumbers.toJsString(d);
      if (!expected.equals(actual)) {
        mismatches.add(n.get("bits").asText() + ": node " + expected + ", gyre " + actual);
      }
    }
    assertEquals(List.of(), mismatches);
  }

  @Test
  void jsonNumbersBecomeWhatJsHolds() {
    // 2^53 + 1 is not a double: JSON.parse rounds it to 2^53
    assertEquals(
        LongNode.valueOf(9007199254740992L),
        JsNumbers.normalize(LongNode.valueOf(9007199254740993L)));
    // u64::MAX rounds to 2^64, printed by JS as 18446744073709552000
    assertEquals(
        BigIntegerNode.valueOf(new BigInteger("18446744073709552000")),
        JsNumbers.normalize(BigIntegerNode.valueOf(new BigInteger("18446744073709551615"))));
    assertEquals(JsNumbers.toNode(3), JsNumbers.normalize(DoubleNode.valueOf(3.0)));
    assertEquals("1e+21", JsJson.stringify(JsNumbers.toNode(1e21)));
    assertEquals("null", JsJson.stringify(JsNumbers.toNode(Double.POSITIVE_INFINITY)));
  }
}
