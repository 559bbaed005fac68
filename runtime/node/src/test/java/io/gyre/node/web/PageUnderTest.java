package io.gyre.node.web;

import io.gyre.identity.KeyPair;
import io.gyre.node.GyreNode;
import io.gyre.node.TestNodes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** A real node (its data in a temporary directory, free ports) and a browser to open its page. */
final class PageUnderTest implements AutoCloseable {
  final GyreNode node;
  final Browser browser;
  private final TestNodes nodes;

  private PageUnderTest(TestNodes nodes, GyreNode node, Browser browser) {
    this.nodes = nodes;
    this.node = node;
    this.browser = browser;
  }

  /** A node hosting the seed names' peers (once it knows them all), and Chromium. */
  static PageUnderTest start(Path dir, List<String> seedNames) throws Exception {
    TestNodes nodes = new TestNodes(dir);
    try {
      GyreNode node = nodes.start("n1", seedNames, Optional.empty());
      node.awaitPeers(
              seedNames.stream().map(s -> KeyPair.fromSeedName(s).peerId().base58()).toList())
          .get(60, TimeUnit.SECONDS);
      return new PageUnderTest(nodes, node, Browser.start());
    } catch (Exception | Error e) {
      nodes.close();
      throw e;
    }
  }

  String url(String path) {
    return "http://127.0.0.1:" + node.httpAddress().orElseThrow().getPort() + path;
  }

  /** A request to the node's HTTP API, as a client other than the page would send it. */
  HttpResponse<String> post(String path, String json) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() {
    try {
      browser.close();
    } finally {
      nodes.close();
    }
  }
}
