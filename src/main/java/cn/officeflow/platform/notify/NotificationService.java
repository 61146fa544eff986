package cn.officeflow.platform.notify;

import cn.officeflow.platform.engine.CurrentUser;
import cn.officeflow.platform.engine.EngineClock;
import cn.officeflow.platform.engine.SystemAuthentication;
import cn.officeflow.platform.org.OrgService;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends notifications (e-mail, SMS, 双提醒 = both) behind an asynchronous boundary.
 *
 * <p>{@link #send} renders the template, writes one PENDING record per recipient and channel and starts one
 * {@code notification_delivery} instance per record (business key = record id), all in the caller's
 * transaction — typically the engine command of a delegate or a user's REST call. Nothing is sent there:
 * the delivery job does it after the commit, so a mail server that is down never rolls back the user's
 * decision, and a rolled-back decision sends nothing.
 */
@Service
public class NotificationService {

  private final NotificationTemplates templates;
  private final NotificationRepository repository;
  private final RecipientAddresses addresses;
  private final OrgService org;
  private final IdentityService identity;
  private final RuntimeService runtime;

  public NotificationService(
      NotificationTemplates templates,
      NotificationRepository repository,
      RecipientAddresses addresses,
      OrgService org,
      IdentityService identity,
      RuntimeService runtime) {
    this.templates = templates;
    this.repository = repository;
    this.addresses = addresses;
    this.org = org;
    this.identity = identity;
    this.runtime = runtime;
  }

  /**
   * Notifies each recipient over each channel.
   *
   * @param template    name of {@code templates/notify/<template>.ftl}
   * @param model       template data; {@code recipientId} and {@code recipientName} are added per recipient
   * @param recipients  user ids (duplicates and nulls ignored)
   * @param channels    {@link Channel#MAIL}, {@link Channel#SMS} or {@link Channel#BOTH}
   * @param businessKey the business record the message is about (may be null)
   * @return the ids of the created records, in recipient then channel order
   */
  @Transactional
  public List<String> send(
      String template,
      Map<String, ?> model,
      Collection<String> recipients,
      Set<Channel> channels,
      String businessKey) {
    String createdBy = CurrentUser.idOrSystem(identity);
    LocalDateTime now = EngineClock.now();
    List<String> ids = new ArrayList<>();
    for (String recipient :
        new LinkedHashSet<>(recipients.stream().filter(Objects::nonNull).toList())) {
      Map<String, Object> data = new HashMap<>(model);
      data.put("recipientId", recipient);
      data.put(
          "recipientName", SystemAuthentication.call(identity, () -> org.displayName(recipient)));
      NotificationTemplates.Rendered text = templates.render(template, data);
      for (Channel channel : Channel.values()) {
        if (!channels.contains(channel)) {
          continue;
        }
        String id = UUID.randomUUID().toString();
        String body = channel == Channel.SMS ? text.sms() : text.body();
        repository.insert(
            new Notification(
                id,
                recipient,
                addresses.address(recipient, channel),
                channel,
                template,
                text.subject(),
                body,
                businessKey,
                createdBy,
                now,
                NotificationStatus.PENDING,
                0,
                null,
                null));
        startDelivery(id);
        ids.add(id);
      }
    }
    return ids;
  }

  /** The internal process nobody may start by hand: started as the engine itself, in this transaction. */
  private void startDelivery(String id) {
    SystemAuthentication.call(
        identity,
        () ->
            runtime
                .createProcessInstanceByKey(NotificationVariables.PROCESS_KEY)
                .businessKey(id)
                .setVariable(NotificationVariables.NOTIFICATION_ID, id)
                .execute());
  }

  /** The records of a business record, newest first. */
  public List<Notification> forBusinessKey(String businessKey) {
    return repository.byBusinessKey(businessKey);
  }
}
