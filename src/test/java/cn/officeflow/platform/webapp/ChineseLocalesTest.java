package cn.officeflow.platform.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * DESIGN.md "Chinese webapps": every key of the shipped en.json (read from Camunda's webjar on the
 * classpath) is in our zh.json, placeholders are kept, the text is really Chinese, and config.js
 * makes zh the fallback locale.
 */
class ChineseLocalesTest {

  static final String BASE = "META-INF/resources/webjars/camunda/app/";
  static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*[^}]+?\\s*}}");
  static final Pattern HAN = Pattern.compile("\\p{IsHan}");
  static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void zhHasEveryKeyOfEnWithItsPlaceholders(String app) throws IOException {
    JsonNode en = read(BASE + app + "/locales/en.json");
    JsonNode zh = read(BASE + app + "/locales/zh.json");
    List<String> missing = new ArrayList<>();
    List<String> brokenPlaceholders = new ArrayList<>();
    int[] chinese = {0, 0};
    compare("", en, zh, missing, brokenPlaceholders, chinese);
    assertThat(missing).as("keys of en.json missing in zh.json").isEmpty();
    assertThat(brokenPlaceholders).as("placeholders lost in translation").isEmpty();
    assertThat(chinese[0]).as("share of texts in Chinese").isGreaterThan(chinese[1] * 9 / 10);
  }

  /** Left as in English on purpose: the vendor, product names, file formats, a date format. */
  static final java.util.Set<String> ENGLISH_ON_PURPOSE =
      java.util.Set.of(
          "/labels/APP_VENDOR",
          "/labels/PLGN_SKE_CAMUNDA_COCKPIT",
          "/labels/AUTHORIZATION_OPTIMIZE",
          "/labels/PLGN_REP_CSV",
          "/labels/PLGN_REP_JSON",
          "/labels/PLGN_BTCH_SET_REMOVAL_TIME_ABSOLUTE_PLACEHOLDER");

  /** Abbreviations and moment.js formats that read the same in Chinese. */
  static final Pattern SAME_IN_CHINESE = Pattern.compile("ID\\*?|[LT]|HH:mm");

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void nothingIsLeftInEnglishButNamesAndAbbreviations(String app) throws IOException {
    List<String> english = new ArrayList<>();
    sameText(
        "", read(BASE + app + "/locales/en.json"), read(BASE + app + "/locales/zh.json"), english);
    // e.g. "null" for an instance without a parent (now 「无」), "Cockpit" in the app switcher (now
    // 「流程监控」)
    assertThat(english).as("texts of our %s zh.json still as in en.json", app).isEmpty();
  }

  private static void sameText(String path, JsonNode en, JsonNode zh, List<String> english) {
    if (en.isObject()) {
      en.properties()
          .forEach(
              f -> sameText(path + "/" + f.getKey(), f.getValue(), zh.path(f.getKey()), english));
    } else if (en.isArray()) {
      for (int i = 0; i < en.size(); i++) {
        sameText(path + "[" + i + "]", en.get(i), zh.path(i), english);
      }
    } else if (en.isTextual()
        && en.asText().matches("(?s).*[A-Za-z].*")
        && en.asText().equals(zh.asText())
        && !ENGLISH_ON_PURPOSE.contains(path)
        && !SAME_IN_CHINESE.matcher(en.asText()).matches()) {
      english.add(path + " = " + en.asText());
    }
  }

  /**
   * Cockpit heads the end of an action dialog «Finished» whether it worked or was refused: in Chinese that heading
   * must not say 已完成 (done), which read like success above a refusal; it says 操作结束 and the message says how.
   */
  @org.junit.jupiter.api.Test
  void cockpitsDialogEndDoesNotClaimSuccess() throws IOException {
    JsonNode labels = read(BASE + "cockpit/locales/zh.json").get("labels");
    List<String> claims = new java.util.ArrayList<>();
    labels
        .fields()
        .forEachRemaining(
            e -> {
              String key = e.getKey();
              boolean dialogEnd =
                  key.endsWith("STATUS_FINISHED")
                      || key.endsWith("_STATUS")
                      || key.matches(".*NOTIFICATIONS?_FINISHED")
                      || key.equals("PLGN_HIST_FINISHED");
              if (dialogEnd && "已完成".equals(e.getValue().asText())) {
                claims.add(key);
              }
            });
    assertThat(claims).isEmpty();
    assertThat(labels.get("VARIABLE_ADD_MESSAGE_STATUS_FINISHED").asText()).isEqualTo("操作结束");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void configMakesChineseTheDefault(String app) throws IOException {
    String config = text(BASE + app + "/scripts/config.js");
    assertThat(config).containsPattern("availableLocales:\\s*\\[[^]]*'zh'");
    assertThat(config).contains("fallbackLocale: 'zh'");
  }

  private static void compare(
      String path,
      JsonNode en,
      JsonNode zh,
      List<String> missing,
      List<String> broken,
      int[] chinese) {
    if (en.isObject()) {
      for (Map.Entry<String, JsonNode> field : en.properties()) {
        JsonNode other = zh == null ? null : zh.get(field.getKey());
        if (other == null) {
          missing.add(path + "/" + field.getKey());
        } else {
          compare(path + "/" + field.getKey(), field.getValue(), other, missing, broken, chinese);
        }
      }
    } else if (en.isArray()) {
      for (int i = 0; i < en.size(); i++) {
        compare(path + "[" + i + "]", en.get(i), zh.get(i), missing, broken, chinese);
      }
    } else if (en.isTextual()) {
      Matcher m = PLACEHOLDER.matcher(en.asText());
      while (m.find()) {
        if (!zh.asText().contains(m.group())) {
          broken.add(path + " " + m.group());
        }
      }
      if (en.asText().matches(".*[A-Za-z]{3,}.*")) {
        chinese[1]++;
        if (HAN.matcher(zh.asText()).find()) {
          chinese[0]++;
        }
      }
    }
  }

  private static JsonNode read(String resource) throws IOException {
    return JSON.readTree(text(resource).replace("\uFEFF", ""));
  }

  private static String text(String resource) throws IOException {
    try (InputStream in = ChineseLocalesTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
