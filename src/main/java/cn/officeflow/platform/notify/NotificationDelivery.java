package cn.officeflow.platform.notify;

import cn.officeflow.platform.engine.EngineClock;
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
    RuntimeException failure = ownTransaction.execute(status -> attempt(notificationId));
    if (failure != null) {
      throw failure;
    }
  }

  /** One attempt; returns the failure (after recording it) instead of throwing, so the record commits. */
  private RuntimeException attempt(String id) {
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
      repository.markSent(id, EngineClock.now());
      LOG.info("Notification {} ({}) sent to {}", id, notification.channel(), address);
      return null;
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
  }
}
