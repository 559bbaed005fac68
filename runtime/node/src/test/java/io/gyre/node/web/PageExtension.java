package io.gyre.node.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test class's page: a real node and Chromium, started before its tests and stopped after them.
 * After a failed test it keeps the browser's screenshot, console log and HTML under {@code
 * target/playground-failures/<class>.<test>.*}.
 */
final class PageExtension
    implements BeforeAllCallback, AfterAllCallback, AfterTestExecutionCallback {
  static final Path EVIDENCE =
      Path.of(System.getProperty("basedir", ".")).resolve("target").resolve("playground-failures");

  private final List<String> seedNames;
  private final Map<String, String> settings;
  private Path dir;
  private PageUnderTest page;

  /**
   * @param seedNames the peers the node hosts, its own first
   */
  PageExtension(String... seedNames) {
    this(Map.of(), seedNames);
  }

  /**
   * @param settings extra node settings (e.g. the marketplace on)
   * @param seedNames the peers the node hosts, its own first
   */
  PageExtension(Map<String, String> settings, String... seedNames) {
    this.settings = Map.copyOf(settings);
    this.seedNames = List.of(seedNames);
  }

  PageUnderTest page() {
    return page;
  }

  Browser browser() {
    return page.browser;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    dir = Files.createTempDirectory("gyre-page-");
    page = PageUnderTest.start(dir, seedNames, settings);
  }

  @Override
  public void afterTestExecution(ExtensionContext context) {
    if (context.getExecutionException().isPresent() && page != null) {
      String name =
          context.getRequiredTestClass().getSimpleName()
              + "."
              + context.getRequiredTestMethod().getName();
      page.browser.keepEvidence(EVIDENCE, name);
      System.err.println(
          "kept the browser's screenshot and console under " + EVIDENCE + "/" + name);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    try {
      if (page != null) {
        page.close();
      }
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
