package io.gyre.bot;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gyre.air.syntax.AirParser;
import io.gyre.client.AquaFunction;
import java.util.List;
import org.junit.jupiter.api.Test;

/** bot.aqua compiles with Gyre's compiler into the functions the bot calls, with their shapes. */
class BotFunctionsTest {
  @Test
  void everyFunctionCompilesWithTheArgumentsTheBotPasses() {
    assertEquals(
        List.of("peer", "deal", "text", "peers"),
        BotFunctions.get("ask").arguments().stream().map(AquaFunction.Argument::name).toList());
    for (String name :
        List.of("storeModule", "openDeal", "dealStatus", "ledger", "clusterPeers", "ask")) {
      AquaFunction function = BotFunctions.get(name);
      assertDoesNotThrow(
          () -> AirParser.parse(function.air()), () -> name + ":\n" + function.air());
      assertTrue(
          function.air().contains("callbackSrv"), name + " returns nothing:\n" + function.air());
    }
  }

  @Test
  void theBrainsReplyIsAnOption() {
    assertEquals(List.of("?string"), BotFunctions.get("ask").results());
  }

  @Test
  void aDealStatusReadsTheUnitsPeers() throws Exception {
    DealStatus status =
        DealStatus.fromJson(
            new ObjectMapper()
                .readTree(
                    "{\"id\": \"deal-0\", \"owner\": \"o\", \"status\": \"ACTIVE\", \"target\": 2,"
                        + " \"min\": 1, \"units\": [{\"unit\": \"offer-0/0\", \"peer\": \"p1\"},"
                        + " {\"unit\": \"offer-2/0\", \"peer\": \"p3\"}], \"excluded\": [\"offer-1/0\"],"
                        + " \"end_reason\": \"\"}"));
    assertEquals(List.of("p1", "p3"), status.peers());
    assertEquals(List.of("offer-1/0"), status.excluded());
    assertEquals(false, status.ended());
  }
}
