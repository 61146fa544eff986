package cn.officeflow.platform.notify;

/** notification_delivery (通知发送): process key, element ids and variable names, written once. */
public final class NotificationVariables {

  public static final String PROCESS_KEY = "notification_delivery";
  public static final String START = "StartEvent_Created";
  public static final String TASK_DELIVER = "Task_Deliver";
  public static final String END = "EndEvent_Delivered";

  /** The only variable: the id of the {@code of_notification} row (also the business key). */
  public static final String NOTIFICATION_ID = "notificationId";

  private NotificationVariables() {}
}
