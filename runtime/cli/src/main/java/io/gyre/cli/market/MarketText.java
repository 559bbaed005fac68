package io.gyre.cli.market;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The marketplace's answers as lines for people (the {@code --json} form is the peer's). */
final class MarketText {
  private MarketText() {}

  static void offers(PrintWriter out, JsonNode answer) {
    out.println("epoch " + answer.path("epoch").asLong());
    if (answer.path("offers").isEmpty()) {
      out.println("no offers");
    }
    for (JsonNode offer : answer.path("offers")) {
      List<String> units = new ArrayList<>();
      for (JsonNode unit : offer.path("units")) {
        String deal = unit.path("deal").asText();
        units.add(
            unit.path("unit").asText()
                + " on "
                + shortId(unit.path("peer").asText())
                + (deal.isEmpty() ? " (free)" : " (" + deal + ")"));
      }
      out.println(
          offer.path("id").asText()
              + "  provider "
              + offer.path("provider").asText()
              + "  price "
              + offer.path("price").asLong()
              + "  collateral "
              + offer.path("collateral").asLong()
              + "  units: "
              + String.join(", ", units));
    }
  }

  static void deals(PrintWriter out, JsonNode answer) {
    out.println("epoch " + answer.path("epoch").asLong());
    if (answer.path("deals").isEmpty()) {
      out.println("no deals");
    }
    for (JsonNode deal : answer.path("deals")) {
      out.println(dealLine(deal));
    }
  }

  static String dealLine(JsonNode deal) {
    List<String> units = new ArrayList<>();
    for (JsonNode unit : deal.path("units")) {
      units.add(unit.path("unit").asText() + " on " + shortId(unit.path("peer").asText()));
    }
    return deal.path("id").asText()
        + "  "
        + deal.path("status").asText()
        + (deal.path("end_reason").asText().isEmpty()
            ? ""
            : " (" + deal.path("end_reason").asText() + ")")
        + "  escrow "
        + deal.path("escrow").asLong()
        + "  served "
        + deal.path("epochs_served").asInt()
        + "/"
        + deal.path("epochs").asInt()
        + " epochs  units "
        + deal.path("units").size()
        + "/"
        + deal.path("target").asInt()
        + (units.isEmpty() ? "" : ": " + String.join(", ", units));
  }

  static void status(PrintWriter out, JsonNode deal) {
    out.println(dealLine(deal));
    out.println("  owner      " + deal.path("owner").asText());
    out.println(
        "  blueprint  "
            + deal.path("blueprint").asText()
            + "  modules "
            + deal.path("modules").toString());
    out.println(
        "  price      at most "
            + deal.path("max_price").asLong()
            + " per unit per epoch; min units "
            + deal.path("min").asInt());
    for (JsonNode unit : deal.path("units")) {
      out.println(
          "  unit       "
              + unit.path("unit").asText()
              + " on peer "
              + unit.path("peer").asText()
              + " (provider "
              + shortId(unit.path("provider").asText())
              + ", price "
              + unit.path("price").asLong()
              + ", from epoch "
              + unit.path("from_epoch").asLong()
              + ")");
    }
    if (!deal.path("excluded").isEmpty()) {
      out.println("  excluded   " + deal.path("excluded").toString());
    }
  }

  static void ledger(PrintWriter out, JsonNode answer) {
    out.println(
        "epoch "
            + answer.path("epoch").asLong()
            + " (last settled "
            + answer.path("last_settled_epoch").asLong()
            + ")");
    Iterator<Map.Entry<String, JsonNode>> accounts = answer.path("accounts").fields();
    while (accounts.hasNext()) {
      Map.Entry<String, JsonNode> account = accounts.next();
      out.printf("  %-64s %12d%n", account.getKey(), account.getValue().asLong());
    }
    out.printf(
        "  %-64s %12d%n",
        "total (always 0: nothing created or lost)", answer.path("total").asLong());
  }

  /** A peer id shortened for lines that hold several. */
  static String shortId(String peerId) {
    return peerId.length() > 16
        ? peerId.substring(0, 8) + "…" + peerId.substring(peerId.length() - 6)
        : peerId;
  }
}
