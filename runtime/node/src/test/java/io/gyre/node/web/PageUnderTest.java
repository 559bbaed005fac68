package io.gyre.node.web;

import io.gyre.identity.KeyPair;
import io.gyre.node.GyreNode;
import io.gyre.node.TestNodes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** A real node (its data in a temporary directory, free ports) and a browser to open its page. */
final class PageUnderTest implements AutoCloseable {
  final GyreNode node;
  final Browser browser;
  private final TestNodes nodes;
  private final Path dataDir;

  private PageUnderTest(TestNodes nodes, GyreNode node, Browser browser, Path dataDir) {
    this.nodes = nodes;
    this.node = node;
    this.browser = browser;
    this.dataDir = dataDir;
  }

  /**
   * The operator's token from the node's data directory ({@code http.token}), where the peer keeps
   * one: acting requests (run, traces) carry it.
   */
  Optional<String> token() {
    Path file = dataDir.resolve("http.token");
    try {
      return Files.isReadable(file)
          ? Optional.of(Files.readString(file, StandardCharsets.US_ASCII).trim())
          : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Opens the page as its operator: with the token stored, as the page keeps it. */
  void open() {
    browser.driver.get(url("/"));
    token()
        .ifPresent(
            t -> {
              browser.driver.executeScript("localStorage.setItem('gyre.token', arguments[0])", t);
              browser.driver.navigate().refresh();
            });
  }

  /**
   * A node hosting the seed names' peers (once it knows them all), with extra node settings, and
   * Chromium.
   */
  static PageUnderTest start(Path dir, List<String> seedNames, Map<String, String> settings)
      throws Exception {
    TestNodes nodes = new TestNodes(dir);
    try {
      GyreNode node = nodes.start("n1", seedNames, Optional.empty(), settings);
      node.awaitPeers(
              seedNames.stream().map(s -> KeyPair.fromSeedName(s).peerId().base58()).toList())
          .get(60, TimeUnit.SECONDS);
      return new PageUnderTest(nodes, node, Browser.start(), dir.resolve("n1"));
    } catch (Exception | Error e) {
      nodes.close();
      throw e;
    }
  }

  String url(String path) {
    return "http://127.0.0.1:" + node.httpAddress().orElseThrow().getPort() + path;
  }

  /** A JSON request to the node's HTTP API, as a client other than the page would send it. */
  HttpResponse<String> post(String path, String json) throws Exception {
    return send(
        HttpRequest.newBuilder(URI.create(url(path)))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** Deploys a one-module service on the node's peer, named {@code alias} (as gyre service). */
  HttpResponse<String> deploy(byte[] module, String alias) throws Exception {
    return send(
        HttpRequest.newBuilder(URI.create(url("/services?name=" + alias)))
            .header("Content-Type", "application/octet-stream")
            .POST(HttpRequest.BodyPublishers.ofByteArray(module)));
  }

  HttpResponse<String> delete(String path) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(url(path))).DELETE());
  }

  /** examples/services/greeting, built by gyre-examples: a small module to deploy. */
  static byte[] greetingWasm() throws IOException {
    try (InputStream in = PageUnderTest.class.getResourceAsStream("/wasm/greeting.wasm")) {
      return in.readAllBytes();
    }
  }

  /** Sends as the operator: with the token, where the peer keeps one. */
  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    token().ifPresent(t -> request.header("Authorization", "Bearer " + t));
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
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
