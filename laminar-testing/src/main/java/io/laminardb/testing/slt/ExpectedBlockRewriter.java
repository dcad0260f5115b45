package io.laminardb.testing.slt;

import io.laminardb.testing.slt.SltRecord.ExpectedBlock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Rewrite mode: replaces the expected blocks of some records with what the engine actually produced,
 * leaving every other line of the file untouched.
 */
public final class ExpectedBlockRewriter {
  private final List<String> original;
  private final List<Replacement> replacements = new ArrayList<>();

  private record Replacement(ExpectedBlock block, List<String> rows) {}

  public ExpectedBlockRewriter(List<String> originalLines) {
    this.original = List.copyOf(originalLines);
  }

  /** Records that {@code block} should read {@code actualRows}. */
  public void replace(ExpectedBlock block, List<String> actualRows) {
    replacements.add(new Replacement(block, List.copyOf(actualRows)));
  }

  public boolean hasChanges() {
    return !replacements.isEmpty();
  }

  /** The file's lines with every replacement applied. */
  public List<String> rewrite() {
    List<String> out = new ArrayList<>(original);
    List<Replacement> bottomUp = new ArrayList<>(replacements);
    bottomUp.sort(Comparator.comparingInt((Replacement r) -> r.block().lastHeaderIndex()).reversed());
    for (Replacement r : bottomUp) {
      List<String> region = out.subList(r.block().lastHeaderIndex() + 1, r.block().endIndex());
      region.clear();
      region.add("----");
      region.addAll(r.rows());
    }
    return out;
  }
}
