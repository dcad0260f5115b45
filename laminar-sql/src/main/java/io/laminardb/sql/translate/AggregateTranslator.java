package io.laminardb.sql.translate;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import io.laminardb.core.operator.aggregate.AccumulatorSpec;
import io.laminardb.core.operator.aggregate.AggregateKind;
import io.laminardb.core.operator.aggregate.AggregateLayout;
import io.laminardb.core.operator.aggregate.AggregateSpec;
import io.laminardb.core.operator.aggregate.EmitMode;
import io.laminardb.core.operator.window.WindowSpec;
import io.laminardb.core.plan.AggregateOperatorSpec;
import io.laminardb.core.plan.LateRowFilterSpec;
import io.laminardb.core.plan.OperatorSpec;
import io.laminardb.core.type.DataType;
import io.laminardb.core.type.Field;
import io.laminardb.core.type.Schema;
import io.laminardb.core.type.TypeKind;
import io.laminardb.sql.planner.TypeMapping;
import io.laminardb.sql.tree.EmitClause;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.sql.SqlKind;

/**
 * Translates a Calcite Aggregate into an aggregate operator: finds the group window (TUMBLE/HOP call among
 * the group keys), maps aggregate calls to accumulators, and checks EMIT and lateness clauses (spec §6).
 */
final class AggregateTranslator {
  private final PlanTranslator plans;
  private final StreamingOptions options;

  AggregateTranslator(PlanTranslator plans, StreamingOptions options) {
    this.plans = plans;
    this.options = options;
  }

  /** A group window found among the group keys of an aggregate: fixed ({@code spec}) or a session gap. */
  private record GroupWindow(int inputColumn, WindowSpec spec, long sessionGap, RexNode timeOperand) {}

  OperatorSpec translate(Aggregate aggregate) {
    if (aggregate.getGroupSets().size() > 1) {
      throw unsupported("GROUPING SETS, ROLLUP and CUBE in continuous queries");
    }
    RelNode input = aggregate.getInput();
    GroupWindow window = findWindow(aggregate, input);
    if (options.lateDataTo() != null && window == null) {
      throw new LaminarException(ErrorCode.WINDOW_INVALID, "LATE DATA TO requires a windowed aggregation");
    }
    long lateness = options.allowedLatenessMillis() == null ? 0 : options.allowedLatenessMillis();
    if (options.emit() != null && options.emit().mode() == EmitClause.Mode.FINAL) {
      lateness = 0;
    }
    long finalLateness = lateness;
    boolean needsTime = false;
    for (AggregateCall call : aggregate.getAggCallList()) {
      SqlKind kind = call.getAggregation().getKind();
      needsTime |= kind == SqlKind.FIRST_VALUE || kind == SqlKind.LAST_VALUE || kind == SqlKind.ARRAY_AGG;
    }
    PlanTranslator.OperatorSpecWithColumn timed = window == null && needsTime ? plans.withEventTime(input)
        : null;
    OperatorSpec inputSpec = timed != null ? timed.spec() : window == null ? plans.visit(input)
        : plans.calcReplacing((Calc) input, window.inputColumn(), window.timeOperand(),
            raw -> options.lateDataTo() == null ? raw : new LateRowFilterSpec(raw, window.spec(),
                window.sessionGap(), originalTimeColumn(window.timeOperand()), finalLateness,
                options.lateDataTo()));
    Schema inputSchema = inputSpec.outputSchema();
    int weightColumn = inputSchema.indexOf(PlanTranslator.WEIGHT);
    EmitMode mode = emitMode(window != null);
    if (window == null && lateness > 0) {
      throw new LaminarException(ErrorCode.WINDOW_INVALID, "ALLOW LATENESS requires a windowed aggregation");
    }

    List<Field> outputFields = new ArrayList<>();
    Schema calciteOutput = TypeMapping.schemaOf(aggregate.getRowType());
    outputFields.addAll(calciteOutput.fields());
    List<Integer> keyInputs = new ArrayList<>();
    List<Integer> keyOutputs = new ArrayList<>();
    int windowStartColumn = -1;
    int position = 0;
    for (int groupColumn : aggregate.getGroupSet()) {
      if (window != null && groupColumn == window.inputColumn()) {
        windowStartColumn = position;
      } else {
        keyInputs.add(groupColumn);
        keyOutputs.add(position);
      }
      position++;
    }
    int timeColumn = window != null ? window.inputColumn() : timed != null ? timed.column() : -1;
    List<AccumulatorSpec> accumulators = new ArrayList<>();
    int[] aggregateColumns = new int[aggregate.getAggCallList().size()];
    for (int i = 0; i < aggregateColumns.length; i++) {
      AggregateCall call = aggregate.getAggCallList().get(i);
      aggregateColumns[i] = position + i;
      AccumulatorSpec spec = accumulator(call, inputSchema, timeColumn,
          calciteOutput.field(position + i).type());
      if (weightColumn >= 0 && !retractable(spec.kind())) {
        throw unsupported("cannot compute " + call.getAggregation().getName()
            + " over a changelog stream (one with __weight), which");
      }
      accumulators.add(spec);
    }
    int outputWeight = -1;
    if (mode == EmitMode.CHANGES) {
      outputWeight = outputFields.size();
      outputFields.add(new Field(PlanTranslator.WEIGHT, DataType.of(TypeKind.BIGINT).withNullable(false)));
    }
    Schema output = new Schema(outputFields);
    AggregateLayout layout = new AggregateLayout(toArray(keyOutputs), windowStartColumn, -1, aggregateColumns,
        outputWeight);
    long interval = mode == EmitMode.EVERY_INTERVAL ? options.emit().intervalMillis() : 0;
    AggregateSpec spec = new AggregateSpec(inputSchema, toArray(keyInputs), accumulators, layout, output, mode,
        weightColumn, interval);
    return new AggregateOperatorSpec(inputSpec, spec, window == null ? null : window.spec(),
        window == null ? 0 : window.sessionGap(), timeColumn, lateness);
  }

  /** The input column the window's time comes from (a column, or TO_TIMESTAMP_MILLIS of one). */
  private static int originalTimeColumn(RexNode time) {
    RexNode node = time;
    if (node instanceof RexCall call && call.getOperands().size() == 1) {
      node = call.getOperands().get(0);
    }
    if (node instanceof org.apache.calcite.rex.RexInputRef ref) {
      return ref.getIndex();
    }
    throw unsupported("LATE DATA TO with a computed event time");
  }

  private EmitMode emitMode(boolean windowed) {
    EmitClause emit = options.emit();
    if (emit == null) {
      return windowed ? EmitMode.ON_WATERMARK : EmitMode.ON_UPDATE;
    }
    return switch (emit.mode()) {
      case ON_WATERMARK, ON_WINDOW_CLOSE, FINAL -> {
        if (!windowed) {
          throw new LaminarException(ErrorCode.WINDOW_INVALID, emit.sql()
              + " requires a windowed aggregation (GROUP BY TUMBLE/HOP/SESSION)");
        }
        yield switch (emit.mode()) {
          case ON_WATERMARK -> EmitMode.ON_WATERMARK;
          case ON_WINDOW_CLOSE -> EmitMode.ON_WINDOW_CLOSE;
          default -> EmitMode.FINAL;
        };
      }
      case ON_UPDATE -> EmitMode.ON_UPDATE;
      case CHANGES -> EmitMode.CHANGES;
      case EVERY_INTERVAL -> EmitMode.EVERY_INTERVAL;
    };
  }

  private GroupWindow findWindow(Aggregate aggregate, RelNode input) {
    if (!(input instanceof Calc calc)) {
      return null;
    }
    RexProgram program = calc.getProgram();
    GroupWindow found = null;
    for (int groupColumn : aggregate.getGroupSet()) {
      RexNode expr = program.expandLocalRef(program.getProjectList().get(groupColumn));
      if (!(expr instanceof RexCall call)) {
        continue;
      }
      SqlKind kind = call.getKind();
      if (kind != SqlKind.TUMBLE && kind != SqlKind.HOP && kind != SqlKind.SESSION) {
        continue;
      }
      if (found != null) {
        throw new LaminarException(ErrorCode.WINDOW_INVALID, "a query may group by only one window");
      }
      if (kind == SqlKind.SESSION) {
        if (call.getOperands().size() != 2) {
          throw new LaminarException(ErrorCode.WINDOW_INVALID, "SESSION requires 2 arguments");
        }
        long gap = millis(call.getOperands().get(1), "SESSION gap");
        if (gap <= 0) {
          throw new LaminarException(ErrorCode.WINDOW_SIZE_INVALID, "SESSION gap must be positive");
        }
        found = new GroupWindow(groupColumn, null, gap, call.getOperands().get(0));
      } else {
        found = new GroupWindow(groupColumn, windowSpec(call), 0, call.getOperands().get(0));
      }
    }
    return found;
  }

  private static WindowSpec windowSpec(RexCall call) {
    List<RexNode> ops = call.getOperands();
    switch (call.getKind()) {
      case TUMBLE -> {
        if (ops.size() < 2 || ops.size() > 3) {
          throw new LaminarException(ErrorCode.WINDOW_INVALID, "TUMBLE requires 2 or 3 arguments");
        }
        return WindowSpec.tumble(millis(ops.get(1), "TUMBLE size"),
            ops.size() == 3 ? millis(ops.get(2), "TUMBLE offset") : 0);
      }
      case HOP -> {
        if (ops.size() < 3 || ops.size() > 4) {
          throw new LaminarException(ErrorCode.WINDOW_INVALID, "HOP requires 3 or 4 arguments");
        }
        return WindowSpec.hop(millis(ops.get(1), "HOP slide"), millis(ops.get(2), "HOP size"),
            ops.size() == 4 ? millis(ops.get(3), "HOP offset") : 0);
      }
      default -> throw unsupported("SESSION windows");
    }
  }

  private static long millis(RexNode node, String what) {
    if (node instanceof RexLiteral literal && !literal.isNull()) {
      if (literal.getType().getSqlTypeName() == org.apache.calcite.sql.type.SqlTypeName.TIME) {
        // Calcite's window alignment is a time of day: the offset in milliseconds since midnight.
        return literal.getValueAs(Integer.class);
      }
      Long value = literal.getValueAs(Long.class);
      if (value != null) {
        return value;
      }
    }
    throw new LaminarException(ErrorCode.WINDOW_INVALID, what + " must be a constant interval such as"
        + " INTERVAL '1' MINUTE");
  }

  private static AccumulatorSpec accumulator(AggregateCall call, Schema input, int timeColumn,
      DataType resultType) {
    String name = call.getAggregation().getName().toUpperCase(Locale.ROOT);
    List<Integer> args = call.getArgList();
    int arg = args.isEmpty() ? -1 : args.get(0);
    DataType argType = arg < 0 ? null : input.field(arg).type();
    AggregateKind kind = switch (call.getAggregation().getKind()) {
      case COUNT -> call.isApproximate() || name.startsWith("APPROX") ? AggregateKind.APPROX_COUNT_DISTINCT
          : call.isDistinct() ? AggregateKind.COUNT_DISTINCT : arg < 0 ? AggregateKind.COUNT_STAR
          : AggregateKind.COUNT;
      case SUM, SUM0 -> AggregateKind.SUM;
      case AVG -> AggregateKind.AVG;
      case MIN -> name.equals("BOOL_AND") || name.equals("EVERY") ? AggregateKind.BOOL_AND : AggregateKind.MIN;
      case MAX -> name.equals("BOOL_OR") || name.equals("SOME") ? AggregateKind.BOOL_OR : AggregateKind.MAX;
      case FIRST_VALUE -> AggregateKind.FIRST_VALUE;
      case LAST_VALUE -> AggregateKind.LAST_VALUE;
      case ARRAY_AGG -> AggregateKind.ARRAY_AGG;
      case STDDEV_SAMP -> AggregateKind.STDDEV_SAMP;
      case STDDEV_POP -> AggregateKind.STDDEV_POP;
      case VAR_SAMP -> AggregateKind.VAR_SAMP;
      case VAR_POP -> AggregateKind.VAR_POP;
      default -> switch (name) {
        case "BOOL_AND", "EVERY", "LOGICAL_AND" -> AggregateKind.BOOL_AND;
        case "BOOL_OR", "LOGICAL_OR" -> AggregateKind.BOOL_OR;
        case "STDDEV" -> AggregateKind.STDDEV_SAMP;
        case "VARIANCE" -> AggregateKind.VAR_SAMP;
        default -> throw unsupported("the aggregate function " + name);
      };
    };
    if (call.isDistinct() && kind != AggregateKind.COUNT_DISTINCT && kind != AggregateKind.MIN
        && kind != AggregateKind.MAX && kind != AggregateKind.APPROX_COUNT_DISTINCT) {
      throw unsupported(name + "(DISTINCT ...)");
    }
    if (kind == AggregateKind.SUM && argType != null && !argType.kind().isNumeric()) {
      throw new LaminarException(ErrorCode.SQL_TYPE_MISMATCH, "SUM needs a numeric argument, not "
          + argType.sql());
    }
    if (kind == AggregateKind.ARRAY_AGG && !call.collation.getFieldCollations().isEmpty()) {
      throw new LaminarException(ErrorCode.SQL_UNSUPPORTED, "ARRAY_AGG(... ORDER BY ...) is not supported yet;"
          + " ARRAY_AGG lists values in event-time order (ties in arrival order)");
    }
    int time = kind == AggregateKind.FIRST_VALUE || kind == AggregateKind.LAST_VALUE
        || kind == AggregateKind.ARRAY_AGG ? timeColumn : -1;
    return new AccumulatorSpec(kind, arg, argType, time, resultType, call.filterArg);
  }

  private static boolean retractable(AggregateKind kind) {
    return switch (kind) {
      case COUNT_STAR, COUNT, SUM, AVG, MIN, MAX, STDDEV_SAMP, STDDEV_POP, VAR_SAMP, VAR_POP, BOOL_AND,
          BOOL_OR -> true;
      default -> false;
    };
  }

  private static int[] toArray(List<Integer> list) {
    int[] a = new int[list.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = list.get(i);
    }
    return a;
  }

  private static LaminarException unsupported(String what) {
    return new LaminarException(ErrorCode.SQL_UNSUPPORTED, what + " is not supported yet");
  }
}
