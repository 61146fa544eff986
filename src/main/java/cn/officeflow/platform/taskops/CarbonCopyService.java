package cn.officeflow.platform.taskops;

import cn.officeflow.platform.engine.CurrentUser;
import cn.officeflow.platform.engine.EngineClock;
import cn.officeflow.platform.review.Review;
import cn.officeflow.platform.review.ReviewService;
import cn.officeflow.platform.web.NotFoundException;
import java.time.LocalDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 抄送我的 and 已阅, and the read access a 抄送 (or a 加签) gives: the read checks of the business APIs (发文, 收文) ask
 * {@link #isCopiedTo} — the processes depend on this platform query, never on each other.
 */
@Service
public class CarbonCopyService {

  /** The trail's step for 抄送 已阅 entries. */
  static final String READ_STEP_ID = "CarbonCopy";

  static final String READ_STEP = "抄送阅知";

  private final CarbonCopyRepository copies;
  private final SignersRepository signers;
  private final ReviewService reviews;
  private final IdentityService identity;

  public CarbonCopyService(
      CarbonCopyRepository copies,
      SignersRepository signers,
      ReviewService reviews,
      IdentityService identity) {
    this.copies = copies;
    this.signers = signers;
    this.reviews = reviews;
    this.identity = identity;
  }

  /**
   * Whether {@code userId} was given a 抄送 of the record, or was asked to decide on one of its steps by 加签 (and
   * so may read it).
   */
  public boolean isCopiedTo(String businessKey, String userId) {
    return businessKey != null
        && userId != null
        && (copies.isCopiedTo(businessKey, userId) || signers.isSignerOf(businessKey, userId));
  }

  /** The process instances whose records were copied to {@code userId} or that they sign (ledgers, registers). */
  public List<String> processInstancesCopiedTo(String userId) {
    Set<String> instances = new LinkedHashSet<>(copies.processInstancesCopiedTo(userId));
    instances.addAll(signers.processInstancesSignedBy(userId));
    return List.copyOf(instances);
  }

  /** 抄送我的 of the current user, newest first. */
  public List<CarbonCopy> mine(boolean unreadOnly) {
    return copies.forUser(caller(), unreadOnly);
  }

  /**
   * 已阅: only the recipient (anyone else gets 404); the first call records the time and a trail entry, a second
   * call answers the same.
   */
  @Transactional
  public CarbonCopy markRead(String id) {
    String user = caller();
    CarbonCopy cc =
        copies
            .find(id)
            .filter(c -> c.userId().equals(user))
            .orElseThrow(() -> new NotFoundException("抄送不存在：" + id));
    if (cc.read()) {
      return cc;
    }
    LocalDateTime now = EngineClock.now();
    if (copies.markRead(id, now)) {
      reviews.note(
          cc.businessKey(),
          cc.processKey(),
          cc.processInstanceId(),
          READ_STEP_ID,
          READ_STEP,
          user,
          Review.READ,
          "已阅" + cc.ccByName() + "于「" + cc.taskName() + "」的抄送",
          null);
    }
    return copies.find(id).orElseThrow();
  }

  private String caller() {
    return CurrentUser.id(identity).orElseThrow(() -> new AuthorizationException("需要登录"));
  }
}
