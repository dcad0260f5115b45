package io.laminardb.slt;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.laminardb.testing.slt.SltRunner;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the golden SQL corpus: one dynamic test per {@code .slt} file under
 * {@code src/test/resources/slt}. The files are read from the source tree when the build runs from this
 * module (so {@code -Dslt.rewrite=true} rewrites them in place), otherwise from the test classpath.
 * {@code -Dslt.filter=streaming/} runs only files whose relative path contains the text.
 */
class GoldenCorpusTest {
  private static final Duration FILE_TIMEOUT = Duration.ofMinutes(3);

  @TestFactory
  Stream<DynamicTest> corpus() throws IOException, URISyntaxException {
    Path root = corpusRoot();
    String filter = System.getProperty("slt.filter", "");
    SltRunner runner = new SltRunner();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(p -> p.toString().endsWith(".slt"))
          .filter(p -> relative(root, p).contains(filter))
          .sorted()
          .toList();
    }
    assertFalse(files.isEmpty(), "no .slt files under " + root + " matching '" + filter + "'");
    return files.stream().map(file -> {
      String name = relative(root, file);
      return DynamicTest.dynamicTest(name, file.toUri(),
          () -> assertTimeoutPreemptively(FILE_TIMEOUT, () -> runner.run(file, name),
              () -> name + " did not finish within " + FILE_TIMEOUT));
    });
  }

  private static Path corpusRoot() throws URISyntaxException {
    Path source = Path.of("src", "test", "resources", "slt");
    if (Files.isDirectory(source)) {
      return source.toAbsolutePath();
    }
    URL url = GoldenCorpusTest.class.getResource("/slt");
    if (url == null) {
      throw new IllegalStateException("corpus not found: neither " + source.toAbsolutePath()
          + " nor classpath /slt exists");
    }
    return Path.of(url.toURI());
  }

  private static String relative(Path root, Path file) {
    return root.relativize(file).toString().replace('\\', '/');
  }
}
