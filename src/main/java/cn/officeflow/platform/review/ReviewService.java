package cn.officeflow.platform.review;

import cn.officeflow.platform.engine.CurrentUser;
import cn.officeflow.platform.engine.EngineClock;
import cn.officeflow.platform.org.OrgService;
import cn.officeflow.platform.web.ValidationException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;

/**
 * The approval contract of DESIGN.md §6: every approve/reject task completes with {@code decision}
 * = approve | reject and {@code comment} (required on reject); each decision goes to the record's
 * review trail (审批意见).
 */
@Service
public class ReviewService {

  public static final String DECISION = "decision";
  public static final String COMMENT = "comment";
  public static final int MAX_COMMENT = 2000;

  /**
   * Transient variable set by the server (never accepted from input: no form declares it) when it completes an
   * approval task whose decisions are already in the trail (加签 after the assignee): the listener does not write
   * them again.
   */
  public static final String DECISION_RECORDED = "decisionRecorded";

  /**
   * Process variable holding the version of the business record under review (发文: 第 N 稿); recorded
   * with each decision so the trail says which text was approved.
   */
  public static final String SUBJECT_VERSION = "documentVersion";

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  /** Spaces and punctuation (full and half width) at either end of a comment. */
  private static final Pattern EDGE_PUNCTUATION =
      Pattern.compile(
          "^[\\s\\u3000\\p{Punct}\\p{IsPunctuation}]+|[\\s\\u3000\\p{Punct}\\p{IsPunctuation}]+$");

  private final ReviewRepository repository;
  private final OrgService org;

  public ReviewService(ReviewRepository repository, OrgService org) {
    this.repository = repository;
    this.org = org;
  }

  /** Checks decision and comment, 400 naming the field when they break the contract. */
  public static Decision validate(Object decision, Object comment) {
    if (!(decision instanceof String d) || !(Review.APPROVE.equals(d) || Review.REJECT.equals(d))) {
      throw new ValidationException(DECISION, "审批结论必须为 approve（同意）或 reject（退回），收到：" + decision);
    }
    String text = comment == null ? "" : String.valueOf(comment).strip();
    if (Review.REJECT.equals(d) && text.isEmpty()) {
      throw new ValidationException(COMMENT, "退回时必须填写审批意见");
    }
    if (text.length() > MAX_COMMENT) {
      throw new ValidationException(COMMENT, "审批意见不能超过 " + MAX_COMMENT + " 字");
    }
    return new Decision(d, text.isEmpty() ? null : text);
  }

  /** Validates and records the decision of the user task this execution is leaving. */
  public Decision record(DelegateExecution execution, String userId) {
    Decision decision = validate(execution.getVariable(DECISION), execution.getVariable(COMMENT));
    String stepName =
        execution.getCurrentActivityName() == null
            ? execution.getCurrentActivityId()
            : execution.getCurrentActivityName();
    Review review =
        new Review(
            execution.getCurrentActivityId(),
            stepName,
            userId,
            org.displayName(userId),
            EngineClock.now(),
            decision.decision(),
            decision.comment(),
            version(execution.getVariable(SUBJECT_VERSION)));
    String processKey = execution.getProcessDefinitionId().split(":")[0];
    repository.insert(
        execution.getProcessBusinessKey(), processKey, execution.getProcessInstanceId(), review);
    return decision;
  }

  /**
   * Writes an entry that is not a decision (转办, 委派, 抄送, 抄送 已阅: a {@link Review} kind) to the trail of
   * {@code businessKey}, as {@code userId}, now; {@code comment} is cut to {@value #MAX_COMMENT} characters.
   */
  public void note(
      String businessKey,
      String processKey,
      String processInstanceId,
      String stepId,
      String step,
      String userId,
      String kind,
      String comment,
      Integer version) {
    String text =
        comment == null || comment.length() <= MAX_COMMENT
            ? comment
            : comment.substring(0, MAX_COMMENT - 1) + "…";
    repository.insert(
        businessKey,
        processKey,
        processInstanceId,
        new Review(
            stepId, step, userId, org.displayName(userId), EngineClock.now(), kind, text, version));
  }

  public List<Review> trail(String businessKey) {
    return repository.findByBusinessKey(businessKey);
  }

  /** The trail as readable lines for forms: 时间 步骤 姓名：同意/退回。意见 */
  public String trailText(String businessKey) {
    return trailText(trail(businessKey));
  }

  static String trailText(List<Review> reviews) {
    if (reviews.isEmpty()) {
      return "（暂无审批意见）";
    }
    StringBuilder text = new StringBuilder();
    for (Review r : reviews) {
      text.append(TIME.format(r.time())).append("  ").append(r.step());
      if (r.version() != null) {
        text.append("（第").append(r.version()).append("稿）");
      }
      text.append("  ").append(r.name()).append("：").append(opinion(r)).append('\n');
    }
    return text.toString().stripTrailing();
  }

  /**
   * 同意/退回, then the comment only when it says more: a comment that is the label itself (「同意。」) is left
   * out, one that starts with it (「同意，请尽快印发。」) stands alone, any other follows 「同意。」.
   */
  public static String opinion(Review r) {
    String label = r.decisionLabel();
    String comment = r.comment() == null ? "" : r.comment().strip();
    String core = EDGE_PUNCTUATION.matcher(comment).replaceAll("");
    if (core.isEmpty() || core.equals(label)) {
      return label;
    }
    if (comment.startsWith(label)
        && EDGE_PUNCTUATION
            .matcher(comment.substring(label.length(), label.length() + 1))
            .matches()) {
      return comment;
    }
    return label + "。" + comment;
  }

  private static Integer version(Object value) {
    return value instanceof Number n ? n.intValue() : null;
  }

  public boolean hasReviewed(String businessKey, String userId) {
    return repository.hasReviewed(businessKey, userId);
  }

  /** The user the engine is acting for (the request's authenticated user), or "system". */
  public static String currentUser(DelegateExecution execution) {
    return CurrentUser.idOrSystem(execution.getProcessEngineServices().getIdentityService());
  }

  public record Decision(String decision, String comment) {
    public boolean rejected() {
      return Review.REJECT.equals(decision);
    }
  }
}
