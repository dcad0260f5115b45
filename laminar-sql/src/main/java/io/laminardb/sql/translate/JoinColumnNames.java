package io.laminardb.sql.translate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.metadata.RelColumnOrigin;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.RelVisitor;

/**
 * Output names of {@code SELECT *} over joins (spec §10.1 rule 6, §25): a column whose name an earlier output
 * column already has is named {@code <column>_<its table>} instead of Calcite's {@code <column>0}.
 */
public final class JoinColumnNames {
  private JoinColumnNames() {}

  /**
   * {@code names} (validated, in output order) with Calcite's duplicate suffixes replaced, when the select list
   * of {@code sql} uses {@code *} or {@code t.*} (explicit aliases are never touched otherwise).
   */
  public static List<String> apply(String sql, RelNode logical, List<String> names) {
    if (!hasStar(sql) || !containsJoin(logical)) {
      return names;
    }
    RelMetadataQuery mq = logical.getCluster().getMetadataQuery();
    List<String> result = new ArrayList<>(names);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      RelColumnOrigin origin = mq.getColumnOrigin(logical, i);
      if (origin != null && !origin.isDerived()) {
        List<String> table = origin.getOriginTable().getQualifiedName();
        String column = origin.getOriginTable().getRowType().getFieldNames().get(origin.getOriginColumnOrdinal());
        String suffix = name.startsWith(column) ? name.substring(column.length()) : "";
        if (!suffix.isEmpty() && suffix.chars().allMatch(Character::isDigit) && seen.contains(column)) {
          String renamed = column + "_" + table.get(table.size() - 1);
          if (!names.contains(renamed)) {
            result.set(i, renamed);
          }
        }
      }
      seen.add(name);
    }
    return result;
  }

  /** A {@code *} right after SELECT, a comma or a dot: a star in a select list (not COUNT(*), not a product). */
  private static boolean hasStar(String sql) {
    List<io.laminardb.sql.parser.Token> tokens = io.laminardb.sql.parser.Lexer.tokenize(sql);
    for (int i = 1; i < tokens.size(); i++) {
      io.laminardb.sql.parser.Token prev = tokens.get(i - 1);
      if (tokens.get(i).isSymbol("*") && (prev.is("SELECT") || prev.isSymbol(",") || prev.isSymbol("."))) {
        return true;
      }
    }
    return false;
  }

  private static boolean containsJoin(RelNode rel) {
    boolean[] found = {false};
    new RelVisitor() {
      @Override
      public void visit(RelNode node, int ordinal, RelNode parent) {
        if (node instanceof Join) {
          found[0] = true;
        }
        super.visit(node, ordinal, parent);
      }
    }.go(rel);
    return found[0];
  }
}
