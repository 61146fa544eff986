package cn.officeflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A user logged in to Tasklist as the browser is: the webapp session cookie and its CSRF token, for calls to
 * the webapps' own API ({@code /camunda/api/engine/...}), which Tasklist uses to submit forms.
 */
public final class WebappSession {

  private final Http http;
  private final String session;
  private final String token;

  private WebappSession(Http http, String session, String token) {
    this.http = http;
    this.session = session;
    this.token = token;
  }

  public static WebappSession login(Http http, String user, String password) {
    HttpResponse<String> page = http.get("/camunda/app/tasklist/default/", null, null);
    String xsrf = cookie(page, "XSRF-TOKEN");
    HttpResponse<String> loggedIn =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(http.url("/camunda/api/admin/auth/user/default/login/tasklist")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookie(page, "JSESSIONID") + "; " + xsrf)
                .header("X-XSRF-TOKEN", value(xsrf))
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "username=" + user + "&password=" + password))
                .build());
    assertThat(loggedIn.statusCode()).as("webapp login of %s", user).isEqualTo(200);
    String session = cookie(loggedIn, "JSESSIONID");
    // the login starts a new session; its CSRF token comes with the next webapp response
    HttpResponse<String> next =
        http.send(
            HttpRequest.newBuilder(URI.create(http.url("/camunda/app/tasklist/default/")))
                .header("Cookie", session)
                .GET()
                .build());
    return new WebappSession(http, session, value(cookie(next, "XSRF-TOKEN")));
  }

  /** The session cookie ({@code JSESSIONID=...}). */
  public String sessionCookie() {
    return session;
  }

  /** A GET with the session cookie. */
  public HttpResponse<String> get(String path) {
    return http.send(
        HttpRequest.newBuilder(URI.create(http.url(path))).header("Cookie", session).GET().build());
  }

  public HttpResponse<String> postJson(String path, String json) {
    return http.send(
        HttpRequest.newBuilder(URI.create(http.url(path)))
            .header("Cookie", session)
            .header("X-XSRF-TOKEN", token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
            .build());
  }

  /** Signs out of the webapps (Tasklist's and Cockpit's 「退出登录」). */
  public HttpResponse<String> logout() {
    return http.send(
        HttpRequest.newBuilder(URI.create(http.url("/camunda/api/admin/auth/user/default/logout")))
            .header("Cookie", session)
            .header("X-XSRF-TOKEN", token)
            .POST(HttpRequest.BodyPublishers.noBody())
            .build());
  }

  private static String cookie(HttpResponse<?> response, String name) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith(name + "="))
        .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no cookie " + name + " in " + response.headers().map()));
  }

  private static String value(String cookie) {
    return cookie.substring(cookie.indexOf('=') + 1);
  }
}
