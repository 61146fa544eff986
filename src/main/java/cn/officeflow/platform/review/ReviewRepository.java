package cn.officeflow.platform.review;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ReviewRepository {

  private final JdbcClient jdbc;

  public ReviewRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(
      String businessKey, String processKey, String processInstanceId, Review review) {
    int seq =
        jdbc.sql("select coalesce(max(seq), 0) + 1 from of_review where business_key = :bk")
            .param("bk", businessKey)
            .query(Integer.class)
            .single();
    jdbc.sql(
            """
        insert into of_review (id, business_key, process_key, process_instance_id, step_id, step_name,
          user_id, user_name, decided_at, seq, decision, comment, subject_version)
        values (:id, :bk, :pk, :pi, :stepId, :step, :userId, :name, :time,
          :seq, :decision, :comment, :version)""")
        .param("id", UUID.randomUUID().toString())
        .param("bk", businessKey)
        .param("pk", processKey)
        .param("pi", processInstanceId)
        .param("stepId", review.stepId())
        .param("step", review.step())
        .param("userId", review.user())
        .param("name", review.name())
        .param("time", review.time())
        .param("seq", seq)
        .param("decision", review.decision())
        .param("comment", review.comment())
        .param("version", review.version())
        .update();
  }

  public List<Review> findByBusinessKey(String businessKey) {
    return jdbc.sql(
            """
        select step_id, step_name, user_id, user_name, decided_at, decision, comment, subject_version
        from of_review where business_key = :bk order by decided_at, seq, id""")
        .param("bk", businessKey)
        .query(
            (rs, i) ->
                new Review(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getObject(5, LocalDateTime.class),
                    rs.getString(6),
                    rs.getString(7),
                    (Integer) rs.getObject(8, Integer.class)))
        .list();
  }

  public boolean hasReviewed(String businessKey, String userId) {
    return jdbc.sql("select count(*) from of_review where business_key = :bk and user_id = :u")
            .param("bk", businessKey)
            .param("u", userId)
            .query(Integer.class)
            .single()
        > 0;
  }
}
