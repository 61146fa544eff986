package cn.officeflow.platform.notify;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 发送通知: sends the notification whose id the process carries (Task_Deliver, asynchronous, retried). */
@Component("deliverNotificationDelegate")
public class DeliverNotificationDelegate implements JavaDelegate {

  private final NotificationDelivery delivery;

  public DeliverNotificationDelegate(NotificationDelivery delivery) {
    this.delivery = delivery;
  }

  @Override
  public void execute(DelegateExecution execution) {
    delivery.deliver((String) execution.getVariable(NotificationVariables.NOTIFICATION_ID));
  }
}
