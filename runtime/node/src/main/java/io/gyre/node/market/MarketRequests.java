package io.gyre.node.market;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gyre.identity.PeerId;
import io.gyre.marketplace.Marketplace;
import io.gyre.marketplace.deal.DealId;
import io.gyre.marketplace.deal.DealSpec;
import io.gyre.marketplace.offer.OfferId;
import io.gyre.marketplace.offer.OfferSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The marketplace's requests in JSON, shared by the builtin {@code market} and the HTTP API: reads
 * and checks the request's fields (a clear {@link BadMarketRequest} naming the field), acts for
 * {@code acting} (authenticated by the caller), answers JSON.
 */
final class MarketRequests {
  private final Supplier<Marketplace> market;

  /**
   * @param marketNodeUp whether a member that may host the marketplace is up; when none is, every
   *     request fails at once with {@link MarketTimeout#MESSAGE} instead of waiting for its timeout
   */
  MarketRequests(
      Supplier<Marketplace> marketplace, java.util.function.BooleanSupplier marketNodeUp) {
    this.market =
        () -> {
          if (!marketNodeUp.getAsBoolean()) {
            throw new MarketTimeout.NoMarketNode();
          }
          return marketplace.get();
        };
  }

  CompletionStage<JsonNode> offers() {
    return market.get().view().thenApply(view -> MarketJson.offers(view.dump()));
  }

  CompletionStage<JsonNode> deals() {
    return market.get().view().thenApply(view -> MarketJson.deals(view.dump()));
  }

  CompletionStage<JsonNode> ledger() {
    return market.get().view().thenApply(view -> MarketJson.ledger(view.dump()));
  }

  /** {@code {"sequence": journal position, "dump": the whole state}}. */
  CompletionStage<JsonNode> dump() {
    return market
        .get()
        .view()
        .thenApply(
            view -> {
              ObjectNode out = object();
              out.put("sequence", view.sequenceNumber());
              try {
                out.set("dump", DUMP_READER.readTree(view.dump().toJson()));
              } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("the dump is not JSON", e);
              }
              return out;
            });
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper DUMP_READER =
      new com.fasterxml.jackson.databind.ObjectMapper();

  CompletionStage<JsonNode> deal(String id) {
    return market.get().deal(dealId(id)).thenApply(MarketJson::deal);
  }

  /** {@code {"price", "collateral", "unit_peers"?, "host_functions"?}}; the offer's id. */
  CompletionStage<JsonNode> offer(PeerId acting, JsonNode request) {
    List<PeerId> peers =
        strings(request, "unit_peers").isEmpty() ? List.of(acting) : peers(request, "unit_peers");
    OfferSpec spec =
        new OfferSpec(
            peers,
            amount(request, "price"),
            strings(request, "host_functions"),
            amount(request, "collateral"));
    return market
        .get()
        .placeOffer(acting, spec)
        .thenApply(id -> (JsonNode) MarketJson.JSON.objectNode().put("offer", id.value()));
  }

  /**
   * {@code {"blueprint", "modules", "max_price", "target", "min"?, "epochs", "deposit", "allow"?,
   * "deny"?, "host_functions"?}}; the deal's id.
   */
  CompletionStage<JsonNode> deal(PeerId acting, JsonNode request) {
    int target = count(request, "target");
    DealSpec spec =
        new DealSpec(
            text(request, "blueprint"),
            strings(request, "modules"),
            amount(request, "max_price"),
            target,
            request.has("min") ? count(request, "min") : target,
            count(request, "epochs"),
            request.has("allow") ? peers(request, "allow") : List.of(),
            request.has("deny") ? peers(request, "deny") : List.of(),
            strings(request, "host_functions"),
            amount(request, "deposit"));
    if (spec.modules().isEmpty()) {
      throw new BadMarketRequest("'modules' must name at least one module hash");
    }
    return market
        .get()
        .openDeal(acting, spec)
        .thenApply(id -> (JsonNode) MarketJson.JSON.objectNode().put("deal", id.value()));
  }

  /** {@code {"amount"}} into the deal's escrow; the escrow after it. */
  CompletionStage<JsonNode> deposit(PeerId acting, String deal, JsonNode request) {
    return market
        .get()
        .deposit(acting, dealId(deal), amount(request, "amount"))
        .thenApply(escrow -> (JsonNode) MarketJson.JSON.objectNode().put("escrow", escrow));
  }

  /** Ends the deal; what was refunded. */
  CompletionStage<JsonNode> cancel(PeerId acting, String deal) {
    return market
        .get()
        .cancelDeal(acting, dealId(deal))
        .thenApply(refund -> (JsonNode) MarketJson.JSON.objectNode().put("refunded", refund));
  }

  /**
   * {@code {"from": "wallet"|"earnings", "amount"}}: money out of the acting peer's own wallet or
   * earnings to the outside world; the balance left.
   */
  CompletionStage<JsonNode> withdraw(PeerId acting, JsonNode request) {
    String from = text(request, "from");
    long amount = amount(request, "amount");
    CompletionStage<Long> left =
        switch (from) {
          case "wallet" -> market.get().withdrawFromWallet(acting, acting, amount);
          case "earnings" -> market.get().withdrawEarnings(acting, acting, amount);
          default ->
              throw new BadMarketRequest(
                  "'from' must be \"wallet\" or \"earnings\", not " + shown(request.get("from")));
        };
    return left.thenApply(
        balance ->
            (JsonNode) MarketJson.JSON.objectNode().put("from", from).put("balance", balance));
  }

  CompletionStage<JsonNode> withdrawOffer(PeerId acting, String offer) {
    OfferId id;
    try {
      id = new OfferId(offer);
    } catch (IllegalArgumentException e) {
      throw new BadMarketRequest("'" + offer + "' is not an offer id (offer-N)");
    }
    return market
        .get()
        .withdrawOffer(acting, id)
        .thenApply(done -> (JsonNode) MarketJson.JSON.objectNode().put("withdrawn", done.value()));
  }

  /** Money into a wallet from outside: the operator's only. {@code {"peer", "amount"}}. */
  CompletionStage<JsonNode> fund(JsonNode request) {
    PeerId peer = peer(text(request, "peer"), "peer");
    return market
        .get()
        .fund(peer, amount(request, "amount"))
        .thenApply(
            wallet ->
                (JsonNode)
                    MarketJson.JSON.objectNode().put("peer", peer.base58()).put("wallet", wallet));
  }

  static DealId dealId(String text) {
    try {
      return new DealId(text);
    } catch (IllegalArgumentException e) {
      throw new BadMarketRequest("'" + text + "' is not a deal id (deal-N)");
    }
  }

  private static JsonNode field(JsonNode request, String name) {
    if (!request.isObject()) {
      throw new BadMarketRequest("the request must be a JSON object");
    }
    JsonNode value = request.get(name);
    if (value == null || value.isNull()) {
      throw new BadMarketRequest("'" + name + "' is missing");
    }
    return value;
  }

  private static long amount(JsonNode request, String name) {
    JsonNode value = field(request, name);
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw new BadMarketRequest(
          "'" + name + "' must be a whole number of minor units, not " + shown(value));
    }
    return value.longValue();
  }

  private static int count(JsonNode request, String name) {
    JsonNode value = field(request, name);
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw new BadMarketRequest("'" + name + "' must be a whole number, not " + shown(value));
    }
    return value.intValue();
  }

  private static String text(JsonNode request, String name) {
    JsonNode value = field(request, name);
    if (!value.isTextual() || value.textValue().isBlank()) {
      throw new BadMarketRequest("'" + name + "' must be a non-empty string");
    }
    return value.textValue();
  }

  private static List<String> strings(JsonNode request, String name) {
    if (!request.isObject() || !request.has(name) || request.get(name).isNull()) {
      return List.of();
    }
    JsonNode value = request.get(name);
    List<String> out = new ArrayList<>();
    if (!value.isArray()) {
      throw new BadMarketRequest("'" + name + "' must be an array of strings");
    }
    for (JsonNode element : value) {
      if (!element.isTextual()) {
        throw new BadMarketRequest("'" + name + "' must be an array of strings");
      }
      out.add(element.textValue());
    }
    return out;
  }

  private static List<PeerId> peers(JsonNode request, String name) {
    return strings(request, name).stream().map(p -> peer(p, name)).toList();
  }

  private static PeerId peer(String text, String name) {
    return PeerId.parse(text)
        .orElseThrow(() -> new BadMarketRequest("'" + name + "': '" + text + "' is not a peer id"));
  }

  private static String shown(JsonNode value) {
    String text = value.toString();
    return text.length() > 40 ? text.substring(0, 37) + "..." : text;
  }

  /** A request whose fields are wrong: its message names the field. */
  static final class BadMarketRequest extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    BadMarketRequest(String message) {
      super(message);
    }
  }

  static ObjectNode object() {
    return MarketJson.JSON.objectNode();
  }
}
