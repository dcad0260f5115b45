package io.laminardb.testing.slt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExpectedBlockRewriterTest {

  @Test
  void replacesBlocksAndAddsMissingSeparators() {
    String text = """
        # header
        query I
        SELECT a FROM t
        ----
        1
        2

        expect out

        query T
        SHOW SOURCES
        ----
        old
        """;
    SltScript script = SltParser.parse("t.slt", text);
    ExpectedBlockRewriter rewriter = new ExpectedBlockRewriter(script.lines());
    rewriter.replace(((SltRecord.Query) script.records().get(0)).expected(), List.of("3"));
    rewriter.replace(((SltRecord.Expect) script.records().get(1)).expected(), List.of("x | 1", "y | 2"));
    rewriter.replace(((SltRecord.Query) script.records().get(2)).expected(), List.of());
    assertThat(String.join("\n", rewriter.rewrite()) + "\n").isEqualTo("""
        # header
        query I
        SELECT a FROM t
        ----
        3

        expect out
        ----
        x | 1
        y | 2

        query T
        SHOW SOURCES
        ----
        """);
  }
}
