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

/** `gyre market cancel DEAL`: ends one of the peer's deals. */
@Command(
    name = "cancel",
    mixinStandardHelpOptions = true,
    description =
        "End one of the peer's deals: its providers are paid for this epoch, the rest is refunded.")
public final class MarketCancelCommand implements Callable<Integer> {
  @Mixin MarketOptions market;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DEAL", description = "The deal id, deal-N.")
  String deal;

  @Override
  public Integer call() {
    JsonNode answer =
        market.post(
            "/market/deals/" + URLEncoder.encode(deal, StandardCharsets.UTF_8) + "/cancel",
            MarketOptions.object());
    PrintWriter out = spec.commandLine().getOut();
    market.print(
        out,
        answer,
        () -> out.println(deal + " cancelled; refunded " + answer.path("refunded").asLong()));
    return 0;
  }
}
