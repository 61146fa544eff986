package cn.officeflow.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Locale;

/**
 * A tiny SMTP sink for {@code bench/cluster-failover.sh}: accepts every message on 127.0.0.1 and appends one
 * line per message to a file — {@code <time>\t<X-OfficeFlow-Notification header>\t<Message-ID>} — after the
 * message has been read and before it answers 250, as a real mail server would. It lives in a process of
 * its own so that it keeps counting while application nodes are killed and restarted; the checks then look
 * for notification ids received more than once (a duplicate) or never.
 *
 * <p>{@code java -cp <test classpath> cn.officeflow.bench.SmtpSink <port> <file>}
 */
public final class SmtpSink {

  private SmtpSink() {}

  public static void main(String[] args) throws IOException {
    int port = Integer.parseInt(args[0]);
    Path file = Path.of(args[1]);
    Files.writeString(file, "", StandardCharsets.UTF_8);
    try (ServerSocket server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
      System.out.println("SMTP sink listening on 127.0.0.1:" + port + ", writing " + file);
      while (true) {
        Socket socket = server.accept();
        Thread thread = new Thread(() -> session(socket, file), "smtp-sink");
        thread.setDaemon(true);
        thread.start();
      }
    }
  }

  private static void session(Socket socket, Path file) {
    try (socket;
        BufferedReader in =
            new BufferedReader(
                new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
        OutputStream raw = socket.getOutputStream();
        PrintWriter out = new PrintWriter(raw, true, StandardCharsets.US_ASCII)) {
      reply(out, "220 officeflow-sink ESMTP");
      String line;
      while ((line = in.readLine()) != null) {
        String command = line.length() < 4 ? line : line.substring(0, 4).toUpperCase(Locale.ROOT);
        switch (command) {
          case "EHLO" -> reply(out, "250-officeflow-sink\r\n250-8BITMIME\r\n250 SMTPUTF8");
          case "HELO", "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, "250 OK");
          case "DATA" -> {
            reply(out, "354 end with <CRLF>.<CRLF>");
            String notification = "-";
            String messageId = "-";
            boolean headers = true;
            while ((line = in.readLine()) != null && !line.equals(".")) {
              if (line.isEmpty()) {
                headers = false;
              } else if (headers) {
                String lower = line.toLowerCase(Locale.ROOT);
                if (lower.startsWith("x-officeflow-notification:")) {
                  notification = line.substring(line.indexOf(':') + 1).strip();
                } else if (lower.startsWith("message-id:")) {
                  messageId = line.substring(line.indexOf(':') + 1).strip();
                }
              }
            }
            record(file, Instant.now() + "\t" + notification + "\t" + messageId + "\n");
            reply(out, "250 queued");
          }
          case "QUIT" -> {
            reply(out, "221 bye");
            return;
          }
          default -> reply(out, "502 not implemented");
        }
      }
    } catch (IOException e) {
      // the client went away (a node was killed mid-session): nothing was accepted
    }
  }

  private static synchronized void record(Path file, String line) throws IOException {
    Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
  }

  private static void reply(PrintWriter out, String text) {
    out.print(text + "\r\n");
    out.flush();
  }
}
