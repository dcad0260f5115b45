package io.laminardb.sql.planner;

import io.laminardb.core.type.TypeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlIntervalLiteral;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.util.TimeString;

/**
 * Rewrites LaminarDB's window syntax into what Calcite validates (spec §5.1):
 * <ul>
 *   <li>{@code tumble(ts, ...)}, {@code hop(...)}, {@code session(...)} in the select list mean the window
 *       start: they become {@code TUMBLE_START(...)} etc.; {@code SLIDE} is {@code HOP};
 *   <li>a BIGINT/INT event-time column (epoch ms) is wrapped in {@code TO_TIMESTAMP_MILLIS};
 *   <li>an interval offset ({@code TUMBLE(ts, size, INTERVAL '10' SECOND)}) becomes Calcite's TIME alignment;
 *   <li>{@code session_end(ts, gap)} is the last event plus the gap: {@code MAX(ts) + gap}.
 * </ul>
 */
final class WindowSyntax extends SqlShuttle {
  private final RelationResolver resolver;
  private final boolean isContinuous;
  private List<String> fromRelations = List.of();

  private WindowSyntax(RelationResolver resolver, boolean isContinuous) {
    this.resolver = resolver;
    this.isContinuous = isContinuous;
  }

  /** @param isContinuous continuous queries use LaminarDB's FIRST_VALUE/LAST_VALUE aggregates */
  static SqlNode rewrite(SqlNode node, RelationResolver resolver, boolean isContinuous) {
    return node.accept(new WindowSyntax(resolver, isContinuous));
  }

  @Override
  public SqlNode visit(SqlCall call) {
    if (call instanceof SqlSelect select) {
      rewriteSelect(select);
      return select;
    }
    if (call.getKind() == org.apache.calcite.sql.SqlKind.OVER) {
      // FIRST_VALUE(x) OVER (...) stays Calcite's analytic function.
      return call;
    }
    String name = functionName(call);
    if (isContinuous && ("FIRST_VALUE".equals(name) || "LAST_VALUE".equals(name))) {
      var own = "FIRST_VALUE".equals(name)
          ? io.laminardb.sql.function.LaminarAggregates.FIRST_VALUE
          : io.laminardb.sql.function.LaminarAggregates.LAST_VALUE;
      return own.createCall(call.getFunctionQuantifier(), call.getParserPosition(),
          call.getOperandList().toArray(new SqlNode[0]));
    }
    return super.visit(call);
  }

  private void rewriteSelect(SqlSelect select) {
    List<String> outer = fromRelations;
    if (select.getFrom() != null) {
      select.setFrom(select.getFrom().accept(this));
      List<String> names = new ArrayList<>();
      collectTables(select.getFrom(), names);
      fromRelations = names;
    }
    try {
      rewriteClauses(select);
    } finally {
      fromRelations = outer;
    }
  }

  private static void collectTables(SqlNode from, List<String> names) {
    if (from instanceof SqlIdentifier id) {
      names.add(id.names.get(id.names.size() - 1));
    } else if (from instanceof SqlCall call) {
      switch (call.getKind()) {
        case AS -> collectTables(call.operand(0), names);
        case JOIN -> {
          org.apache.calcite.sql.SqlJoin join = (org.apache.calcite.sql.SqlJoin) call;
          collectTables(join.getLeft(), names);
          collectTables(join.getRight(), names);
        }
        default -> { }
      }
    }
  }

  private void rewriteClauses(SqlSelect select) {
    if (select.getWhere() != null) {
      select.setWhere(select.getWhere().accept(this));
    }
    SqlNodeList groupBy = select.getGroup();
    boolean hasWindow = false;
    if (groupBy != null) {
      List<SqlNode> items = new ArrayList<>();
      for (SqlNode item : groupBy) {
        String name = functionName(item);
        if (name != null && isGroupWindow(name)) {
          hasWindow = true;
          items.add(windowCall(name.equals("SLIDE") ? "HOP" : name, (SqlCall) item));
        } else {
          items.add(item);
        }
      }
      select.setGroupBy(new SqlNodeList(items, groupBy.getParserPosition()));
    }
    if (!hasWindow) {
      select.setSelectList((SqlNodeList) select.getSelectList().accept(new ScalarWindows()));
      if (select.getWhere() != null) {
        select.setWhere(select.getWhere().accept(new ScalarWindows()));
      }
    }
    if (hasWindow) {
      select.setSelectList((SqlNodeList) select.getSelectList().accept(new Helpers()));
      if (select.getHaving() != null) {
        select.setHaving(select.getHaving().accept(new Helpers()));
      }
    }
    select.setSelectList((SqlNodeList) select.getSelectList().accept(this));
    if (select.getHaving() != null) {
      select.setHaving(select.getHaving().accept(this));
    }
  }

  /** Rewrites window helper calls inside select-list and HAVING expressions. */
  private final class Helpers extends SqlShuttle {
    @Override
    public SqlNode visit(SqlCall call) {
      String name = functionName(call);
      if (name != null) {
        if (isGroupWindow(name)) {
          return windowCall((name.equals("SLIDE") ? "HOP" : name) + "_START", call);
        }
        if (name.equals("SESSION_END")) {
          SqlNode time = eventTime(call.operand(0));
          SqlNode last = SqlStdOperatorTable.MAX.createCall(call.getParserPosition(), time);
          return SqlStdOperatorTable.PLUS.createCall(call.getParserPosition(), last, call.operand(1));
        }
        if (name.endsWith("_START") || name.endsWith("_END")) {
          String base = name.substring(0, name.lastIndexOf('_'));
          if (isGroupWindow(base)) {
            String suffix = name.substring(name.lastIndexOf('_'));
            return windowCall((base.equals("SLIDE") ? "HOP" : base) + suffix, call);
          }
        }
      }
      return super.visit(call);
    }
  }

  /** Outside GROUP BY, {@code tumble(ts, size[, offset])} is a per-row scalar: the window start (§5.1). */
  private final class ScalarWindows extends SqlShuttle {
    @Override
    public SqlNode visit(SqlCall call) {
      String name = functionName(call);
      if ("TUMBLE".equals(name) || "TUMBLE_START".equals(name) || "TUMBLE_END".equals(name)) {
        List<SqlNode> operands = new ArrayList<>(call.getOperandList());
        if (!operands.isEmpty()) {
          operands.set(0, eventTime(operands.get(0)));
        }
        String function = name.equals("TUMBLE_END") ? "WINDOW_END" : "WINDOW_START";
        SqlUnresolvedFunction f = new SqlUnresolvedFunction(new SqlIdentifier(function,
            call.getParserPosition()), null, null, null, null, SqlFunctionCategory.TIMEDATE);
        return f.createCall(call.getParserPosition(), operands);
      }
      return super.visit(call);
    }
  }

  private static boolean isGroupWindow(String name) {
    return name.equals("TUMBLE") || name.equals("HOP") || name.equals("SLIDE") || name.equals("SESSION");
  }

  private static String functionName(SqlNode node) {
    if (node instanceof SqlCall call && call.getOperator() instanceof SqlUnresolvedFunction f) {
      return f.getName().toUpperCase(Locale.ROOT);
    }
    if (node instanceof SqlCall call && call.getOperator().getName() != null) {
      String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
      return name.startsWith("$") ? name.substring(1) : name;
    }
    return null;
  }

  private SqlNode windowCall(String name, SqlCall original) {
    SqlParserPos pos = original.getParserPosition();
    List<SqlNode> operands = new ArrayList<>(original.getOperandList());
    if (!operands.isEmpty()) {
      operands.set(0, eventTime(operands.get(0)));
    }
    String base = name.contains("_") ? name.substring(0, name.indexOf('_')) : name;
    int offsetIndex = base.equals("TUMBLE") ? 2 : base.equals("HOP") ? 3 : -1;
    if (offsetIndex > 0 && operands.size() > offsetIndex
        && operands.get(offsetIndex) instanceof SqlIntervalLiteral interval) {
      operands.set(offsetIndex, timeOfDay(interval));
    }
    return groupedWindowFunction(name).createCall(pos, operands);
  }

  /** Calcite's grouped-window functions ($TUMBLE etc. and their START/END auxiliaries), by name. */
  private static org.apache.calcite.sql.SqlGroupedWindowFunction groupedWindowFunction(String name) {
    return switch (name) {
      case "TUMBLE" -> SqlStdOperatorTable.TUMBLE_OLD;
      case "TUMBLE_START" -> SqlStdOperatorTable.TUMBLE_START;
      case "TUMBLE_END" -> SqlStdOperatorTable.TUMBLE_END;
      case "HOP" -> SqlStdOperatorTable.HOP_OLD;
      case "HOP_START" -> SqlStdOperatorTable.HOP_START;
      case "HOP_END" -> SqlStdOperatorTable.HOP_END;
      case "SESSION" -> SqlStdOperatorTable.SESSION_OLD;
      case "SESSION_START" -> SqlStdOperatorTable.SESSION_START;
      default -> SqlStdOperatorTable.SESSION_END;
    };
  }

  /** BIGINT/INT epoch-millisecond columns become TIMESTAMPs for Calcite's window functions. */
  private SqlNode eventTime(SqlNode operand) {
    if (operand instanceof SqlIdentifier id && !id.isStar()) {
      TypeKind kind = columnKind(id.names.get(id.names.size() - 1));
      if (kind == TypeKind.BIGINT || kind == TypeKind.INT) {
        SqlUnresolvedFunction toTimestamp = new SqlUnresolvedFunction(
            new SqlIdentifier("TO_TIMESTAMP_MILLIS", id.getParserPosition()), null, null, null, null,
            SqlFunctionCategory.TIMEDATE);
        return toTimestamp.createCall(id.getParserPosition(), id);
      }
    }
    return operand;
  }

  private TypeKind columnKind(String column) {
    TypeKind found = null;
    for (RelationResolver.Relation r : resolver.all()) {
      if (!fromRelations.isEmpty() && !fromRelations.contains(r.name())) {
        continue;
      }
      int i = r.schema().indexOf(column);
      if (i < 0) {
        continue;
      }
      TypeKind kind = r.schema().field(i).type().kind();
      if (found != null && found != kind) {
        return null;
      }
      found = kind;
    }
    return found;
  }

  private static SqlNode timeOfDay(SqlIntervalLiteral interval) {
    SqlIntervalLiteral.IntervalValue value = (SqlIntervalLiteral.IntervalValue) interval.getValue();
    long millis = org.apache.calcite.sql.parser.SqlParserUtil.intervalToMillis(value);
    long dayMillis = Math.floorMod(millis, 86_400_000L);
    int h = (int) (dayMillis / 3_600_000L);
    int m = (int) (dayMillis / 60_000L % 60);
    int s = (int) (dayMillis / 1000L % 60);
    TimeString time = new TimeString(h, m, s).withMillis((int) (dayMillis % 1000L));
    return SqlLiteral.createTime(time, 3, interval.getParserPosition());
  }
}
