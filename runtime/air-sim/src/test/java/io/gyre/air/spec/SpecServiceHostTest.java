package io.gyre.air.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.gyre.air.CallRequest;
import io.gyre.air.simulation.ServiceReply;
import io.gyre.air.simulation.SimulatedCall;
import io.gyre.identity.KeyPair;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The host's rules that the oracle recordings do not pin (the rest: RunReportGoldenTest). */
class SpecServiceHostTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String INIT = KeyPair.fromSeedName("init").peerId().base58();
  private static final String BOB = KeyPair.fromSeedName("bob").peerId().base58();

  private static SpecServiceHost host(String services) throws SpecException {
    return SimulationSpec.parse(
            "{\"air\": \"(null)\", \"peers\": [\"alice\", \"bob\"], \"services\": "
                + services
                + "}",
            Path.of("."))
        .newServiceHost();
  }

  private static ServiceReply call(
      SpecServiceHost host, String peer, String service, String fn, JsonNode... args) {
    List<JsonNode> list = List.of(args);
    return host.call(
        new SimulatedCall(
            peer,
            new CallRequest(1, service, fn, list, Collections.nCopies(list.size(), List.of())),
            "p",
            INIT,
            42));
  }

  @Test
  void exactMocksComeBeforeWildcardsAndBothBeforeFixedServicesAndBuiltins() throws SpecException {
    SpecServiceHost host =
        host(
            "{\"op.noop\": \"mocked\", \"op.*\": \"star\", \"getDataSrv.-relay-\": \"not the relay\"}");
    assertEquals("mocked", call(host, INIT, "op", "noop").result().result().asText());
    assertEquals(
        "star", call(host, INIT, "op", "identity", NODES.numberNode(1)).result().result().asText());
    assertEquals(
        "not the relay", call(host, INIT, "getDataSrv", "-relay-").result().result().asText());
  }

  @Test
  void seqCountsPerMockAcrossPeersAndTheLastRepeats() throws SpecException {
    SpecServiceHost host = host("{\"c.n\": {\"seq\": [1, 2]}, \"d.n\": {\"seq\": [\"x\"]}}");
    assertEquals(1, call(host, INIT, "c", "n").result().result().asInt());
    assertEquals("x", call(host, INIT, "d", "n").result().result().asText());
    assertEquals(2, call(host, BOB, "c", "n").result().result().asInt());
    assertEquals(2, call(host, INIT, "c", "n").result().result().asInt());
  }

  @Test
  void seqInsidePerPeerCountsPerPeer() throws SpecException {
    SpecServiceHost host = host("{\"c.n\": {\"per_peer\": {\"*\": {\"seq\": [1, 2]}}}}");
    assertEquals(1, call(host, INIT, "c", "n").result().result().asInt());
    assertEquals(1, call(host, BOB, "c", "n").result().result().asInt());
    assertEquals(2, call(host, BOB, "c", "n").result().result().asInt());
  }

  @Test
  void anEmptySeqIsAnErrorResultThatNamesTheMock() throws SpecException {
    ServiceReply reply = call(host("{\"c.n\": {\"seq\": []}}"), INIT, "c", "n");
    assertEquals(1, reply.result().retCode());
    assertEquals("empty seq mock for c.n", reply.result().result().asText());
  }

  @Test
  void peerTimeoutAnswersAfterItsVirtualDelay() throws SpecException {
    ServiceReply reply =
        call(host("{}"), INIT, "peer", "timeout", NODES.numberNode(250), NODES.textNode("t"));
    assertEquals("t", reply.result().result().asText());
    assertEquals(250, reply.delayMs());
  }

  @Test
  void responsesErrorsAndPrintsAreRecordedInOrder() throws SpecException {
    SpecServiceHost host = host("{}");
    call(host, BOB, "callbackSrv", "response");
    call(host, INIT, "callbackSrv", "response", NODES.textNode("a"));
    call(host, INIT, "callbackSrv", "response", NODES.textNode("a"), NODES.numberNode(2));
    call(host, INIT, "errorHandlingSrv", "error", NODES.textNode("e"), NODES.numberNode(0));
    call(host, BOB, "run-console", "print", NODES.textNode("p"));
    assertEquals(
        List.of(
            new SpecServiceHost.Recorded(BOB, NODES.nullNode()),
            new SpecServiceHost.Recorded(INIT, NODES.textNode("a")),
            new SpecServiceHost.Recorded(INIT, NODES.arrayNode().add("a").add(2))),
        host.responses());
    assertEquals(
        List.of(new SpecServiceHost.Recorded(INIT, NODES.arrayNode().add("e").add(0))),
        host.errors());
    assertEquals(
        List.of(new SpecServiceHost.Recorded(BOB, NODES.arrayNode().add("p"))), host.prints());
  }
}
