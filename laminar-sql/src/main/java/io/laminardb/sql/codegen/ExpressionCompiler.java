package io.laminardb.sql.codegen;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.NlsString;

/**
 * Turns one row expression into Java statements over local variables. Every sub-expression gets a null
 * flag and a value; CASE, AND and OR evaluate lazily so a guarded division never runs.
 */
final class ExpressionCompiler {
  private final FunctionLibrary functions;
  private final InputAccess inputs;
  private final List<String> fields = new ArrayList<>();
  private int counter;

  /** How compiled code reads input column {@code index} of the current row. */
  interface InputAccess {
    Value read(int index, StringBuilder code);
  }

  ExpressionCompiler(FunctionLibrary functions, InputAccess inputs) {
    this.functions = functions;
    this.inputs = inputs;
  }

  /** Field declarations the generated class needs (constants such as decimals and patterns). */
  List<String> fields() {
    return fields;
  }

  String fresh(String prefix) {
    return prefix + (counter++);
  }

  Value compile(RexNode node, StringBuilder code) {
    if (node instanceof RexInputRef ref) {
      return inputs.read(ref.getIndex(), code);
    }
    if (node instanceof RexLiteral literal) {
      return literal(literal);
    }
    if (node instanceof RexCall call) {
      return call(call, code);
    }
    throw unsupported("expression " + node);
  }

  private Value declare(JavaType type, StringBuilder code) {
    String n = fresh("n");
    String v = fresh("v");
    code.append("boolean ").append(n).append(" = false; ").append(type.javaName).append(' ').append(v)
        .append(" = ").append(type.zero).append(";\n");
    return new Value(n, v, type);
  }

  // ---- literals ----

  private Value literal(RexLiteral literal) {
    RelDataType type = literal.getType();
    JavaType jt = JavaType.of(type);
    if (literal.isNull()) {
      return new Value("true", jt.zero, jt);
    }
    String value = switch (jt) {
      case BOOLEAN -> Boolean.toString(literal.getValueAs(Boolean.class));
      case LONG -> literal.getValueAs(Long.class) + "L";
      case DOUBLE -> {
        double d = literal.getValueAs(Double.class);
        yield Double.isNaN(d) ? "Double.NaN" : Double.isInfinite(d)
            ? (d > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY") : Double.toString(d) + "d";
      }
      case DECIMAL -> constant("java.math.BigDecimal", "new java.math.BigDecimal(\""
          + literal.getValueAs(BigDecimal.class).toPlainString() + "\")");
      case STRING -> javaString(literal.getValueAs(String.class));
      case BYTES -> constant("byte[]", "java.util.HexFormat.of().parseHex(\""
          + literal.getValueAs(ByteString.class).toString() + "\")");
      case SYMBOL -> javaString(String.valueOf(literal.getValue()));
      case LIST -> throw new LaminarException(ErrorCode.SQL_UNSUPPORTED, "array literals are not supported"
          + " in continuous queries yet");
    };
    return new Value("false", value, jt);
  }

  String constant(String javaType, String initializer) {
    String name = fresh("c");
    fields.add("private final " + javaType + " " + name + " = " + initializer + ";");
    return name;
  }

  static String javaString(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (ch < 0x20 || ch > 0x7e) {
            sb.append(String.format("\\u%04x", (int) ch));
          } else {
            sb.append(ch);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  // ---- calls ----

  private Value call(RexCall call, StringBuilder code) {
    SqlKind kind = call.getKind();
    return switch (kind) {
      case AND -> andOr(call, code, true);
      case OR -> andOr(call, code, false);
      case NOT -> not(call, code);
      case IS_NULL, IS_NOT_NULL -> isNull(call, code, kind == SqlKind.IS_NULL);
      case IS_TRUE, IS_FALSE, IS_NOT_TRUE, IS_NOT_FALSE -> isTruth(call, code);
      case IS_DISTINCT_FROM, IS_NOT_DISTINCT_FROM -> distinct(call, code);
      case CASE -> caseWhen(call, code);
      case SAFE_CAST -> tryCast(call, code);
      case CAST -> Casting.cast(this, compile(call.getOperands().get(0), code),
          call.getOperands().get(0).getType(), call.getType(), code);
      case EQUALS, NOT_EQUALS, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL ->
          comparison(call, code);
      case PLUS, MINUS, TIMES, DIVIDE, MOD, CHECKED_PLUS, CHECKED_MINUS, CHECKED_TIMES, CHECKED_DIVIDE ->
          ArithmeticCode.binary(this, call, code);
      case MINUS_PREFIX, CHECKED_MINUS_PREFIX -> ArithmeticCode.negate(this, call, code);
      case PLUS_PREFIX -> compile(call.getOperands().get(0), code);
      case LIKE -> Patterns.like(this, call, code);
      case SIMILAR -> Patterns.similar(this, call, code);
      case EXTRACT -> Temporal.extract(this, call, code);
      case FLOOR, CEIL -> call.getOperands().size() == 2 ? Temporal.floorCeil(this, call, code)
          : function(call, code);
      case GREATEST, LEAST, GREATEST_PG, LEAST_PG -> greatestLeast(call, code);
      case RLIKE -> Patterns.regexFunction(this, call, code);
      default -> named(call, code);
    };
  }

  /** Functions told apart by name: clock and watermark reads, the non-strict ones, then the library. */
  private Value named(RexCall call, StringBuilder code) {
    String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
    return switch (name) {
      case "CURRENT_TIMESTAMP", "LOCALTIMESTAMP", "NOW", "PROCTIME" ->
          new Value("false", "ctx.processingTimeMillis", JavaType.LONG);
      case "CURRENT_DATE" -> new Value("false", "Math.floorDiv(ctx.processingTimeMillis, 86400000L)", JavaType.LONG);
      case "CURRENT_TIME", "LOCALTIME" ->
          new Value("false", "Math.floorMod(ctx.processingTimeMillis, 86400000L)", JavaType.LONG);
      case "WATERMARK" -> watermark(code);
      case "CONCAT" -> Concatenation.concat(this, call, code);
      case "CONCAT_WS" -> Concatenation.concatWs(this, call, code);
      case "DATE_TRUNC" -> Temporal.dateTrunc(this, call, code);
      default -> Patterns.isRegexFunction(name) ? Patterns.regexFunction(this, call, code)
          : function(call, code);
    };
  }

  private Value watermark(StringBuilder code) {
    Value out = declare(JavaType.LONG, code);
    code.append(out.isNull()).append(" = ctx.watermark == Long.MIN_VALUE; ").append(out.value())
        .append(" = ctx.watermark;\n");
    return out;
  }

  /** TRY_CAST / SAFE_CAST: NULL instead of an error when the value does not convert. */
  private Value tryCast(RexCall call, StringBuilder code) {
    RexNode operand = call.getOperands().get(0);
    Value in = compile(operand, code);
    Value out = declare(JavaType.of(call.getType()), code);
    StringBuilder body = new StringBuilder();
    Value v = Casting.cast(this, in, operand.getType(), call.getType(), body);
    code.append("try {\n").append(body).append(out.isNull()).append(" = ").append(v.isNull()).append("; ")
        .append(out.value()).append(" = ").append(v.value()).append(";\n} catch (")
        .append("io.laminardb.common.error.LaminarException ex) { ").append(out.isNull())
        .append(" = true; }\n");
    return out;
  }

  /** A strict call of a library method: NULL if any argument is NULL. */
  Value function(RexCall call, StringBuilder code) {
    String name = call.getOperator().getName();
    List<Value> args = new ArrayList<>();
    List<JavaType> types = new ArrayList<>();
    for (RexNode operand : call.getOperands()) {
      Value v = compile(operand, code);
      args.add(v);
      types.add(v.type());
    }
    Method method = functions.find(name, types);
    if (method == null) {
      throw unsupported("function " + name + describeArgs(call)
          + " in continuous queries");
    }
    return invoke(method, args, call.getType(), code);
  }

  private Value invoke(Method method, List<Value> args, RelDataType sqlType, StringBuilder code) {
    JavaType resultType = JavaType.of(sqlType);
    Value out = declare(resultType, code);
    StringBuilder nullCheck = new StringBuilder();
    StringBuilder callText = new StringBuilder(method.getDeclaringClass().getName()).append('.')
        .append(method.getName()).append('(');
    Class<?>[] params = method.getParameterTypes();
    for (int i = 0; i < args.size(); i++) {
      Value a = args.get(i);
      if (!a.neverNull()) {
        if (nullCheck.length() > 0) {
          nullCheck.append(" || ");
        }
        nullCheck.append(a.isNull());
      }
      if (i > 0) {
        callText.append(", ");
      }
      callText.append(argument(a, params[i]));
    }
    callText.append(')');
    String result = convertResult(method.getReturnType(), callText.toString(), resultType);
    if (resultType == JavaType.DECIMAL) {
      result = "io.laminardb.core.function.Casts.rescale(" + result + ", " + Math.max(0, sqlType.getScale())
          + ")";
    } else if (resultType == JavaType.LONG) {
      result = ArithmeticCode.narrow(sqlType, result); // abs(INT_MIN) does not fit INT: LDB-7001
    }
    if (nullCheck.length() == 0) {
      code.append(out.value()).append(" = ").append(result).append(";\n");
    } else {
      code.append("if (").append(nullCheck).append(") { ").append(out.isNull()).append(" = true; } else { ")
          .append(out.value()).append(" = ").append(result).append("; }\n");
    }
    return out;
  }

  /** Java text passing {@code a} to a parameter of type {@code param} (FunctionLibrary only widens). */
  private static String argument(Value a, Class<?> param) {
    if (param == double.class && a.type() == JavaType.DECIMAL) {
      return a.value() + ".doubleValue()";
    }
    if (param == int.class) {
      return "(int) " + a.value();
    }
    return a.value();
  }

  private static String convertResult(Class<?> returned, String expr, JavaType want) {
    JavaType have = JavaType.of(returned);
    if (have == want) {
      return expr;
    }
    if (want == JavaType.DOUBLE && have == JavaType.LONG) {
      return "(double) " + expr;
    }
    if (want == JavaType.LONG && have == JavaType.DOUBLE) {
      return "io.laminardb.core.function.Casts.toLong(" + expr + ")";
    }
    if (want == JavaType.DECIMAL && have == JavaType.LONG) {
      return "java.math.BigDecimal.valueOf(" + expr + ")";
    }
    if (want == JavaType.DECIMAL && have == JavaType.DOUBLE) {
      return "java.math.BigDecimal.valueOf(" + expr + ")";
    }
    if (want == JavaType.DOUBLE && have == JavaType.DECIMAL) {
      return "(" + expr + ").doubleValue()";
    }
    throw new LaminarException(ErrorCode.INTERNAL, "cannot convert " + returned + " to " + want);
  }

  private static String describeArgs(RexCall call) {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < call.getOperands().size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(call.getOperands().get(i).getType().getSqlTypeName());
    }
    return sb.append(')').toString();
  }

  private Value andOr(RexCall call, StringBuilder code, boolean isAnd) {
    // Three-valued: AND is false if any operand is false, else NULL if any is NULL, else true.
    Value out = declare(JavaType.BOOLEAN, code);
    String decided = fresh("d");
    String sawNull = fresh("u");
    code.append("boolean ").append(decided).append(" = false; boolean ").append(sawNull)
        .append(" = false;\n");
    for (RexNode operand : call.getOperands()) {
      code.append("if (!").append(decided).append(") {\n");
      Value v = compile(operand, code);
      code.append("if (").append(v.isNull()).append(") { ").append(sawNull).append(" = true; } else if (")
          .append(isAnd ? "!" : "").append(v.value()).append(") { ").append(decided).append(" = true; }\n");
      code.append("}\n");
    }
    code.append("if (").append(decided).append(") { ").append(out.value()).append(" = ")
        .append(isAnd ? "false" : "true").append("; } else if (").append(sawNull).append(") { ")
        .append(out.isNull()).append(" = true; } else { ").append(out.value()).append(" = ")
        .append(isAnd ? "true" : "false").append("; }\n");
    return out;
  }

  private Value not(RexCall call, StringBuilder code) {
    Value v = compile(call.getOperands().get(0), code);
    return new Value(v.isNull(), "(!" + v.value() + ")", JavaType.BOOLEAN);
  }

  private Value isNull(RexCall call, StringBuilder code, boolean wantNull) {
    Value v = compile(call.getOperands().get(0), code);
    return new Value("false", (wantNull ? "" : "!") + v.isNull(), JavaType.BOOLEAN);
  }

  private Value isTruth(RexCall call, StringBuilder code) {
    Value v = compile(call.getOperands().get(0), code);
    String expr = switch (call.getKind()) {
      case IS_TRUE -> "(!" + v.isNull() + " && " + v.value() + ")";
      case IS_FALSE -> "(!" + v.isNull() + " && !" + v.value() + ")";
      case IS_NOT_TRUE -> "(" + v.isNull() + " || !" + v.value() + ")";
      default -> "(" + v.isNull() + " || " + v.value() + ")";
    };
    return new Value("false", expr, JavaType.BOOLEAN);
  }

  private Value distinct(RexCall call, StringBuilder code) {
    Value a = compile(call.getOperands().get(0), code);
    Value b = compile(call.getOperands().get(1), code);
    String same = "((" + a.isNull() + " && " + b.isNull() + ") || (!" + a.isNull() + " && !" + b.isNull()
        + " && " + Comparisons.compare(a, b, "==") + "))";
    boolean wantDistinct = call.getKind() == SqlKind.IS_DISTINCT_FROM;
    return new Value("false", wantDistinct ? "!" + same : same, JavaType.BOOLEAN);
  }

  private Value comparison(RexCall call, StringBuilder code) {
    Value a = compile(call.getOperands().get(0), code);
    Value b = compile(call.getOperands().get(1), code);
    String op = switch (call.getKind()) {
      case EQUALS -> "==";
      case NOT_EQUALS -> "!=";
      case LESS_THAN -> "<";
      case LESS_THAN_OR_EQUAL -> "<=";
      case GREATER_THAN -> ">";
      default -> ">=";
    };
    Value out = declare(JavaType.BOOLEAN, code);
    String nulls = nullEither(a, b);
    String cmp = Comparisons.compare(a, b, op);
    if (nulls == null) {
      code.append(out.value()).append(" = ").append(cmp).append(";\n");
    } else {
      code.append("if (").append(nulls).append(") { ").append(out.isNull()).append(" = true; } else { ")
          .append(out.value()).append(" = ").append(cmp).append("; }\n");
    }
    return out;
  }

  static String nullEither(Value a, Value b) {
    if (a.neverNull() && b.neverNull()) {
      return null;
    }
    if (a.neverNull()) {
      return b.isNull();
    }
    if (b.neverNull()) {
      return a.isNull();
    }
    return a.isNull() + " || " + b.isNull();
  }

  private Value caseWhen(RexCall call, StringBuilder code) {
    JavaType type = JavaType.of(call.getType());
    Value out = declare(type, code);
    List<RexNode> ops = call.getOperands();
    int branches = (ops.size() - 1) / 2;
    int closers = 0;
    for (int i = 0; i < branches; i++) {
      Value cond = compile(ops.get(2 * i), code);
      code.append("if (!").append(cond.isNull()).append(" && ").append(cond.value()).append(") {\n");
      assign(out, ops.get(2 * i + 1), call.getType(), code);
      code.append("} else {\n");
      closers++;
    }
    assign(out, ops.get(ops.size() - 1), call.getType(), code);
    code.append("}\n".repeat(closers));
    return out;
  }

  /** Evaluates {@code node}, converts it to {@code targetType}, and stores it into {@code out}. */
  void assign(Value out, RexNode node, RelDataType targetType, StringBuilder code) {
    Value v = compile(node, code);
    if (!node.getType().getSqlTypeName().equals(targetType.getSqlTypeName())
        || JavaType.of(node.getType()) != out.type()) {
      v = Casting.cast(this, v, node.getType(), targetType, code);
    }
    code.append(out.isNull()).append(" = ").append(v.isNull()).append("; ").append(out.value())
        .append(" = ").append(v.value()).append(";\n");
  }

  private Value greatestLeast(RexCall call, StringBuilder code) {
    // GREATEST/LEAST ignore NULL arguments (PostgreSQL/DataFusion); NULL only when all are NULL.
    boolean greatest = call.getKind() == SqlKind.GREATEST || call.getKind() == SqlKind.GREATEST_PG;
    Value out = declare(JavaType.of(call.getType()), code);
    code.append(out.isNull()).append(" = true;\n");
    for (RexNode operand : call.getOperands()) {
      Value v = compile(operand, code);
      if (JavaType.of(operand.getType()) != out.type()) {
        v = Casting.cast(this, v, operand.getType(), call.getType(), code);
      }
      String better = Comparisons.compare(v, out, greatest ? ">" : "<");
      code.append("if (!").append(v.isNull()).append(" && (").append(out.isNull()).append(" || ")
          .append(better).append(")) { ").append(out.isNull()).append(" = false; ").append(out.value())
          .append(" = ").append(v.value()).append("; }\n");
    }
    return out;
  }

  Value declareValue(JavaType type, StringBuilder code) {
    return declare(type, code);
  }

  static boolean isIntegerType(RelDataType type) {
    return SqlTypeFamily.INTEGER.contains(type) || type.getSqlTypeName() == SqlTypeName.TINYINT;
  }

  static LaminarException unsupported(String what) {
    return new LaminarException(ErrorCode.SQL_UNSUPPORTED, what + " is not supported yet");
  }

  static String stringValue(RexLiteral literal) {
    Object v = literal.getValue();
    return v instanceof NlsString nls ? nls.getValue() : String.valueOf(v);
  }
}
