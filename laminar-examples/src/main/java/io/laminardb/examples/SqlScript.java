package io.laminardb.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A SQL script split into statements: {@code ;} ends a statement unless inside a quoted string or identifier;
 * {@code --} and {@code /* *}{@code /} comments are dropped.
 */
public record SqlScript(String origin, List<String> statements) {

  /** Loads {@code location} from the file system if such a file exists, else from the class path. */
  public static SqlScript load(String location) {
    Path path = Path.of(location);
    try {
      if (Files.isRegularFile(path)) {
        return parse(path.toString(), Files.readString(path, StandardCharsets.UTF_8));
      }
      String resource = location.startsWith("/") ? location.substring(1) : location;
      try (InputStream in = SqlScript.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalArgumentException("no SQL file '" + location + "' on disk or on the class path");
        }
        return parse("classpath:" + resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + location, e);
    }
  }

  public static SqlScript parse(String origin, String text) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
        while (i < n && text.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
        int end = text.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
        current.append(' ');
      } else if (c == '\'' || c == '"') {
        int end = closingQuote(text, i);
        current.append(text, i, end);
        i = end;
      } else if (c == ';') {
        add(statements, current);
        i++;
      } else {
        current.append(c);
        i++;
      }
    }
    add(statements, current);
    return new SqlScript(origin, List.copyOf(statements));
  }

  /** The index just past the quote closing the one at {@code start}; a doubled quote is an escaped one. */
  private static int closingQuote(String text, int start) {
    char quote = text.charAt(start);
    int i = start + 1;
    while (i < text.length()) {
      if (text.charAt(i) == quote) {
        if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return text.length();
  }

  private static void add(List<String> statements, StringBuilder current) {
    String statement = current.toString().strip();
    if (!statement.isEmpty()) {
      statements.add(statement);
    }
    current.setLength(0);
  }
}
