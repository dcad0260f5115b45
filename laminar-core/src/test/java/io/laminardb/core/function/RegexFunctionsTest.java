package io.laminardb.core.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RegexFunctionsTest {
  @Test
  void replaceFirstUnlessGlobal() {
    Pattern o = RegexFunctions.compile("o", "");
    assertThat(RegexFunctions.replace(o, "foo", "0", false)).isEqualTo("f0o");
    assertThat(RegexFunctions.replace(o, "foo", "0", RegexFunctions.isGlobal("g"))).isEqualTo("f00");
    assertThat(RegexFunctions.replace(RegexFunctions.compile("O", "gi"), "FoO", "0", true)).isEqualTo("F00");
    assertThat(RegexFunctions.replace(RegexFunctions.compile("(b+)", ""), "abbcb", "[\\1]", true))
        .isEqualTo("a[bb]c[b]");
    assertThat(RegexFunctions.replace(RegexFunctions.compile("(b)", ""), "ab", "$1$", true)).isEqualTo("ab$");
  }

  @Test
  void flags() {
    assertThat(RegexFunctions.find(RegexFunctions.compile("^A", "i"), "abc")).isTrue();
    assertThat(RegexFunctions.find(RegexFunctions.compile("^A", "ic"), "abc")).isFalse();
    assertThat(RegexFunctions.find(RegexFunctions.compile("^b", "m"), "a\nb")).isTrue();
    assertThat(RegexFunctions.find(RegexFunctions.compile("a.b", "s"), "a\nb")).isTrue();
    assertThatThrownBy(() -> RegexFunctions.compile("a", "q")).hasMessageContaining("LDB-7001");
    assertThatThrownBy(() -> RegexFunctions.compile("(", "")).hasMessageContaining("LDB-7001");
  }

  @Test
  void countAndExtract() {
    Pattern o = RegexFunctions.compile("o");
    assertThat(RegexFunctions.count(o, "foo boo")).isEqualTo(4);
    assertThat(RegexFunctions.count(o, "foo boo", 3)).isEqualTo(3);
    assertThat(RegexFunctions.count(o, "foo", 4)).isEqualTo(0);
    assertThat(RegexFunctions.count(o, "foo", 99)).isEqualTo(0);
    assertThat(RegexFunctions.count(RegexFunctions.compile("x*"), "ab")).isEqualTo(3);
    assertThatThrownBy(() -> RegexFunctions.count(o, "foo", 0)).hasMessageContaining("LDB-7001");
    assertThat(RegexFunctions.extract(RegexFunctions.compile("(\\d+)-(\\d+)"), "ab 12-34")).isEqualTo("12");
    assertThat(RegexFunctions.extract(RegexFunctions.compile("\\d+"), "ab 12-34")).isEqualTo("12");
    assertThat(RegexFunctions.extract(RegexFunctions.compile("\\d+"), "none")).isNull();
  }

  @Test
  void likeAndSimilar() {
    assertThat(RegexFunctions.matchesWhole(RegexFunctions.compileLike("a%c_", null), "abbcd")).isTrue();
    assertThat(RegexFunctions.matchesWhole(RegexFunctions.compileLike("100!%", "!"), "100%")).isTrue();
    assertThat(RegexFunctions.matchesWhole(RegexFunctions.compileLike("a.c", null), "abc")).isFalse();
    assertThat(RegexFunctions.matchesWhole(RegexFunctions.compileSimilar("(a|b)%"), "bcd")).isTrue();
  }
}
