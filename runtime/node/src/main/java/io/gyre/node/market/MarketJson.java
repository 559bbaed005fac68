package io.gyre.node.market;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gyre.identity.PeerId;
import io.gyre.marketplace.DealView;
import io.gyre.marketplace.MarketDump;
import io.gyre.marketplace.deal.Assignment;
import io.gyre.marketplace.deal.Deal;
import io.gyre.marketplace.offer.ComputeUnit;
import io.gyre.marketplace.offer.Offer;
import io.gyre.marketplace.offer.UnitId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The marketplace as JSON for the HTTP API, the builtin and {@code gyre market}: snake_case keys,
 * peer ids in base58, money in minor units.
 */
final class MarketJson {
  static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private MarketJson() {}

  static ObjectNode offers(MarketDump dump) {
    Map<UnitId, String> serving = new HashMap<>();
    for (Deal deal : dump.deals()) {
      for (Assignment a : deal.assignments()) {
        serving.put(a.unit(), deal.id().value());
      }
    }
    ObjectNode out = epoch(dump);
    ArrayNode offers = out.putArray("offers");
    for (Offer offer : dump.offers()) {
      ObjectNode o = offers.addObject();
      o.put("id", offer.id().value());
      o.put("provider", offer.provider().base58());
      o.put("price", offer.pricePerUnit());
      o.put("collateral", offer.collateralPerUnit());
      strings(o.putArray("host_functions"), offer.hostFunctions());
      ArrayNode units = o.putArray("units");
      for (ComputeUnit unit : offer.units()) {
        ObjectNode u = units.addObject();
        u.put("unit", unit.id().value());
        u.put("peer", unit.peer().base58());
        u.put("deal", serving.getOrDefault(unit.id(), ""));
      }
    }
    return out;
  }

  static ObjectNode deals(MarketDump dump) {
    ObjectNode out = epoch(dump);
    ArrayNode deals = out.putArray("deals");
    dump.dealViews().forEach(view -> deals.add(deal(view)));
    return out;
  }

  static ObjectNode deal(DealView view) {
    Deal deal = view.deal();
    ObjectNode d = JSON.objectNode();
    d.put("id", deal.id().value());
    d.put("owner", deal.owner().base58());
    d.put("status", view.status().name());
    d.put("escrow", view.escrow());
    d.put("blueprint", deal.spec().blueprint());
    strings(d.putArray("modules"), deal.spec().modules());
    d.put("max_price", deal.spec().maxPricePerUnit());
    d.put("target", deal.spec().targetUnits());
    d.put("min", deal.spec().minUnits());
    d.put("epochs", deal.spec().durationEpochs());
    d.put("epochs_served", deal.epochsServed());
    ArrayNode units = d.putArray("units");
    for (Assignment a : deal.assignments()) {
      ObjectNode u = units.addObject();
      u.put("unit", a.unit().value());
      u.put("peer", a.peer().base58());
      u.put("provider", a.provider().base58());
      u.put("price", a.price());
      u.put("from_epoch", a.fromEpoch());
    }
    ArrayNode excluded = d.putArray("excluded");
    deal.excluded().forEach(u -> excluded.add(u.value()));
    d.put("end_reason", deal.endReason().map(Enum::name).orElse(""));
    return d;
  }

  static ObjectNode ledger(MarketDump dump) {
    ObjectNode out = epoch(dump);
    ObjectNode accounts = out.putObject("accounts");
    long total = 0;
    for (Map.Entry<String, Long> account : dump.accounts().entrySet()) {
      accounts.put(account.getKey(), account.getValue());
      total += account.getValue();
    }
    out.put("total", total);
    return out;
  }

  private static ObjectNode epoch(MarketDump dump) {
    ObjectNode out = JSON.objectNode();
    out.put("epoch", dump.epoch());
    out.put("last_settled_epoch", dump.lastSettledEpoch());
    return out;
  }

  static void strings(ArrayNode into, List<String> values) {
    values.forEach(into::add);
  }

  static ArrayNode peers(List<PeerId> peers) {
    ArrayNode out = JSON.arrayNode();
    peers.forEach(p -> out.add(p.base58()));
    return out;
  }

  static JsonNode text(String value) {
    return JSON.textNode(value);
  }
}
