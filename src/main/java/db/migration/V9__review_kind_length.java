package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The trail's {@code of_review.decision} holds the kind of an entry; 加签/减签 are {@code add-signers} and
 * {@code remove-signer}, longer than its 10 characters: widened to 20. A Java migration because H2 and
 * MariaDB/MySQL have no common syntax for changing a column's type.
 */
public class V9__review_kind_length extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    String product = context.getConnection().getMetaData().getDatabaseProductName();
    String sql = product.toUpperCase().contains("H2")
        ? "alter table of_review alter column decision varchar(20) not null"
        : "alter table of_review modify decision varchar(20) not null";
    try (Statement statement = context.getConnection().createStatement()) {
      statement.execute(sql);
    }
  }
}
