package io.laminardb.sql.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;

/**
 * LIKE, SIMILAR TO and regex functions. A constant pattern is compiled once into a field of the generated
 * class; a pattern from data is compiled per row.
 */
final class Patterns {
  private static final String FN = "io.laminardb.core.function.RegexFunctions.";
  private static final Set<String> REGEX_FUNCTIONS = Set.of("REGEXP_LIKE", "REGEXP_CONTAINS",
      "REGEXP_REPLACE", "REGEXP_EXTRACT", "REGEXP_SUBSTR", "REGEXP_MATCH", "REGEXP_COUNT", "~", "~*", "!~",
      "!~*", "POSIX REGEX CASE SENSITIVE", "POSIX REGEX CASE INSENSITIVE",
      "NEGATED POSIX REGEX CASE SENSITIVE", "NEGATED POSIX REGEX CASE INSENSITIVE");

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
    return match(compiler, ops.get(0), ops.get(1), compile, "matchesWhole", negated, code);
  }

  static Value similar(ExpressionCompiler compiler, RexCall call, StringBuilder code) {
    List<RexNode> ops = call.getOperands();
    boolean negated = call.getOperator().getName().startsWith("NOT");
    return match(compiler, ops.get(0), ops.get(1), FN + "compileSimilar(%s)", "matchesWhole", negated,
        code);
  }

  static Value regexFunction(ExpressionCompiler compiler, RexCall call, StringBuilder code) {
    String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
    List<RexNode> ops = call.getOperands();
    boolean insensitive = name.contains("INSENSITIVE") || name.equals("~*") || name.equals("!~*");
    boolean negated = name.startsWith("NEGATED") || name.startsWith("!");
    String compile = FN + (insensitive ? "compileInsensitive(%s)" : "compile(%s)");
    return switch (name) {
      case "REGEXP_REPLACE" -> apply(compiler, ops, compile, "replaceAll", JavaType.STRING, code);
      case "REGEXP_EXTRACT", "REGEXP_SUBSTR", "REGEXP_MATCH" ->
          apply(compiler, ops, compile, "extract", JavaType.STRING, code);
      case "REGEXP_COUNT" -> apply(compiler, ops, compile, "count", JavaType.LONG, code);
      default -> match(compiler, ops.get(0), ops.get(1), compile, "find", negated, code);
    };
  }

  private static String pattern(ExpressionCompiler compiler, RexNode patternNode, Value pattern,
      String compileTemplate) {
    if (patternNode instanceof RexLiteral literal && !literal.isNull()) {
      String text = ExpressionCompiler.javaString(ExpressionCompiler.stringValue(literal));
      return compiler.constant("java.util.regex.Pattern", String.format(compileTemplate, text));
    }
    return String.format(compileTemplate, pattern.value());
  }

  private static Value match(ExpressionCompiler compiler, RexNode subject, RexNode patternNode,
      String compileTemplate, String method, boolean negated, StringBuilder code) {
    Value s = compiler.compile(subject, code);
    Value p = compiler.compile(patternNode, code);
    String pattern = pattern(compiler, patternNode, p, compileTemplate);
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

  /** fn(subject, pattern, rest...) with the compiled pattern moved first: fn(pattern, subject, rest...). */
  private static Value apply(ExpressionCompiler compiler, List<RexNode> ops, String compileTemplate,
      String method, JavaType type, StringBuilder code) {
    List<Value> values = new ArrayList<>();
    for (RexNode op : ops) {
      values.add(compiler.compile(op, code));
    }
    String pattern = pattern(compiler, ops.get(1), values.get(1), compileTemplate);
    StringBuilder nulls = new StringBuilder();
    StringBuilder args = new StringBuilder(pattern).append(", ").append(values.get(0).value());
    for (int i = 0; i < values.size(); i++) {
      if (!values.get(i).neverNull()) {
        nulls.append(nulls.length() > 0 ? " || " : "").append(values.get(i).isNull());
      }
      if (i >= 2) {
        args.append(", ").append(values.get(i).value());
      }
    }
    Value out = compiler.declareValue(type, code);
    String expr = FN + method + "(" + args + ")";
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
}
