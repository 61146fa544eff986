package cn.officeflow.platform.files;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of of_stored_file (V10). */
@Repository
public class StoredFileRepository {

  private static final String COLUMNS =
      "id, owner_key, file_name, media_type, file_size, sha256, step, uploaded_by, uploaded_by_name,"
          + " uploaded_at";

  private final JdbcClient jdbc;

  public StoredFileRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(StoredFile f, byte[] content) {
    jdbc.sql(
            """
        insert into of_stored_file (id, owner_key, file_name, media_type, file_size, sha256, content, step,
          uploaded_by, uploaded_by_name, uploaded_at)
        values (:id, :owner, :name, :type, :size, :sha, :content, :step, :by, :byName, :at)""")
        .param("id", f.id())
        .param("owner", f.ownerKey())
        .param("name", f.fileName())
        .param("type", f.mediaType())
        .param("size", f.size())
        .param("sha", f.sha256())
        .param("content", content)
        .param("step", f.step())
        .param("by", f.uploadedBy())
        .param("byName", f.uploadedByName())
        .param("at", f.uploadedAt())
        .update();
  }

  public List<StoredFile> byOwner(String ownerKey) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from of_stored_file where owner_key = :o order by uploaded_at, id")
        .param("o", ownerKey)
        .query(StoredFileRepository::map)
        .list();
  }

  public Optional<StoredFile> find(String ownerKey, String id) {
    return jdbc.sql("select " + COLUMNS + " from of_stored_file where owner_key = :o and id = :id")
        .param("o", ownerKey)
        .param("id", id)
        .query(StoredFileRepository::map)
        .optional();
  }

  public byte[] content(String id) {
    return jdbc.sql("select content from of_stored_file where id = :id")
        .param("id", id)
        .query((rs, n) -> rs.getBytes(1))
        .single();
  }

  public int delete(String ownerKey, String id) {
    return jdbc.sql("delete from of_stored_file where owner_key = :o and id = :id")
        .param("o", ownerKey)
        .param("id", id)
        .update();
  }

  public long totalSize(String ownerKey) {
    Long total =
        jdbc.sql("select coalesce(sum(file_size), 0) from of_stored_file where owner_key = :o")
            .param("o", ownerKey)
            .query(Long.class)
            .single();
    return total == null ? 0 : total;
  }

  private static StoredFile map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new StoredFile(
        rs.getString("id"),
        rs.getString("owner_key"),
        rs.getString("file_name"),
        rs.getString("media_type"),
        rs.getLong("file_size"),
        rs.getString("sha256"),
        rs.getString("step"),
        rs.getString("uploaded_by"),
        rs.getString("uploaded_by_name"),
        rs.getTimestamp("uploaded_at").toLocalDateTime());
  }
}
