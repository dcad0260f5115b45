package io.laminardb.sql.function;

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
 * The SQL functions and operators the validator knows: the standard library plus PostgreSQL-style extras
 * (DataFusion names). Lookups ignore case, while column and table names stay case-sensitive.
 */
public final class OperatorTables {
  private OperatorTables() {}

  public static SqlOperatorTable standard() {
    SqlOperatorTable chained = SqlOperatorTables.chain(SqlStdOperatorTable.instance(),
        SqlLibraryOperatorTableFactory.INSTANCE.getOperatorTable(SqlLibrary.POSTGRESQL,
            SqlLibrary.BIG_QUERY, SqlLibrary.MYSQL, SqlLibrary.SPARK));
    return new CaseInsensitive(chained);
  }

  private record CaseInsensitive(SqlOperatorTable delegate) implements SqlOperatorTable {
    @Override
    public void lookupOperatorOverloads(SqlIdentifier opName, SqlFunctionCategory category,
        SqlSyntax syntax, List<SqlOperator> operatorList, SqlNameMatcher nameMatcher) {
      delegate.lookupOperatorOverloads(opName, category, syntax, operatorList,
          SqlNameMatchers.withCaseSensitive(false));
    }

    @Override
    public List<SqlOperator> getOperatorList() {
      return delegate.getOperatorList();
    }
  }
}
