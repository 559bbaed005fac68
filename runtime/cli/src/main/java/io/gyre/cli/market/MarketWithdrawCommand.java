package io.gyre.cli.market;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `gyre market withdraw AMOUNT [--from earnings|wallet]`: money out to the outside world. */
@Command(
    name = "withdraw",
    mixinStandardHelpOptions = true,
    description =
        "Take money out of the peer's own earnings (a provider's pay) or wallet; prints the"
            + " balance left.")
public final class MarketWithdrawCommand implements Callable<Integer> {
  /** Where the money comes from, as the peer names it. */
  enum Source {
    earnings,
    wallet
  }

  @Mixin MarketOptions market;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "AMOUNT", description = "Minor units.")
  long amount;

  @Option(names = "--from", paramLabel = "ACCOUNT", description = "earnings (default) or wallet.")
  Source from = Source.earnings;

  @Override
  public Integer call() {
    JsonNode answer =
        market.post(
            "/market/withdraw",
            MarketOptions.object().put("from", from.name()).put("amount", amount));
    PrintWriter out = spec.commandLine().getOut();
    market.print(
        out,
        answer,
        () ->
            out.println(
                "withdrew "
                    + amount
                    + " from "
                    + from
                    + ", "
                    + answer.path("balance").asLong()
                    + " left"));
    return 0;
  }
}
