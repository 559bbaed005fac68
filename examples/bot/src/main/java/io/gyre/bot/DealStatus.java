package io.gyre.bot;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A deal as the marketplace's {@code market.status} tells it (the fields the bot reads).
 *
 * @param status {@code PENDING}, {@code ACTIVE} or {@code ENDED}
 * @param units the units serving it now: which offer's unit, on which peer
 * @param excluded units that served it and were dropped (failed proofs, a lost peer)
 * @param endReason why an ended deal ended, empty otherwise
 */
public record DealStatus(
    String id,
    String owner,
    String status,
    int target,
    int min,
    List<Unit> units,
    List<String> excluded,
    String endReason) {
  /** One matched unit: the offer's unit id and the peer the deal's service runs on. */
  public record Unit(String unit, String peer) {}

  public DealStatus {
    units = List.copyOf(units);
    excluded = List.copyOf(excluded);
  }

  static DealStatus fromJson(JsonNode json) {
    List<Unit> units = new ArrayList<>();
    json.path("units")
        .forEach(u -> units.add(new Unit(u.path("unit").asText(), u.path("peer").asText())));
    List<String> excluded = new ArrayList<>();
    json.path("excluded").forEach(u -> excluded.add(u.asText()));
    return new DealStatus(
        json.path("id").asText(),
        json.path("owner").asText(),
        json.path("status").asText(),
        json.path("target").asInt(),
        json.path("min").asInt(),
        units,
        excluded,
        json.path("end_reason").asText(""));
  }

  public boolean ended() {
    return status.equals("ENDED");
  }

  /** The peers the deal's service runs on, in the order of its units. */
  public List<String> peers() {
    return units.stream().map(Unit::peer).distinct().toList();
  }
}
