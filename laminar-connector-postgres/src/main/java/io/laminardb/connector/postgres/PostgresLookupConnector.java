package io.laminardb.connector.postgres;

import io.laminardb.common.error.ErrorCode;
import io.laminardb.common.error.LaminarException;
import io.laminardb.core.type.DataType;
import io.laminardb.core.type.Field;
import io.laminardb.core.type.Schema;
import io.laminardb.internal.lookup.LookupConnector;
import io.laminardb.internal.lookup.LookupQuery;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * A PostgreSQL table (or query) as a lookup connector (F-LOOKUP-007): misses are fetched with
 * {@code WHERE key = ANY(?)} over up to {@code fetch.max_keys} keys per prepared statement, predicates and
 * projection pushed into the same statement; full loads stream with a cursor.
 *
 * <p>One connection, opened on first use and kept. When a call fails because the connection broke (server
 * restarted or stopped), the connection is dropped and the call is retried once on a new one, so a server
 * that came back is used again transparently; if that also fails the call throws {@code LDB-5001} (cannot
 * connect) or {@code LDB-5003} (the statement failed). Calls are serialised.
 */
final class PostgresLookupConnector implements LookupConnector {
  private static final int SCAN_FETCH_SIZE = 5_000;

  private final String table;
  private final Schema schema;
  private final int[] primaryKey;
  private final PostgresLookupConfig config;
  private final org.postgresql.Driver driver = new org.postgresql.Driver();
  /** PostgreSQL type names (pg_type.typname) of the declared columns, learned by {@link #validate()}. */
  private final String[] pgTypes;
  private Connection connection;
  private final Map<String, PreparedStatement> statements = new HashMap<>();

  PostgresLookupConnector(String table, Schema schema, int[] primaryKey, PostgresLookupConfig config) {
    this.table = table;
    this.schema = schema;
    this.primaryKey = primaryKey.clone();
    this.config = config;
    this.pgTypes = new String[schema.size()];
  }

  @Override
  public synchronized void validate() {
    String sql = "SELECT " + PostgresSql.selectList(schema, all()) + " FROM " + config.relation()
        + " WHERE FALSE";
    run(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
        ResultSetMetaData md = rs.getMetaData();
        for (int i = 0; i < schema.size(); i++) {
          Field f = schema.field(i);
          String pgType = md.getColumnTypeName(i + 1);
          if (!PostgresTypes.compatible(pgType, f.type())) {
            throw new LaminarException(ErrorCode.LOOKUP_SCHEMA_MISMATCH, "lookup table '" + table
                + "': column '" + f.name() + "' is declared " + f.type().sql() + " but is " + pgType
                + " in PostgreSQL (" + config.describe() + ")");
          }
          pgTypes[i] = pgType;
        }
      }
      c.commit();
      return null;
    }, true);
  }

  @Override
  public int maxKeysPerQuery() {
    return config.maxKeys();
  }

  @Override
  public String describeFetch(LookupQuery query) {
    return PostgresSql.select(config, schema, primaryKey, query.readColumns(schema.size(), primaryKey), query,
        1);
  }

  @Override
  public String describe() {
    return config.describe();
  }

  @Override
  public synchronized void fetch(List<Object[]> keys, LookupQuery query, Consumer<Object[]> rows) {
    if (keys.isEmpty()) {
      return;
    }
    int[] columns = query.readColumns(schema.size(), primaryKey);
    String sql = PostgresSql.select(config, schema, primaryKey, columns, query, keys.size());
    run(c -> {
      PreparedStatement ps = statement(c, sql);
      int p = 1;
      if (primaryKey.length == 1) {
        int k = primaryKey[0];
        Object[] elements = new Object[keys.size()];
        for (int i = 0; i < elements.length; i++) {
          elements[i] = PostgresTypes.arrayElement(type(k), pgTypes[k], keys.get(i)[0]);
        }
        Array array = c.createArrayOf(pgTypes[k], elements);
        ps.setArray(p++, array);
      } else {
        for (Object[] key : keys) {
          for (int k = 0; k < primaryKey.length; k++) {
            int col = primaryKey[k];
            ps.setObject(p++, PostgresTypes.parameter(type(col), pgTypes[col], key[k]));
          }
        }
      }
      bindPredicates(ps, p, query);
      read(ps, columns, rows);
      c.commit();
      return null;
    }, false);
  }

  @Override
  public synchronized void scan(LookupQuery query, Consumer<Object[]> rows) {
    int[] columns = query.readColumns(schema.size(), primaryKey);
    String sql = PostgresSql.select(config, schema, primaryKey, columns, query, 0);
    run(c -> {
      long[] delivered = {0};
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setFetchSize(SCAN_FETCH_SIZE);
        ps.setQueryTimeout(0);
        bindPredicates(ps, 1, query);
        read(ps, columns, row -> {
          delivered[0]++;
          rows.accept(row);
        });
      } catch (SQLException e) {
        if (delivered[0] > 0) {
          // Rows already went to the consumer: the usual retry on a fresh connection would deliver them twice.
          disconnect();
          throw new LaminarException(ErrorCode.CONNECTOR_READ, "lookup table '" + table + "': the scan failed"
              + " after " + delivered[0] + " rows (" + config.describe() + "): " + e.getMessage(), e);
        }
        throw e;
      }
      c.commit();
      return null;
    }, false);
  }

  private void bindPredicates(PreparedStatement ps, int first, LookupQuery query) throws SQLException {
    int p = first;
    for (Object[] param : PostgresSql.parameters(query)) {
      int col = (Integer) param[0];
      ps.setObject(p++, PostgresTypes.parameter(type(col), pgTypes[col], param[1]));
    }
  }

  private void read(PreparedStatement ps, int[] columns, Consumer<Object[]> rows) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Object[] row = new Object[schema.size()];
        for (int i = 0; i < columns.length; i++) {
          int col = columns[i];
          row[col] = PostgresTypes.read(rs, i + 1, type(col), pgTypes[col]);
        }
        rows.accept(row);
      }
    }
  }

  private DataType type(int column) {
    return schema.field(column).type();
  }

  private int[] all() {
    int[] cols = new int[schema.size()];
    for (int i = 0; i < cols.length; i++) {
      cols[i] = i;
    }
    return cols;
  }

  private PreparedStatement statement(Connection c, String sql) throws SQLException {
    PreparedStatement ps = statements.get(sql);
    if (ps == null) {
      ps = c.prepareStatement(sql);
      ps.setQueryTimeout(config.queryTimeoutSeconds());
      if (statements.size() >= 64) {
        closeStatements();
      }
      statements.put(sql, ps);
    }
    return ps;
  }

  /** Work on the connection; SQLExceptions become LaminarExceptions. */
  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T run(Work<T> work, boolean validating) {
    boolean retried = false;
    while (true) {
      boolean reused = connection != null;
      Connection c = connect();
      try {
        return work.run(c);
      } catch (SQLException e) {
        boolean broken = isConnectionFailure(e, c);
        disconnect();
        if (broken && reused && !retried) {
          // The kept connection died (server restarted): one retry on a fresh connection.
          retried = true;
          continue;
        }
        if (broken) {
          throw new LaminarException(ErrorCode.CONNECTOR_CONNECT, "lookup table '" + table
              + "': lost the connection to PostgreSQL (" + config.describe() + "): " + e.getMessage(), e);
        }
        ErrorCode code = validating && "42".equals(sqlClass(e)) ? ErrorCode.LOOKUP_SCHEMA_MISMATCH
            : ErrorCode.CONNECTOR_READ;
        throw new LaminarException(code, "lookup table '" + table + "': query failed in PostgreSQL ("
            + config.describe() + "): " + e.getMessage(), e);
      } catch (RuntimeException e) {
        rollbackQuietly();
        throw e;
      }
    }
  }

  private Connection connect() {
    if (connection != null) {
      return connection;
    }
    Properties props = new Properties();
    props.setProperty("user", config.user());
    if (config.password() != null) {
      props.setProperty("password", config.password());
    }
    props.setProperty("connectTimeout", Integer.toString(config.connectTimeoutSeconds()));
    props.setProperty("loginTimeout", Integer.toString(config.connectTimeoutSeconds()));
    props.setProperty("socketTimeout", Integer.toString(config.queryTimeoutSeconds() + 5));
    props.setProperty("ApplicationName", "laminardb lookup " + table);
    if (config.sslMode() != null) {
      props.setProperty("sslmode", config.sslMode());
    }
    try {
      Connection c = driver.connect(config.jdbcUrl(), props);
      if (c == null) {
        throw new LaminarException(ErrorCode.CONNECTOR_CONFIG, "lookup table '" + table + "': '"
            + config.jdbcUrl() + "' is not a PostgreSQL JDBC URL");
      }
      try {
        c.setAutoCommit(false);
        c.setReadOnly(true);
      } catch (SQLException e) {
        try {
          c.close();
        } catch (SQLException closing) {
          e.addSuppressed(closing);
        }
        throw e;
      }
      connection = c;
      return c;
    } catch (SQLException e) {
      throw new LaminarException(ErrorCode.CONNECTOR_CONNECT, "lookup table '" + table
          + "': cannot connect to PostgreSQL (" + config.describe() + "): " + e.getMessage(), e);
    }
  }

  private static String sqlClass(SQLException e) {
    String state = e.getSQLState();
    return state == null || state.length() < 2 ? "" : state.substring(0, 2);
  }

  private static boolean isConnectionFailure(SQLException e, Connection c) {
    String cls = sqlClass(e);
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (cls.equals("08") || state.startsWith("57P")) {
      return true;
    }
    try {
      return c.isClosed();
    } catch (SQLException ignored) {
      return true;
    }
  }

  private void rollbackQuietly() {
    if (connection != null) {
      try {
        connection.rollback();
      } catch (SQLException ignored) {
        disconnect();
      }
    }
  }

  private void closeStatements() {
    for (PreparedStatement ps : statements.values()) {
      try {
        ps.close();
      } catch (SQLException ignored) {
        // the connection is going away or the statement is already closed
      }
    }
    statements.clear();
  }

  private void disconnect() {
    closeStatements();
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // a broken connection may fail to close; it is dropped either way
      }
      connection = null;
    }
  }

  @Override
  public synchronized void close() {
    disconnect();
  }
}
