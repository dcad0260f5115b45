package io.laminardb.sql.translate;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import io.laminardb.core.operator.over.AnalyticFunction;
import io.laminardb.core.operator.over.AnalyticKind;
import io.laminardb.core.operator.over.RankKind;
import io.laminardb.core.plan.AnalyticOperatorSpec;
import io.laminardb.core.plan.OperatorSpec;
import io.laminardb.core.type.DataType;
import io.laminardb.core.type.Field;
import io.laminardb.core.type.Schema;
import io.laminardb.core.type.TypeKind;
import io.laminardb.sql.planner.TypeMapping;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexWindowBound;
import org.apache.calcite.rex.RexWindowExclusion;

/**
 * Translates Calcite's windowed aggregates (a {@link Window} made by ProjectToWindowRule) into analytic
 * operators (spec §11): LAG/LEAD/FIRST_VALUE/LAST_VALUE/NTH_VALUE and ROWS-frame aggregates over
 * {@code ORDER BY} the event time; ranking and {@code ORDER BY ... LIMIT} go to {@link TopNTranslator}.
 */
final class OverTranslator {
  private final PlanTranslator plans;

  private OverTranslator(PlanTranslator plans) {
    this.plans = plans;
  }

  /** The spec for {@code rel} when it is an OVER construct, else null. */
  static OperatorSpec translate(PlanTranslator plans, StreamingOptions options, RelNode rel) {
    if (rel instanceof Calc calc && calc.getInput() instanceof Window window && rankKind(window) != null) {
      return new TopNTranslator(plans, options).topN(calc, window, rankKind(window));
    }
    if (rel instanceof Sort sort && sort.fetch != null) {
      return new TopNTranslator(plans, options).limit(sort);
    }
    if (rel instanceof Window window) {
      if (rankKind(window) != null) {
        throw TopNTranslator.missingBound();
      }
      return new OverTranslator(plans).analytic(window);
    }
    return null;
  }

  private static RankKind rankKind(Window window) {
    for (Window.Group group : window.groups) {
      for (Window.RexWinAggCall call : group.aggCalls) {
        switch (call.getKind()) {
          case ROW_NUMBER -> {
            return RankKind.ROW_NUMBER;
          }
          case RANK -> {
            return RankKind.RANK;
          }
          case DENSE_RANK -> {
            return RankKind.DENSE_RANK;
          }
          default -> { }
        }
      }
    }
    return null;
  }

  /** The translated input of {@code window}; OVER over a changelog is not supported. */
  static OperatorSpec input(PlanTranslator plans, Window window) {
    OperatorSpec input = plans.visit(window.getInput());
    if (input.outputSchema().indexOf(PlanTranslator.WEIGHT) >= 0) {
      throw new LaminarException(ErrorCode.SQL_UNSUPPORTED, "OVER over a changelog stream (one with __weight)"
          + " is not supported yet");
    }
    return input;
  }

  private OperatorSpec analytic(Window window) {
    Window.Group first = window.groups.get(0);
    for (Window.Group group : window.groups) {
      if (!group.keys.equals(first.keys) || !group.orderKeys.equals(first.orderKeys)) {
        throw new LaminarException(ErrorCode.OVER_WINDOWS_DIFFER, "all OVER clauses of a query must use the"
            + " same PARTITION BY and ORDER BY");
      }
    }
    int timeColumn = timeColumn(window, first);
    OperatorSpec input = input(plans, window);
    Schema inputSchema = input.outputSchema();
    int inputWidth = inputSchema.size();
    List<Field> fields = new ArrayList<>(inputSchema.fields());
    List<AnalyticFunction> functions = new ArrayList<>();
    StringBuilder description = new StringBuilder("Analytic: partition=")
        .append(names(inputSchema, first.keys.toArray())).append(", order=")
        .append(inputSchema.field(timeColumn).name()).append(", functions=[");
    int position = inputWidth;
    for (Window.Group group : window.groups) {
      Frame frame = frame(window, group);
      for (Window.RexWinAggCall call : group.aggCalls) {
        var field = window.getRowType().getFieldList().get(position++);
        DataType type = TypeMapping.fromRel(field.getType());
        AnalyticFunction fn = function(window, call, frame, type, inputSchema);
        functions.add(fn);
        fields.add(new Field(field.getName(), type));
        description.append(functions.size() > 1 ? ", " : "").append(fn.kind()).append('(')
            .append(fn.argumentColumn() < 0 ? "*" : inputSchema.field(fn.argumentColumn()).name());
        if (fn.offset() > 0) {
          description.append(", ").append(fn.offset());
        }
        description.append(')');
        if (fn.kind().isFramed()) {
          description.append(frame.preceding() < 0 ? " unbounded" : " " + frame.preceding() + " preceding");
          if (frame.following() > 0) {
            description.append(" to ").append(frame.following()).append(" following");
          }
        }
      }
    }
    description.append(']');
    var expiry = plans.closing.expiry(input, first.keys.toArray());
    if (expiry != null) {
      description.append(", evict by watermark on ")
          .append(inputSchema.field(first.keys.toArray()[expiry.keyIndex()]).name());
    }
    return new AnalyticOperatorSpec(input, new Schema(fields), first.keys.toArray(), timeColumn, functions,
        expiry, description.toString());
  }

  /** The ORDER BY column: the event time of the input (spec §11.1), ascending. */
  private int timeColumn(Window window, Window.Group group) {
    List<RelFieldCollation> order = group.orderKeys.getFieldCollations();
    if (order.size() != 1 || order.get(0).direction.isDescending()) {
      throw orderInvalid();
    }
    int column = order.get(0).getFieldIndex();
    RelNode input = window.getInput();
    var type = input.getRowType().getFieldList().get(column).getType().getSqlTypeName();
    boolean isTimeType = switch (type) {
      case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE, BIGINT, INTEGER -> true;
      default -> false;
    };
    String declared = declaredEventTime(input);
    String source = sourceColumn(input, column);
    if (!isTimeType || (declared != null && !declared.equals(source))) {
      throw orderInvalid();
    }
    return column;
  }

  private LaminarException orderInvalid() {
    return new LaminarException(ErrorCode.OVER_ORDER_INVALID, "OVER (...) must ORDER BY the event-time column"
        + " (the source's WATERMARK column, ascending); rows of a stream are ordered by event time");
  }

  /** The WATERMARK column of the scanned source under {@code input}, or null. */
  private String declaredEventTime(RelNode input) {
    TableScan scan = scanOf(input);
    if (scan == null) {
      return null;
    }
    List<String> name = scan.getTable().getQualifiedName();
    return plans.eventTimeColumnOf(name.get(name.size() - 1));
  }

  private static TableScan scanOf(RelNode input) {
    if (input instanceof TableScan scan) {
      return scan;
    }
    return input instanceof Calc calc && calc.getInput() instanceof TableScan scan ? scan : null;
  }

  /** The scanned column {@code column} of {@code input} passes through unchanged, or null. */
  private static String sourceColumn(RelNode input, int column) {
    if (input instanceof TableScan scan) {
      return scan.getRowType().getFieldNames().get(column);
    }
    if (input instanceof Calc calc && calc.getInput() instanceof TableScan scan) {
      RexProgram program = calc.getProgram();
      RexNode expr = program.expandLocalRef(program.getProjectList().get(column));
      if (expr instanceof RexInputRef ref) {
        return scan.getRowType().getFieldNames().get(ref.getIndex());
      }
    }
    return null;
  }

  /** A ROWS frame: rows before the current one (-1 for UNBOUNDED PRECEDING) and after it. */
  private record Frame(int preceding, int following) {}

  private static Frame frame(Window window, Window.Group group) {
    RexWindowBound lower = group.lowerBound;
    RexWindowBound upper = group.upperBound;
    if (group.exclude != RexWindowExclusion.EXCLUDE_NO_OTHER) {
      throw frameUnsupported();
    }
    int following = 0;
    if (!upper.isCurrentRow()) {
      if (!group.isRows || !upper.isFollowing() || upper.isUnbounded() || upper.getOffset() == null) {
        throw frameUnsupported();
      }
      following = rows(window, upper.getOffset(), "n FOLLOWING");
    }
    if (lower.isUnbounded() && lower.isPreceding()) {
      return new Frame(-1, following);
    }
    if (!group.isRows) {
      throw frameUnsupported();
    }
    if (lower.isCurrentRow()) {
      return new Frame(0, following);
    }
    if (!lower.isPreceding() || lower.getOffset() == null) {
      throw frameUnsupported();
    }
    return new Frame(rows(window, lower.getOffset(), "n PRECEDING"), following);
  }

  private static int rows(Window window, RexNode offset, String what) {
    Long n = constant(window, offset);
    if (n == null || n < 0 || n > 100_000) {
      throw new LaminarException(ErrorCode.OVER_ARGUMENT_INVALID, "ROWS " + what + " needs a constant n between"
          + " 0 and 100000");
    }
    return n.intValue();
  }

  private static LaminarException frameUnsupported() {
    return new LaminarException(ErrorCode.OVER_FRAME_UNSUPPORTED, "supported frames are ROWS BETWEEN"
        + " n PRECEDING | UNBOUNDED PRECEDING | CURRENT ROW AND CURRENT ROW | m FOLLOWING (the default is"
        + " UNBOUNDED PRECEDING AND CURRENT ROW); UNBOUNDED FOLLOWING, RANGE offsets and EXCLUDE are not"
        + " supported");
  }

  private AnalyticFunction function(Window window, Window.RexWinAggCall call, Frame frame, DataType type,
      Schema inputSchema) {
    int preceding = frame.preceding();
    int following = frame.following();
    String name = call.getOperator().getName();
    if (call.distinct || call.ignoreNulls) {
      throw new LaminarException(ErrorCode.OVER_FUNCTION_UNSUPPORTED, name
          + " with DISTINCT or IGNORE NULLS is not supported in OVER");
    }
    List<RexNode> operands = call.getOperands();
    int width = inputSchema.size();
    AnalyticKind kind = switch (call.getKind()) {
      case LAG -> AnalyticKind.LAG;
      case LEAD -> AnalyticKind.LEAD;
      case FIRST_VALUE -> AnalyticKind.FIRST_VALUE;
      case LAST_VALUE -> AnalyticKind.LAST_VALUE;
      case NTH_VALUE -> AnalyticKind.NTH_VALUE;
      case COUNT -> operands.isEmpty() ? AnalyticKind.COUNT_STAR : AnalyticKind.COUNT;
      case SUM -> AnalyticKind.SUM;
      case SUM0 -> AnalyticKind.SUM0;
      case MIN -> AnalyticKind.MIN;
      case MAX -> AnalyticKind.MAX;
      default -> throw new LaminarException(ErrorCode.OVER_FUNCTION_UNSUPPORTED, name + " is not supported"
          + " with OVER; use LAG, LEAD, FIRST_VALUE, LAST_VALUE, NTH_VALUE, SUM, AVG, MIN, MAX, COUNT or"
          + " ROW_NUMBER/RANK/DENSE_RANK with WHERE rank <= N");
    };
    int argument = kind == AnalyticKind.COUNT_STAR ? -1 : column(operands.get(0), width, name);
    if (kind == AnalyticKind.SUM || kind == AnalyticKind.SUM0 || kind == AnalyticKind.MIN
        || kind == AnalyticKind.MAX) {
      var storage = inputSchema.field(argument).type().storage();
      if (storage == TypeKind.Storage.OBJECT || type.storage() == TypeKind.Storage.OBJECT) {
        throw new LaminarException(ErrorCode.SQL_UNSUPPORTED, name + " OVER a "
            + inputSchema.field(argument).type().sql() + " column is not supported yet (numeric and"
            + " timestamp columns are)");
      }
    }
    int offset = 0;
    int defaultColumn = -1;
    Object defaultValue = null;
    if (kind == AnalyticKind.LAG || kind == AnalyticKind.LEAD) {
      offset = 1;
      if (operands.size() > 1) {
        Long n = constant(window, operands.get(1));
        if (n == null || n < 0 || n > 100_000) {
          throw new LaminarException(ErrorCode.OVER_ARGUMENT_INVALID, name + " offset must be a constant"
              + " between 0 and 100000");
        }
        offset = n.intValue();
      }
      if (operands.size() > 2) {
        RexNode d = operands.get(2);
        int index = ((RexInputRef) d).getIndex();
        if (index < width) {
          defaultColumn = index;
        } else {
          defaultValue = stored(window.constants.get(index - width), type, name);
        }
      }
      preceding = 0;
      following = 0;
    } else if (kind == AnalyticKind.NTH_VALUE) {
      Long n = constant(window, operands.get(1));
      if (n == null || n < 1 || n > 100_000) {
        throw new LaminarException(ErrorCode.OVER_ARGUMENT_INVALID, "NTH_VALUE position must be a constant"
            + " between 1 and 100000");
      }
      offset = n.intValue();
    }
    return new AnalyticFunction(kind, argument, offset, preceding, following, defaultColumn, defaultValue,
        type);
  }

  private static int column(RexNode operand, int width, String function) {
    if (operand instanceof RexInputRef ref && ref.getIndex() < width) {
      return ref.getIndex();
    }
    throw new LaminarException(ErrorCode.OVER_ARGUMENT_INVALID, function + " needs a column or expression"
        + " argument, not a constant");
  }

  private static Long constant(Window window, RexNode node) {
    RexNode n = node;
    int width = window.getInput().getRowType().getFieldCount();
    if (n instanceof RexInputRef ref && ref.getIndex() >= width) {
      n = window.constants.get(ref.getIndex() - width);
    }
    if (n instanceof RexLiteral literal && !literal.isNull()) {
      return literal.getValueAs(Long.class);
    }
    return null;
  }

  /** A constant LAG/LEAD default in the storage form of the result type. */
  private static Object stored(RexLiteral literal, DataType type, String function) {
    if (literal.isNull()) {
      return null;
    }
    return switch (type.kind()) {
      case BOOLEAN -> Boolean.TRUE.equals(literal.getValueAs(Boolean.class)) ? 1L : 0L;
      case SMALLINT, INT, BIGINT -> literal.getValueAs(Long.class);
      case FLOAT, DOUBLE -> literal.getValueAs(Double.class);
      case DECIMAL -> literal.getValueAs(BigDecimal.class);
      case VARCHAR -> literal.getValueAs(String.class);
      default -> throw new LaminarException(ErrorCode.OVER_ARGUMENT_INVALID, function + " default must be a"
          + " column, a number, a boolean or a string");
    };
  }

  static String names(Schema schema, int[] columns) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < columns.length; i++) {
      sb.append(i > 0 ? ", " : "").append(schema.field(columns[i]).name());
    }
    return sb.append(']').toString();
  }
}
