package io.laminardb.sql.codegen;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import io.laminardb.core.function.RegexFunctions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * LIKE, SIMILAR TO and regex functions. A constant pattern is compiled once into a field of the generated
 * class; a pattern from data is compiled per row.
 */
final class Patterns {
  private static final String FN = "io.laminardb.core.function.RegexFunctions.";
  private static final Set<String> REGEX_FUNCTIONS = Set.of("REGEXP_LIKE", "REGEXP_CONTAINS",
      "REGEXP_REPLACE", "REGEXP_EXTRACT", "REGEXP_SUBSTR", "REGEXP_COUNT", "RLIKE",
      "POSIX REGEX CASE SENSITIVE", "POSIX REGEX CASE INSENSITIVE", "NEGATED POSIX REGEX CASE SENSITIVE",
      "NEGATED POSIX REGEX CASE INSENSITIVE", "POSIX REGEX (CASE SENSITIVE)", "POSIX REGEX (CASE INSENSITIVE)",
      "NEGATED POSIX REGEX (CASE SENSITIVE)", "NEGATED POSIX REGEX (CASE INSENSITIVE)");

  private Patterns() {}

  static boolean isRegexFunction(String name) {
    return REGEX_FUNCTIONS.contains(name.toUpperCase(Locale.ROOT));
  }

  static Value like(ExpressionCompiler compiler, RexCall call, StringBuilder code) {
    List<RexNode> ops = call.getOperands();
    String escape = ops.size() > 2 ? ExpressionCompiler.stringValue((RexLiteral) ops.get(2)) : null;
    String escapeText = escape == null ? "null" : ExpressionCompiler.javaString(escape);
    boolean negated = call.getOperator().getName().startsWith("NOT");
    boolean insensitive = call.getOperator().getName().contains("ILIKE");
    String compile = "io.laminardb.core.function.RegexFunctions.compileLike(%s, " + escapeText + ")";
    if (insensitive) {
      compile = "java.util.regex.Pattern.compile(" + compile + ".pattern(), java.util.regex.Pattern"
          + ".CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE)";
    }
    return match(compiler, ops.get(0), ops.get(1), compile, text -> RegexFunctions.compileLike(text, escape),
        "matchesWhole", negated, code);
  }

  static Value similar(ExpressionCompiler compiler, RexCall call, StringBuilder code) {
    List<RexNode> ops = call.getOperands();
    boolean negated = call.getOperator().getName().startsWith("NOT");
    return match(compiler, ops.get(0), ops.get(1), FN + "compileSimilar(%s)", RegexFunctions::compileSimilar,
        "matchesWhole", negated, code);
  }

  /**
   * Regex functions, PostgreSQL style: REGEXP_REPLACE(s, p, r [, flags]) replaces the first match unless
   * flags contain {@code g}; REGEXP_LIKE(s, p [, flags]); REGEXP_COUNT(s, p [, start [, flags]]);
   * REGEXP_EXTRACT(s, p) is the first match or its first group; RLIKE and the POSIX operators find a match.
   */
  static Value regexFunction(ExpressionCompiler compiler, RexCall call, StringBuilder code) {
    String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
    List<RexNode> ops = call.getOperands();
    return switch (name) {
      case "REGEXP_REPLACE" -> {
        RexNode flags = ops.size() > 3 ? ops.get(3) : null;
        if (ops.size() > 4 || (flags != null && !SqlTypeUtil.isCharacter(flags.getType()))) {
          throw ExpressionCompiler.unsupported("REGEXP_REPLACE with a position or occurrence argument");
        }
        yield apply(compiler, ops, flags, "replace", JavaType.STRING, code, (values, pattern) ->
            pattern + ", " + values.get(0).value() + ", " + values.get(2).value() + ", "
            + (flags == null ? "false" : FN + "isGlobal(" + values.get(3).value() + ")"));
      }
      case "REGEXP_EXTRACT", "REGEXP_SUBSTR" -> {
        if (ops.size() > 2) {
          throw ExpressionCompiler.unsupported(name + " with a position or occurrence argument");
        }
        yield apply(compiler, ops, null, "extract", JavaType.STRING, code,
            (values, pattern) -> pattern + ", " + values.get(0).value());
      }
      case "REGEXP_COUNT" -> apply(compiler, ops, ops.size() > 3 ? ops.get(3) : null, "count", JavaType.LONG,
          code, (values, pattern) -> pattern + ", " + values.get(0).value()
              + (values.size() > 2 ? ", " + values.get(2).value() : ""));
      case "REGEXP_LIKE" -> apply(compiler, ops, ops.size() > 2 ? ops.get(2) : null, "find", JavaType.BOOLEAN,
          code, (values, pattern) -> pattern + ", " + values.get(0).value());
      default -> {
        boolean insensitive = name.contains("INSENSITIVE");
        boolean negated = name.startsWith("NEGATED");
        String compile = FN + (insensitive ? "compileInsensitive(%s)" : "compile(%s)");
        yield match(compiler, ops.get(0), ops.get(1), compile,
            text -> RegexFunctions.compile(text, insensitive ? "i" : ""), "find", negated, code);
      }
    };
  }

  /**
   * The compiled pattern: a field initialised once for a literal (checked now with {@code check}, so a bad
   * pattern fails CREATE), otherwise {@code compileTemplate} applied to the row's value.
   */
  private static String pattern(ExpressionCompiler compiler, RexNode patternNode, Value pattern,
      String compileTemplate, Function<String, Pattern> check) {
    if (isLiteral(patternNode)) {
      String text = ExpressionCompiler.stringValue((RexLiteral) patternNode);
      checkConstant(() -> check.apply(text));
      return compiler.constant("java.util.regex.Pattern",
          compileTemplate.replace("%s", ExpressionCompiler.javaString(text)));
    }
    return compileTemplate.replace("%s", pattern.value());
  }

  private static void checkConstant(Runnable compile) {
    try {
      compile.run();
    } catch (LaminarException e) {
      throw new LaminarException(ErrorCode.SQL_UNSUPPORTED, e.getMessage().replaceFirst("^\\[LDB-\\d+\\] ", ""));
    }
  }

  private static Value match(ExpressionCompiler compiler, RexNode subject, RexNode patternNode,
      String compileTemplate, Function<String, Pattern> check, String method, boolean negated,
      StringBuilder code) {
    Value s = compiler.compile(subject, code);
    Value p = compiler.compile(patternNode, code);
    String pattern = pattern(compiler, patternNode, p, compileTemplate, check);
    Value out = compiler.declareValue(JavaType.BOOLEAN, code);
    String nulls = ExpressionCompiler.nullEither(s, p);
    String expr = (negated ? "!" : "") + FN + method + "(" + pattern + ", " + s.value() + ")";
    if (nulls == null) {
      code.append(out.value()).append(" = ").append(expr).append(";\n");
    } else {
      code.append("if (").append(nulls).append(") { ").append(out.isNull()).append(" = true; } else { ")
          .append(out.value()).append(" = ").append(expr).append("; }\n");
    }
    return out;
  }

  /** Builds the argument list of a RegexFunctions call from the operand values and the pattern text. */
  private interface Arguments {
    String of(List<Value> values, String pattern);
  }

  /**
   * A strict call of RegexFunctions.{@code method} with the pattern (operand 1) compiled with the flags
   * (operand {@code flagsNode}, if any): once into a field when both are literals, per row otherwise.
   */
  private static Value apply(ExpressionCompiler compiler, List<RexNode> ops, RexNode flagsNode, String method,
      JavaType type, StringBuilder code, Arguments arguments) {
    List<Value> values = new ArrayList<>();
    for (RexNode op : ops) {
      values.add(compiler.compile(op, code));
    }
    RexNode patternNode = ops.get(1);
    String pattern;
    if (isLiteral(patternNode) && (flagsNode == null || isLiteral(flagsNode))) {
      String flags = flagsNode == null ? "" : ExpressionCompiler.stringValue((RexLiteral) flagsNode);
      String regex = ExpressionCompiler.stringValue((RexLiteral) patternNode);
      checkConstant(() -> RegexFunctions.compile(regex, flags));
      pattern = compiler.constant("java.util.regex.Pattern", FN + "compile("
          + ExpressionCompiler.javaString(ExpressionCompiler.stringValue((RexLiteral) patternNode)) + ", "
          + ExpressionCompiler.javaString(flags) + ")");
    } else {
      String flags = flagsNode == null ? "\"\"" : values.get(ops.indexOf(flagsNode)).value();
      pattern = FN + "compile(" + values.get(1).value() + ", " + flags + ")";
    }
    StringBuilder nulls = new StringBuilder();
    for (Value v : values) {
      if (!v.neverNull()) {
        nulls.append(nulls.length() > 0 ? " || " : "").append(v.isNull());
      }
    }
    Value out = compiler.declareValue(type, code);
    String expr = FN + method + "(" + arguments.of(values, pattern) + ")";
    String assign = type == JavaType.STRING
        ? out.value() + " = " + expr + "; " + out.isNull() + " = " + out.value() + " == null;"
        : out.value() + " = " + expr + ";";
    if (nulls.length() == 0) {
      code.append(assign).append('\n');
    } else {
      code.append("if (").append(nulls).append(") { ").append(out.isNull()).append(" = true; } else { ")
          .append(assign).append(" }\n");
    }
    return out;
  }

  private static boolean isLiteral(RexNode node) {
    return node instanceof RexLiteral literal && !literal.isNull();
  }
}
