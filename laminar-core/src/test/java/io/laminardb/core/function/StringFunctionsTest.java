package io.laminardb.core.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laminardb.common.error.LaminarException;
import org.junit.jupiter.api.Test;

class StringFunctionsTest {
  /** One character outside the BMP (two UTF-16 units), to check positions count characters. */
  private static final String GRIN = "\uD83D\uDE00";

  @Test
  void lengthsCountCharactersAndBytes() {
    assertThat(StringFunctions.charLength("Ça va")).isEqualTo(5);
    assertThat(StringFunctions.charLength("a" + GRIN)).isEqualTo(2);
    assertThat(StringFunctions.octetLength("Ça")).isEqualTo(3);
    assertThat(StringFunctions.octetLength("a" + GRIN + "€")).isEqualTo(1 + 4 + 3);
    assertThat(StringFunctions.octetLength(new byte[] {1, 2})).isEqualTo(2);
    assertThat(StringFunctions.bitLength("abc")).isEqualTo(24);
  }

  @Test
  void substringIsOneBasedAndClampsLikePostgres() {
    assertThat(StringFunctions.substring("hello", 2)).isEqualTo("ello");
    assertThat(StringFunctions.substring("hello", 0)).isEqualTo("hello");
    assertThat(StringFunctions.substring("hello", 9)).isEqualTo("");
    assertThat(StringFunctions.substring("hello", 2, 3)).isEqualTo("ell");
    assertThat(StringFunctions.substring("hello", 0, 2)).isEqualTo("h");
    assertThat(StringFunctions.substring("hello", -1, 3)).isEqualTo("h");
    assertThat(StringFunctions.substring("hello", 4, Long.MAX_VALUE)).isEqualTo("lo");
    assertThat(StringFunctions.substring(GRIN + "ab", 2, 1)).isEqualTo("a");
    assertThatThrownBy(() -> StringFunctions.substring("hello", 1, -1)).isInstanceOf(LaminarException.class)
        .hasMessageContaining("LDB-7001");
  }

  @Test
  void leftAndRightAcceptNegativeCounts() {
    assertThat(StringFunctions.left("hello", 2)).isEqualTo("he");
    assertThat(StringFunctions.left("hello", -2)).isEqualTo("hel");
    assertThat(StringFunctions.left("hello", -9)).isEqualTo("");
    assertThat(StringFunctions.left("hello", 99)).isEqualTo("hello");
    assertThat(StringFunctions.right("hello", 2)).isEqualTo("lo");
    assertThat(StringFunctions.right("hello", -2)).isEqualTo("llo");
    assertThat(StringFunctions.right(GRIN + "xy", 3)).isEqualTo(GRIN + "xy");
    assertThat(StringFunctions.right(GRIN + "xy", 2)).isEqualTo("xy");
  }

  @Test
  void padRepeatsTheFillAndTruncates() {
    assertThat(StringFunctions.lpad("hi", 5, "xy")).isEqualTo("xyxhi");
    assertThat(StringFunctions.rpad("hi", 5, "xy")).isEqualTo("hixyx");
    assertThat(StringFunctions.lpad("hi", 4)).isEqualTo("  hi");
    assertThat(StringFunctions.rpad("hi", 4)).isEqualTo("hi  ");
    assertThat(StringFunctions.lpad("hello", 2, "x")).isEqualTo("he");
    assertThat(StringFunctions.rpad("hello", 2, "x")).isEqualTo("he");
    assertThat(StringFunctions.lpad("hi", 5, "")).isEqualTo("hi");
    assertThat(StringFunctions.lpad("hi", 0, "x")).isEqualTo("");
    assertThat(StringFunctions.lpad("hi", -3, "x")).isEqualTo("");
    assertThat(StringFunctions.lpad("a", 3, GRIN)).isEqualTo(GRIN + GRIN + "a");
    assertThatThrownBy(() -> StringFunctions.lpad("a", 1L << 40, "x")).hasMessageContaining("LDB-7001");
  }

  @Test
  void repeatReverseInitcap() {
    assertThat(StringFunctions.repeat("ab", 3)).isEqualTo("ababab");
    assertThat(StringFunctions.repeat("ab", 0)).isEqualTo("");
    assertThat(StringFunctions.repeat("ab", -1)).isEqualTo("");
    assertThat(StringFunctions.repeat("", 1L << 40)).isEqualTo("");
    assertThatThrownBy(() -> StringFunctions.repeat("ab", 1L << 40)).hasMessageContaining("LDB-7001");
    assertThat(StringFunctions.reverse("a" + GRIN + "b")).isEqualTo("b" + GRIN + "a");
    assertThat(StringFunctions.initcap("hello wORLD-foo_bar 1st")).isEqualTo("Hello World-Foo_Bar 1st");
    assertThat(StringFunctions.initcap("élan vital")).isEqualTo("Élan Vital");
  }

  @Test
  void splitPartCountsFromEitherEnd() {
    assertThat(StringFunctions.splitPart("a,b,c", ",", 1)).isEqualTo("a");
    assertThat(StringFunctions.splitPart("a,b,c", ",", 3)).isEqualTo("c");
    assertThat(StringFunctions.splitPart("a,b,c", ",", 4)).isEqualTo("");
    assertThat(StringFunctions.splitPart("a,b,c", ",", -1)).isEqualTo("c");
    assertThat(StringFunctions.splitPart("a,b,c", ",", -3)).isEqualTo("a");
    assertThat(StringFunctions.splitPart("a,b,c", ",", -4)).isEqualTo("");
    assertThat(StringFunctions.splitPart("a::b::c", "::", 2)).isEqualTo("b");
    assertThat(StringFunctions.splitPart(",a,", ",", 1)).isEqualTo("");
    assertThat(StringFunctions.splitPart("abc", "", 1)).isEqualTo("abc");
    assertThat(StringFunctions.splitPart("abc", "", 2)).isEqualTo("");
    assertThatThrownBy(() -> StringFunctions.splitPart("a", ",", 0)).hasMessageContaining("LDB-7001");
  }

  @Test
  void asciiAndChrUseCodePoints() {
    assertThat(StringFunctions.ascii("abc")).isEqualTo(97);
    assertThat(StringFunctions.ascii("")).isEqualTo(0);
    assertThat(StringFunctions.ascii(GRIN)).isEqualTo(0x1F600);
    assertThat(StringFunctions.chr(65)).isEqualTo("A");
    assertThat(StringFunctions.chr(0x1F600)).isEqualTo(GRIN);
    assertThatThrownBy(() -> StringFunctions.chr(0)).hasMessageContaining("null character");
    assertThatThrownBy(() -> StringFunctions.chr(-1)).hasMessageContaining("LDB-7001");
    assertThatThrownBy(() -> StringFunctions.chr(0xD800)).hasMessageContaining("LDB-7001");
    assertThatThrownBy(() -> StringFunctions.chr(0x110000)).hasMessageContaining("LDB-7001");
  }

  @Test
  void trimFamilyRemovesAnyOfTheCharacters() {
    assertThat(StringFunctions.btrim("xyhixx", "xy")).isEqualTo("hi");
    assertThat(StringFunctions.btrim("  hi  ")).isEqualTo("hi");
    assertThat(StringFunctions.ltrim("xxhixx", "x")).isEqualTo("hixx");
    assertThat(StringFunctions.rtrim("xxhixx", "x")).isEqualTo("xxhi");
    assertThat(StringFunctions.btrim("xxx", "x")).isEqualTo("");
    assertThat(StringFunctions.btrim("hi", "")).isEqualTo("hi");
    assertThat(StringFunctions.btrim(GRIN + "a" + GRIN, GRIN)).isEqualTo("a");
    assertThat(StringFunctions.trim("LEADING", " ", "  a  ")).isEqualTo("a  ");
  }

  @Test
  void translateReplacesOrDeletes() {
    assertThat(StringFunctions.translate("12345", "143", "ax")).isEqualTo("a2x5");
    assertThat(StringFunctions.translate("abc", "", "x")).isEqualTo("abc");
    assertThat(StringFunctions.translate("aab", "aa", "xy")).isEqualTo("xxb");
    assertThat(StringFunctions.translate("a" + GRIN, GRIN, "!")).isEqualTo("a!");
  }

  @Test
  void searchAndReplace() {
    assertThat(StringFunctions.position("ll", "hello")).isEqualTo(3);
    assertThat(StringFunctions.position("z", "hello")).isEqualTo(0);
    assertThat(StringFunctions.position("", "hello")).isEqualTo(1);
    assertThat(StringFunctions.position("b", GRIN + "b")).isEqualTo(2);
    assertThat(StringFunctions.startsWith("Hello", "He")).isTrue();
    assertThat(StringFunctions.endsWith("Hello", "lo")).isTrue();
    assertThat(StringFunctions.endsWith("Hello", "He")).isFalse();
    assertThat(StringFunctions.replace("foo", "o", "0")).isEqualTo("f00");
    assertThat(StringFunctions.replace("foo", "", "0")).isEqualTo("foo");
  }

  @Test
  void hexAndDigests() {
    assertThat(StringFunctions.toHex(255)).isEqualTo("ff");
    assertThat(StringFunctions.toHex(0)).isEqualTo("0");
    assertThat(StringFunctions.toHex(-1)).isEqualTo("ffffffffffffffff");
    assertThat(StringFunctions.toHex(new byte[] {0x0a, (byte) 0xff})).isEqualTo("0aff");
    assertThat(StringFunctions.md5("abc")).isEqualTo("900150983cd24fb0d6963f7d28e17f72");
    assertThat(StringFunctions.md5("")).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
    assertThat(StringFunctions.md5("abc".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .isEqualTo("900150983cd24fb0d6963f7d28e17f72");
    // Multi-byte characters and inputs longer than the encoding buffer hash their UTF-8 bytes.
    String long1 = "Ça" + GRIN + "é".repeat(700);
    assertThat(StringFunctions.md5(long1))
        .isEqualTo(StringFunctions.md5(long1.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }
}
