package io.gyre.air.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.gyre.air.CallRequest;
import io.gyre.air.CallResult;
import io.gyre.air.builtins.BuiltinReply;
import io.gyre.air.builtins.StandardBuiltins;
import io.gyre.air.js.JsValues;
import io.gyre.air.simulation.ServiceHost;
import io.gyre.air.simulation.ServiceReply;
import io.gyre.air.simulation.SimulatedCall;
import java.util.ArrayList;
import java.util.List;

/**
 * run-air's services for one simulated run, looked up in its order: the SPEC's mocks ({@code
 * svc.fn}, then {@code svc.*}), the fixed services ({@code getDataSrv}, {@code callbackSrv}, {@code
 * errorHandlingSrv}, {@code peer.identify}, {@code peer.timestamp_ms/sec}, {@code
 * run-console.print}), js-client's builtins, and js-client's "No service found" error. It records
 * the responses, errors and prints it sees, in call order.
 */
public final class SpecServiceHost implements ServiceHost {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** A value recorded on a peer: a response value or the arguments of an error or print. */
  public record Recorded(String peer, JsonNode value) {}

  private final SimulationSpec spec;
  private final MockForms mocks;
  private final List<Recorded> responses = new ArrayList<>();
  private final List<Recorded> errors = new ArrayList<>();
  private final List<Recorded> prints = new ArrayList<>();

  SpecServiceHost(SimulationSpec spec) {
    this.spec = spec;
    this.mocks = new MockForms(spec.peers());
  }

  @Override
  public ServiceReply call(SimulatedCall call) {
    CallRequest request = call.request();
    String service = request.serviceId();
    String fn = request.functionName();
    String peer = call.peerId();
    // js-client hands the arguments to services as JSON.parse gives them
    List<JsonNode> args = JsValues.normalize(request.arguments());

    for (String key : List.of(service + "." + fn, service + ".*")) {
      if (spec.services().has(key)) {
        return ServiceReply.now(mocks.evaluate(spec.services().get(key), peer, args, key));
      }
    }
    CallResult fixed = fixedService(service, fn, peer, args);
    if (fixed != null) {
      return ServiceReply.now(fixed);
    }
    if (StandardBuiltins.handles(service, fn)) {
      BuiltinReply reply = StandardBuiltins.call(service, fn, args, call.nowMs());
      return new ServiceReply(reply.result(), reply.delayMs());
    }
    return ServiceReply.now(StandardBuiltins.notFound(service, fn, args));
  }

  /** The harness's own services; null when the call is not one of them. */
  private CallResult fixedService(String service, String fn, String peer, List<JsonNode> args) {
    switch (service + "." + fn) {
      case "callbackSrv.response":
        responses.add(new Recorded(peer, responseValue(args)));
        return CallResult.ok(NODES.objectNode());
      case "errorHandlingSrv.error":
        errors.add(new Recorded(peer, NODES.arrayNode().addAll(args)));
        return CallResult.ok(NODES.objectNode());
      case "run-console.print":
        prints.add(new Recorded(peer, NODES.arrayNode().addAll(args)));
        return CallResult.ok(NODES.objectNode());
      case "peer.identify":
        return CallResult.ok(identify(peer));
      case "peer.timestamp_ms":
        return CallResult.ok(NODES.numberNode(spec.peerTimestampMs()));
      case "peer.timestamp_sec":
        return CallResult.ok(NODES.numberNode(Math.floorDiv(spec.peerTimestampMs(), 1000)));
      default:
        break;
    }
    if (!service.equals("getDataSrv")) {
      return null;
    }
    if (fn.equals("-relay-")) {
      return CallResult.ok(TextNode.valueOf(spec.relay()));
    }
    if (spec.args().has(fn)) {
      return CallResult.ok(spec.args().get(fn));
    }
    return CallResult.error(
        1,
        TextNode.valueOf(
            "No service found for service call: serviceId='getDataSrv', fnName='"
                + fn
                + "' (no such argument in SPEC.args)"));
  }

  private static ObjectNode identify(String peer) {
    ObjectNode info = NODES.objectNode();
    info.put("peer_id", peer);
    info.putArray("external_addresses");
    info.put("node_version", "oracle");
    info.put("air_version", "0.62.0");
    info.put("spell_version", "oracle");
    info.putArray("allowed_binaries");
    return info;
  }

  /** js-client's rule for a response's arguments: none → null, one → it, more → the array. */
  static JsonNode responseValue(List<JsonNode> args) {
    return switch (args.size()) {
      case 0 -> NODES.nullNode();
      case 1 -> args.get(0);
      default -> {
        ArrayNode all = NODES.arrayNode();
        all.addAll(args);
        yield all;
      }
    };
  }

  /** Every {@code callbackSrv.response}, in call order. */
  public List<Recorded> responses() {
    return List.copyOf(responses);
  }

  /** Every {@code errorHandlingSrv.error} call's arguments, in call order. */
  public List<Recorded> errors() {
    return List.copyOf(errors);
  }

  /** Every {@code run-console.print} call's arguments, in call order. */
  public List<Recorded> prints() {
    return List.copyOf(prints);
  }
}
