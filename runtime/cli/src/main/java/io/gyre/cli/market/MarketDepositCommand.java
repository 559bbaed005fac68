package io.gyre.cli.market;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** `gyre market deposit DEAL AMOUNT`: more money into a deal's escrow. */
@Command(
    name = "deposit",
    mixinStandardHelpOptions = true,
    description = "Move money from the peer's wallet into the escrow of one of its deals.")
public final class MarketDepositCommand implements Callable<Integer> {
  @Mixin MarketOptions market;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DEAL", description = "The deal id, deal-N.")
  String deal;

  @Parameters(index = "1", paramLabel = "AMOUNT", description = "Minor units.")
  long amount;

  @Override
  public Integer call() {
    JsonNode answer =
        market.post(
            "/market/deals/" + URLEncoder.encode(deal, StandardCharsets.UTF_8) + "/deposit",
            MarketOptions.object().put("amount", amount));
    PrintWriter out = spec.commandLine().getOut();
    market.print(
        out, answer, () -> out.println(deal + " escrow " + answer.path("escrow").asLong()));
    return 0;
  }
}
