package io.laminardb.sql.function;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.fun.SqlLibrary;
import org.apache.calcite.sql.fun.SqlLibraryOperatorTableFactory;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlNameMatcher;
import org.apache.calcite.sql.validate.SqlNameMatchers;

/**
 * The SQL functions and operators the validator knows, as layers searched in order; the first layer that
 * knows a name answers for it alone, so dialects never offer competing overloads:
 * <ol>
 *   <li>{@link LaminarFunctions}: our own signatures (PostgreSQL/DataFusion semantics);
 *   <li>the SQL standard library;
 *   <li>Calcite's PostgreSQL library (so {@code GREATEST}, {@code LOG}, {@code SUBSTR},
 *       {@code CONCAT_WS} and {@code REGEXP_REPLACE} get their PostgreSQL variants);
 *   <li>the BigQuery, MySQL and Spark libraries, for names PostgreSQL lacks.
 * </ol>
 * Lookups ignore case, while column and table names stay case-sensitive.
 */
public final class OperatorTables {
  private OperatorTables() {}

  /** For continuous queries, which compile calls to the {@code @SqlName} methods. */
  public static SqlOperatorTable standard() {
    List<SqlOperator> own = new ArrayList<>(LaminarFunctions.all());
    own.addAll(LaminarAggregates.all());
    own.addAll(AnalyticFunctions.all());
    return new Layered(List.of(SqlOperatorTables.of(own), calciteExecutable()));
  }

  /**
   * Without our own layer: the functions Calcite's executor implements, for ad-hoc queries. Where we
   * declare a name ourselves, ad-hoc queries get Calcite's PostgreSQL (else standard or other dialect)
   * variant, or no function at all (LDB-1004).
   */
  public static SqlOperatorTable calciteExecutable() {
    SqlLibraryOperatorTableFactory libraries = SqlLibraryOperatorTableFactory.INSTANCE;
    return new Layered(List.of(
        SqlStdOperatorTable.instance(),
        libraries.getOperatorTable(SqlLibrary.POSTGRESQL),
        libraries.getOperatorTable(SqlLibrary.BIG_QUERY, SqlLibrary.MYSQL, SqlLibrary.SPARK,
            SqlLibrary.MSSQL)));
  }

  private record Layered(List<SqlOperatorTable> layers) implements SqlOperatorTable {
    @Override
    public void lookupOperatorOverloads(SqlIdentifier opName, SqlFunctionCategory category,
        SqlSyntax syntax, List<SqlOperator> operatorList, SqlNameMatcher nameMatcher) {
      SqlNameMatcher ignoreCase = SqlNameMatchers.withCaseSensitive(false);
      for (SqlOperatorTable layer : layers) {
        int before = operatorList.size();
        layer.lookupOperatorOverloads(opName, category, syntax, operatorList, ignoreCase);
        if (operatorList.size() > before) {
          return;
        }
      }
    }

    @Override
    public List<SqlOperator> getOperatorList() {
      List<SqlOperator> all = new ArrayList<>();
      for (SqlOperatorTable layer : layers) {
        all.addAll(layer.getOperatorList());
      }
      return all;
    }
  }
}
