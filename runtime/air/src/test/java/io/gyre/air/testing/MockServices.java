package io.gyre.air.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gyre.air.CallRequest;
import io.gyre.air.CallResult;
import io.gyre.air.simulation.ServiceHost;
import io.gyre.air.simulation.ServiceReply;
import io.gyre.air.simulation.SimulatedCall;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Test-only services for driving the interpreter: the oracle SPEC's mock forms, its fixed services
 * and the few js-client builtins the corpus uses. Records responses, errors and prints.
 */
public final class MockServices implements ServiceHost {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private final JsonNode userServices;
  private final JsonNode args;
  private final String relay;
  private final Map<String, String> aliases;
  private final Map<String, Integer> seqCounters = new HashMap<>();
  public final List<ObjectNode> responses = new ArrayList<>();
  public final List<ObjectNode> errors = new ArrayList<>();
  public final List<ObjectNode> prints = new ArrayList<>();

  public MockServices(
      JsonNode userServices, JsonNode args, String relay, Map<String, String> aliases) {
    this.userServices = userServices;
    this.args = args;
    this.relay = relay;
    this.aliases = aliases;
  }

  @Override
  public ServiceReply call(SimulatedCall call) {
    CallRequest r = call.request();
    String exact = r.serviceId() + "." + r.functionName();
    String wild = r.serviceId() + ".*";
    if (userServices.has(exact)) {
      return ServiceReply.now(user(userServices.get(exact), call, exact));
    }
    if (userServices.has(wild)) {
      return ServiceReply.now(user(userServices.get(wild), call, wild));
    }
    List<JsonNode> a = r.arguments();
    switch (exact) {
      case "getDataSrv.-relay-":
        return ok(NODES.textNode(relay));
      case "callbackSrv.response":
        {
          ObjectNode o = NODES.objectNode();
          o.put("peer", call.peerId());
          o.set("value", a.isEmpty() ? NODES.nullNode() : a.size() == 1 ? a.get(0) : array(a));
          responses.add(o);
          return ok(NODES.objectNode());
        }
      case "errorHandlingSrv.error":
        {
          ObjectNode o = NODES.objectNode();
          o.put("peer", call.peerId());
          o.set("args", array(a));
          errors.add(o);
          return ok(NODES.objectNode());
        }
      case "run-console.print":
        {
          ObjectNode o = NODES.objectNode();
          o.put("peer", call.peerId());
          o.set("args", array(a));
          prints.add(o);
          return ok(NODES.objectNode());
        }
      case "peer.identify":
        {
          ObjectNode o = NODES.objectNode();
          o.put("peer_id", call.peerId());
          o.set("external_addresses", NODES.arrayNode());
          o.put("node_version", "oracle");
          o.put("air_version", "0.62.0");
          o.put("spell_version", "oracle");
          o.set("allowed_binaries", NODES.arrayNode());
          return ok(o);
        }
      case "peer.timeout":
        return new ServiceReply(CallResult.ok(a.get(1)), a.get(0).asLong());
      case "op.noop":
        return ok(NODES.objectNode());
      case "op.identity":
        return ok(a.isEmpty() ? NODES.objectNode() : a.get(0));
      case "op.array_length":
        return ok(NODES.numberNode(a.get(0).size()));
      case "op.concat_strings":
        {
          StringBuilder s = new StringBuilder();
          a.forEach(x -> s.append(x.asText()));
          return ok(NODES.textNode(s.toString()));
        }
      case "array.sum":
        {
          long sum = 0;
          for (JsonNode x : a.get(0)) {
            sum += x.asLong();
          }
          return ok(NODES.numberNode(sum));
        }
      case "math.add":
        return ok(NODES.numberNode(a.get(0).asLong() + a.get(1).asLong()));
      case "math.sub":
        return ok(NODES.numberNode(a.get(0).asLong() - a.get(1).asLong()));
      case "math.mul":
        return ok(NODES.numberNode(a.get(0).asLong() * a.get(1).asLong()));
      case "math.div":
        return ok(NODES.numberNode(Math.floorDiv(a.get(0).asLong(), a.get(1).asLong())));
      case "math.rem":
        return ok(NODES.numberNode(a.get(0).asLong() % a.get(1).asLong()));
      case "math.pow":
        return ok(NODES.numberNode((long) Math.pow(a.get(0).asDouble(), a.get(1).asDouble())));
      case "cmp.lt":
        return ok(NODES.booleanNode(a.get(0).asDouble() < a.get(1).asDouble()));
      case "cmp.lte":
        return ok(NODES.booleanNode(a.get(0).asDouble() <= a.get(1).asDouble()));
      case "cmp.gt":
        return ok(NODES.booleanNode(a.get(0).asDouble() > a.get(1).asDouble()));
      case "cmp.gte":
        return ok(NODES.booleanNode(a.get(0).asDouble() >= a.get(1).asDouble()));
      default:
        break;
    }
    if (r.serviceId().equals("getDataSrv")) {
      if (args.has(r.functionName())) {
        return ok(args.get(r.functionName()));
      }
      return err(
          "No service found for service call: serviceId='getDataSrv', fnName='"
              + r.functionName()
              + "' (no such argument in SPEC.args)");
    }
    return err(
        "No service found for service call: serviceId='"
            + r.serviceId()
            + "', fnName='"
            + r.functionName()
            + "' args='"
            + array(a)
            + "'");
  }

  private CallResult user(JsonNode spec, SimulatedCall call, String key) {
    if (spec.isObject() && spec.size() == 1) {
      String k = spec.fieldNames().next();
      JsonNode v = spec.get(k);
      List<JsonNode> a = call.request().arguments();
      switch (k) {
        case "echo":
          if (v.asBoolean()) {
            return CallResult.ok(
                a.isEmpty() ? NODES.nullNode() : a.size() == 1 ? a.get(0) : array(a));
          }
          break;
        case "error":
          return CallResult.error(1, v);
        case "result":
          return CallResult.ok(v);
        case "peer_id":
          if (v.asBoolean()) {
            return CallResult.ok(NODES.textNode(call.peerId()));
          }
          break;
        case "seq":
          {
            int n = seqCounters.merge(key, 1, Integer::sum) - 1;
            return user(v.get(Math.min(n, v.size() - 1)), call, key + "#" + n);
          }
        case "per_peer":
          {
            JsonNode sub = v.get(call.peerId());
            if (sub == null && aliases.containsKey(call.peerId())) {
              sub = v.get(aliases.get(call.peerId()));
            }
            if (sub == null) {
              sub = v.get("*");
            }
            if (sub == null) {
              return CallResult.error(
                  1, NODES.textNode("no per_peer mock for " + call.peerId() + " in " + key));
            }
            return user(sub, call, key + "@" + call.peerId());
          }
        default:
          break;
      }
    }
    return CallResult.ok(spec);
  }

  private static ArrayNode array(List<JsonNode> values) {
    ArrayNode array = NODES.arrayNode();
    values.forEach(array::add);
    return array;
  }

  private static ServiceReply ok(JsonNode value) {
    return ServiceReply.now(CallResult.ok(value));
  }

  private static ServiceReply err(String message) {
    return ServiceReply.now(CallResult.error(1, NODES.textNode(message)));
  }

  static Iterator<String> names(JsonNode node) {
    return node.fieldNames();
  }
}
