package cn.officeflow.platform.notify;

import cn.officeflow.platform.engine.EngineClock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers one notification; called by the {@code Task_Deliver} job of {@code notification_delivery}.
 *
 * <p>Each attempt runs in a transaction of its own (REQUIRES_NEW) that row-locks the record, so:
 * <ul>
 *   <li>a record already SENT is left alone — a retried, repeated or duplicated job never sends twice,
 *       and two jobs for one record running at once take turns on the lock;</li>
 *   <li>on success SENT, sent_at and attempts + 1 are committed at once, even if the job's own transaction
 *       should fail afterwards;</li>
 *   <li>on failure attempts + 1 and last_error are committed (the job's transaction rolls back), then the
 *       failure is thrown so that Camunda retries the job (R5/PT1M) and finally raises an incident.</li>
 * </ul>
 */
@Service
public class NotificationDelivery {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationDelivery.class);

  /** How long a sent message's SENT record is retried when the database failed right after the send. */
  static final Duration RECORD_SENT_FOR = Duration.ofSeconds(60);

  private final NotificationRepository repository;
  private final NotificationSender sender;
  private final RecipientAddresses addresses;
  private final TransactionTemplate ownTransaction;

  public NotificationDelivery(
      NotificationRepository repository,
      NotificationSender sender,
      RecipientAddresses addresses,
      PlatformTransactionManager transactionManager) {
    this.repository = repository;
    this.sender = sender;
    this.addresses = addresses;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  public void deliver(String notificationId) {
    Sent sent = new Sent();
    RuntimeException failure;
    try {
      failure = ownTransaction.execute(status -> attempt(notificationId, sent));
    } catch (RuntimeException e) {
      if (sent.at == null || !recordSentAfterFailure(notificationId, sent.at)) {
        throw e;
      }
      return;
    }
    if (failure != null) {
      throw failure;
    }
  }

  /**
   * The message has left but SENT was not committed: the database failed in between (a restart, a lost
   * connection). Without this, the retried job would find the record PENDING and send the message a second
   * time. SENT is written in a new transaction as soon as the database answers again, for at most {@link
   * #RECORD_SENT_FOR} (well within the job's lock); if the node itself dies first, the retry does send again
   * (with the same Message-ID, see {@link SmtpMailGateway}).
   */
  private boolean recordSentAfterFailure(String id, LocalDateTime sentAt) {
    long deadline = System.nanoTime() + RECORD_SENT_FOR.toNanos();
    long pause = 250;
    while (true) {
      try {
        ownTransaction.executeWithoutResult(status -> repository.markSentIfNotSent(id, sentAt));
        LOG.warn(
            "Notification {} was sent but the database failed before it was recorded; now SENT",
            id);
        return true;
      } catch (RuntimeException e) {
        if (System.nanoTime() + pause * 1_000_000L > deadline) {
          LOG.error(
              "Notification {} was sent but cannot be recorded SENT; a retry will send it again",
              id,
              e);
          return false;
        }
        LockSupport.parkNanos(pause * 1_000_000L);
        pause = Math.min(pause * 2, 5_000);
      }
    }
  }

  /** When the message left (set by the attempt as soon as the gateway has taken it). */
  private static final class Sent {
    LocalDateTime at;
  }

  /** One attempt; returns the failure (after recording it) instead of throwing, so the record commits. */
  private RuntimeException attempt(String id, Sent sent) {
    Notification notification =
        repository.lock(id).orElseThrow(() -> new NotificationDeliveryException("通知记录不存在：" + id));
    if (notification.status() == NotificationStatus.SENT) {
      LOG.info("Notification {} was already sent at {}; nothing to do", id, notification.sentAt());
      return null;
    }
    try {
      String address = notification.address();
      if (address == null) {
        // the operator may have added the e-mail/phone since the record was created
        address = addresses.address(notification.recipient(), notification.channel());
        if (address == null) {
          throw new NotificationDeliveryException(
              RecipientAddresses.missing(notification.recipient(), notification.channel()));
        }
        repository.updateAddress(id, address);
      }
      sender.send(notification, address);
      sent.at = EngineClock.now();
    } catch (RuntimeException e) {
      String message =
          e instanceof NotificationDeliveryException
              ? e.getMessage()
              : e.getClass().getSimpleName() + ": " + NotificationSender.rootMessage(e);
      repository.recordFailure(id, message);
      LOG.warn(
          "Notification {} ({}) to {} failed (attempt {}): {}",
          id,
          notification.channel(),
          notification.recipient(),
          notification.attempts() + 1,
          message);
      return e instanceof NotificationDeliveryException
          ? e
          : new NotificationDeliveryException(message, e);
    }
    // outside the try: a database failure here is not a failed send (deliver records SENT
    // afterwards)
    repository.markSent(id, sent.at);
    LOG.info(
        "Notification {} ({}) sent to {}", id, notification.channel(), notification.recipient());
    return null;
  }
}
