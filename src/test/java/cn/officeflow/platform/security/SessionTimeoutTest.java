package cn.officeflow.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.officeflow.support.DemoUsers;
import cn.officeflow.support.Http;
import cn.officeflow.support.HttpTest;
import cn.officeflow.support.WebappSession;
import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

/** The webapps' session ends after 30 idle minutes (server.servlet.session.timeout), checked without waiting. */
@HttpTest
class SessionTimeoutTest {

  @LocalServerPort int port;
  @Autowired ServletWebServerApplicationContext context;

  @Test
  void aWebappSessionExpiresAfterThirtyIdleMinutesAndIsThenRefused() throws Exception {
    Http http = new Http(port);
    WebappSession webapp = WebappSession.login(http, DemoUsers.DRAFTER, DemoUsers.PASSWORD);
    assertThat(webapp.get("/api/account/policy").statusCode()).isEqualTo(200);

    String id = webapp.sessionCookie().substring("JSESSIONID=".length());
    Context tomcat =
        (Context)
            ((TomcatWebServer) context.getWebServer()).getTomcat().getHost().findChildren()[0];
    Session session = tomcat.getManager().findSession(id);
    assertThat(session).isNotNull();
    assertThat(session.getMaxInactiveInterval()).isEqualTo(30 * 60);

    // what Tomcat's background check does once the 30 minutes are over
    session.expire();
    assertThat(webapp.get("/api/account/policy").statusCode()).isEqualTo(401);
    assertThat(webapp.get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(404);
  }
}
