package io.laminardb.connector.postgres;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import io.laminardb.sql.parser.Intervals;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Options of {@code FROM POSTGRES (...)} / {@code WITH ('connector' = 'postgres', ...)}, validated.
 *
 * <ul>
 *   <li>{@code url} (also {@code connection}): {@code jdbc:postgresql://host:port/db} or
 *       {@code postgres://user:password@host:port/db}; or {@code host} (also {@code hostname}, default
 *       localhost), {@code port} (5432), {@code database} (also {@code dbname}, default postgres).
 *   <li>{@code user} (also {@code username}, default postgres), {@code password}.
 *   <li>{@code table} (also {@code table.name}; {@code schema.table} allowed) with optional {@code schema}
 *       (also {@code schema.name}), or {@code query} = a SELECT whose result is the table. Default table:
 *       the lookup table's name.
 *   <li>{@code fetch.max_keys} (default 1000): keys per round trip for cache misses.
 *   <li>{@code connect.timeout} (default 5 s) and {@code query.timeout} (default 30 s): seconds or an
 *       interval such as {@code '500ms'}.
 *   <li>{@code ssl.mode}: passed to the driver as {@code sslmode}.
 * </ul>
 */
record PostgresLookupConfig(String jdbcUrl, String host, int port, String database, String user,
    String password, String schemaName, String tableName, String query, int maxKeys, int connectTimeoutSeconds,
    int queryTimeoutSeconds, String sslMode) {

  private static final Set<String> SUPPORTED = new TreeSet<>(Set.of("url", "connection", "host", "hostname",
      "port", "database", "dbname", "user", "username", "password", "table", "table.name", "schema",
      "schema.name", "query", "fetch.max_keys", "connect.timeout", "query.timeout", "ssl.mode"));

  static PostgresLookupConfig parse(String table, Map<String, String> options) {
    for (String key : options.keySet()) {
      if (!SUPPORTED.contains(key)) {
        throw invalid(table, key, "is not a postgres lookup option; supported: " + SUPPORTED
            + " and cache, cache.max_rows, cache.ttl, cache.negative, cache.stale_on_error, refresh, strategy,"
            + " pushdown");
      }
    }
    Map<String, String> o = new HashMap<>(options);
    String host = first(o, "host", "hostname");
    String portText = o.get("port");
    String database = first(o, "database", "dbname");
    String user = first(o, "user", "username");
    String password = o.get("password");
    String url = first(o, "url", "connection");
    if (url != null) {
      if (host != null || portText != null || database != null) {
        throw invalid(table, "url", "cannot be combined with host, port or database");
      }
      if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
        URI uri = URI.create(url);
        String info = uri.getRawUserInfo();
        if (info != null) {
          int colon = info.indexOf(':');
          user = user != null ? user : decode(colon < 0 ? info : info.substring(0, colon));
          password = password != null || colon < 0 ? password : decode(info.substring(colon + 1));
        }
        host = uri.getHost();
        portText = uri.getPort() > 0 ? Integer.toString(uri.getPort()) : null;
        database = uri.getPath() == null || uri.getPath().length() <= 1 ? null : uri.getPath().substring(1);
        url = null;
      } else if (!url.startsWith("jdbc:postgresql:")) {
        throw invalid(table, "url", "must start with jdbc:postgresql:// or postgres://, not '" + url + "'");
      }
    }
    int port = 5432;
    if (portText != null) {
      port = positive(table, "port", portText);
      if (port > 65535) {
        throw invalid(table, "port", "must be at most 65535");
      }
    }
    host = host == null ? "localhost" : host;
    database = database == null ? "postgres" : database;
    String jdbcUrl = url != null ? url : "jdbc:postgresql://" + host + ":" + port + "/" + database;
    String query = o.get("query");
    String tableName = first(o, "table", "table.name");
    String schemaName = first(o, "schema", "schema.name");
    if (query != null && (tableName != null || schemaName != null)) {
      throw invalid(table, "query", "cannot be combined with table or schema");
    }
    if (query != null && !query.trim().toUpperCase(Locale.ROOT).startsWith("SELECT")
        && !query.trim().toUpperCase(Locale.ROOT).startsWith("WITH")) {
      throw invalid(table, "query", "must be a SELECT statement");
    }
    if (query == null) {
      tableName = tableName == null ? table : tableName;
      if (schemaName == null && tableName.indexOf('.') > 0 && !tableName.contains("\"")) {
        schemaName = tableName.substring(0, tableName.indexOf('.'));
        tableName = tableName.substring(tableName.indexOf('.') + 1);
      }
    }
    int maxKeys = o.containsKey("fetch.max_keys") ? positive(table, "fetch.max_keys", o.get("fetch.max_keys"))
        : 1000;
    int connectTimeout = seconds(table, "connect.timeout", o.getOrDefault("connect.timeout", "5"));
    int queryTimeout = seconds(table, "query.timeout", o.getOrDefault("query.timeout", "30"));
    return new PostgresLookupConfig(jdbcUrl, host, port, database, user == null ? "postgres" : user, password,
        schemaName, tableName, query, maxKeys, connectTimeout, queryTimeout, o.get("ssl.mode"));
  }

  /** Where the rows come from, for statements: a quoted table name or the user's query as a subquery. */
  String relation() {
    if (query != null) {
      return "(" + query + ") AS laminar_lookup";
    }
    return (schemaName == null ? "" : PostgresSql.quote(schemaName) + ".") + PostgresSql.quote(tableName);
  }

  /** For SHOW TABLES and messages; never the password. */
  String describe() {
    String where = jdbcUrl.replaceFirst("^jdbc:postgresql://", "").replaceFirst("\\?.*$", "");
    return "postgres " + where + " " + (query != null ? "query" : (schemaName == null ? "" : schemaName + ".")
        + tableName);
  }

  private static String first(Map<String, String> o, String... keys) {
    for (String k : keys) {
      if (o.get(k) != null) {
        return o.get(k);
      }
    }
    return null;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  private static int positive(String table, String key, String value) {
    try {
      int n = Integer.parseInt(value.trim());
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw invalid(table, key, "must be a positive integer, not '" + value + "'");
  }

  private static int seconds(String table, String key, String value) {
    String v = value.trim();
    long millis;
    try {
      millis = !v.isEmpty() && v.chars().allMatch(Character::isDigit) ? Long.parseLong(v) * 1000
          : Intervals.toMillis(v, null);
    } catch (IllegalArgumentException e) {
      throw invalid(table, key, e.getMessage());
    }
    if (millis <= 0) {
      throw invalid(table, key, "must be a positive interval such as '5' (seconds) or '500ms'");
    }
    return (int) Math.max(1, (millis + 999) / 1000);
  }

  static LaminarException invalid(String table, String key, String why) {
    return new LaminarException(ErrorCode.CONNECTOR_CONFIG, "option '" + key + "' of lookup table '" + table
        + "' " + why);
  }
}
