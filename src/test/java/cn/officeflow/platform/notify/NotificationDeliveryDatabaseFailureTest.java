package cn.officeflow.platform.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The database fails right after the mail server accepted a notification (found by bench/cluster-failover.sh:
 * a MariaDB restart under load, one e-mail received twice). The message has left; its SENT record must not be
 * lost with the connection, or the retried delivery job sends it a second time.
 */
class NotificationDeliveryDatabaseFailureTest extends NotifyTestBase {

  @Autowired DataSource dataSource;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired RecipientAddresses addresses;
  @Autowired MailGateway mailGateway;
  @Autowired SmsGateway smsGateway;

  @Test
  void aMessageSentJustBeforeTheDatabaseFailsIsRecordedSentAndNotSentAgain() throws Exception {
    String id =
        notifications
            .send(
                "message",
                Map.of("title", "数据库重启", "text", "请今日办结"),
                List.of("zhangwei"),
                java.util.Set.of(Channel.MAIL),
                "db-failure")
            .get(0);
    // the gateway sends for real (GreenMail), then the connection of the delivery's transaction
    // dies, as
    // when the database restarts: the SENT update and the commit fail
    MailGateway sendThenLoseTheDatabase =
        (notification, address) -> {
          mailGateway.send(notification, address);
          try {
            Connection connection = DataSourceUtils.getConnection(dataSource);
            connection.unwrap(Connection.class).close();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        };
    NotificationDelivery delivery =
        new NotificationDelivery(
            repository,
            new NotificationSender(sendThenLoseTheDatabase, smsGateway),
            addresses,
            transactionManager);

    try {
      delivery.deliver(id);
    } catch (RuntimeException e) {
      // the job may fail with the database; what matters is the record and what a retry does
    }
    assertThat(MAIL.getReceivedMessages()).hasSize(1);
    // H2's "closed" is not one of the errors that make the pool drop a connection at once: it drops
    // it when
    // it checks it before lending it again, which it does after 500 ms unused — read until a read
    // succeeds
    Notification record =
        await()
            .atMost(Duration.ofSeconds(20))
            .pollInterval(Duration.ofSeconds(1))
            .ignoreExceptions()
            .until(() -> record(id), r -> true);
    assertThat(record.status()).isEqualTo(NotificationStatus.SENT);
    assertThat(record.attempts()).isEqualTo(1);
    assertThat(record.sentAt()).isNotNull();

    // the retried job (the normal gateway now) finds it SENT and sends nothing
    new NotificationDelivery(
            repository,
            new NotificationSender(mailGateway, smsGateway),
            addresses,
            transactionManager)
        .deliver(id);
    assertThat(MAIL.getReceivedMessages()).hasSize(1);
    assertThat(record(id).attempts()).isEqualTo(1);
  }
}
