package cn.officeflow.platform.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.stereotype.Component;

/**
 * Appends the JDBC URL flags Camunda needs on MySQL/MariaDB when the operator's URL lacks them:
 * {@code sendFractionalSeconds=false}, {@code nullDatabaseMeansCurrent=true} and a utf8mb4 connection
 * (4-byte characters such as 𠀀 and emoji).
 */
@Component
public class MysqlDataSourceFlags implements BeanPostProcessor {

  static final Map<String, String> FLAGS = new LinkedHashMap<>();

  static {
    FLAGS.put("sendFractionalSeconds", "false");
    FLAGS.put("nullDatabaseMeansCurrent", "true");
    FLAGS.put("characterEncoding", "UTF-8");
    FLAGS.put("connectionCollation", "utf8mb4_bin");
  }

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (bean instanceof DataSourceProperties properties && properties.getUrl() != null) {
      properties.setUrl(withFlags(properties.getUrl()));
    }
    return bean;
  }

  /** Adds every missing flag to a {@code jdbc:mysql:} or {@code jdbc:mariadb:} URL; other URLs unchanged. */
  public static String withFlags(String url) {
    if (!url.startsWith("jdbc:mysql:") && !url.startsWith("jdbc:mariadb:")) {
      return url;
    }
    StringBuilder result = new StringBuilder(url);
    for (Map.Entry<String, String> flag : FLAGS.entrySet()) {
      if (!url.contains(flag.getKey() + "=")) {
        result
            .append(result.indexOf("?") < 0 ? '?' : '&')
            .append(flag.getKey())
            .append('=')
            .append(flag.getValue());
      }
    }
    return result.toString();
  }
}
