package cn.officeflow.platform.notify;

/** Sends one SMS. Any failure is an exception (the delivery job then retries). */
public interface SmsGateway {

  void send(String phone, String text);
}
