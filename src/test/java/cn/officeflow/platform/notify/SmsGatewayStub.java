package cn.officeflow.platform.notify;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A JDK HttpServer on 127.0.0.1 standing in for the SMS provider: records requests, answers 200 or a set status. */
final class SmsGatewayStub {

  record Request(String method, String contentType, String authorization, String body) {}

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger status = new AtomicInteger(200);

  private SmsGatewayStub(HttpServer server) {
    this.server = server;
  }

  static SmsGatewayStub start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      SmsGatewayStub stub = new SmsGatewayStub(server);
      server.createContext(
          "/sms/send",
          exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
              String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
              int answer = stub.status.get();
              if (answer / 100 == 2) {
                // a failed request is not a delivered SMS
                stub.requests.add(
                    new Request(
                        exchange.getRequestMethod(),
                        exchange.getRequestHeaders().getFirst("Content-Type"),
                        exchange.getRequestHeaders().getFirst("Authorization"),
                        body));
              }
              byte[] reply =
                  (answer / 100 == 2 ? "{\"code\":0}" : "{\"code\":500,\"msg\":\"网关故障\"}")
                      .getBytes(StandardCharsets.UTF_8);
              exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
              exchange.sendResponseHeaders(answer, reply.length);
              exchange.getResponseBody().write(reply);
            } finally {
              exchange.close();
            }
          });
      server.start();
      return stub;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/sms/send";
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  void answer(int httpStatus) {
    status.set(httpStatus);
  }

  void reset() {
    requests.clear();
    status.set(200);
  }
}
