package io.gyre.node.web;

import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * After a failed test, keeps the browser's screenshot, console log and HTML under {@code
 * target/playground-failures/<test>.*}.
 */
final class KeepEvidenceOnFailure implements AfterTestExecutionCallback {
  static final Path DIR =
      Path.of(System.getProperty("basedir", ".")).resolve("target").resolve("playground-failures");

  private final Supplier<Browser> browser;

  KeepEvidenceOnFailure(Supplier<Browser> browser) {
    this.browser = browser;
  }

  @Override
  public void afterTestExecution(ExtensionContext context) {
    Browser current = browser.get();
    if (context.getExecutionException().isPresent() && current != null) {
      String name =
          context.getRequiredTestClass().getSimpleName()
              + "."
              + context.getRequiredTestMethod().getName();
      current.keepEvidence(DIR, name);
      System.err.println("kept the browser's screenshot and console under " + DIR + "/" + name);
    }
  }
}
