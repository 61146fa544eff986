package cn.officeflow.reimbursement;

import static cn.officeflow.reimbursement.ReimbursementVariables.*;

import cn.officeflow.platform.web.ValidationException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code invoices} input: a JSON array of {@code {code, number, amount, date}}, as a Json variable or a String
 * holding the JSON. Checked as Chinese invoices are numbered today:
 * <ul>
 *   <li>traditional invoices (纸质/电子 增值税专用/普通发票, 卷票…): 发票代码 10 digits (专票/普票 paper) or 12 digits
 *       (电子普票, 卷式, 机打), 发票号码 8 digits;</li>
 *   <li>数电发票 (全面数字化的电子发票, nationwide since December 2024): 发票号码 20 digits and no 发票代码 — {@code
 *       code} empty or absent.</li>
 * </ul>
 * {@code amount} in yuan, more than 0, at most two decimals (fen); {@code date} YYYY-MM-DD, not after today. An
 * invoice listed twice in the same claim is refused. Errors are 400 naming {@code invoices[i].field}.
 */
public final class Invoices {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern CODE = Pattern.compile("\\d{10}|\\d{12}");
  private static final Pattern NUMBER_TRADITIONAL = Pattern.compile("\\d{8}");
  private static final Pattern NUMBER_DIGITAL = Pattern.compile("\\d{20}");
  private static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000");

  private Invoices() {}

  public static List<Invoice> parse(Object raw, LocalDate today) {
    JsonNode array = array(raw);
    if (array.isEmpty()) {
      throw new ValidationException(INVOICES, "请至少填写一张发票");
    }
    if (array.size() > MAX_INVOICES) {
      throw new ValidationException(
          INVOICES, "一次最多报销 " + MAX_INVOICES + " 张发票，收到 " + array.size() + " 张");
    }
    List<Invoice> invoices = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < array.size(); i++) {
      Invoice invoice = invoice(array.get(i), i, today);
      if (!keys.add(invoice.key())) {
        throw new ValidationException(
            INVOICES + "[" + i + "]", "同一张发票在本报销单中重复填写：" + invoice.label());
      }
      invoices.add(invoice);
    }
    return invoices;
  }

  public static BigDecimal total(List<Invoice> invoices) {
    return invoices.stream().map(Invoice::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** The invoices as the JSON array they were given in (normalised: code "" for 数电发票, amount as a number). */
  public static String toJson(List<Invoice> invoices) {
    ArrayNode array = JSON.createArrayNode();
    for (Invoice invoice : invoices) {
      ObjectNode node = array.addObject();
      node.put("code", invoice.code() == null ? "" : invoice.code());
      node.put("number", invoice.number());
      node.put("amount", invoice.amount());
      node.put("date", invoice.date().toString());
    }
    return array.toString();
  }

  /** A readable table for the review forms (one line per invoice, and the total). */
  public static String summary(List<Invoice> invoices) {
    StringBuilder text = new StringBuilder("序号｜发票代码｜发票号码｜开票日期｜金额（元）\n");
    int i = 1;
    for (Invoice invoice : invoices) {
      text.append(i++)
          .append("｜")
          .append(invoice.number().length() == 20 ? "（数电发票）" : invoice.code())
          .append("｜")
          .append(invoice.number())
          .append("｜")
          .append(invoice.date())
          .append("｜")
          .append(invoice.amount().toPlainString())
          .append('\n');
    }
    return text.append("合计 ")
        .append(invoices.size())
        .append(" 张，")
        .append(total(invoices).toPlainString())
        .append(" 元")
        .toString();
  }

  private static JsonNode array(Object raw) {
    if (raw == null) {
      throw new ValidationException(
          INVOICES, "请填写发票（JSON 数组：[{\"code\",\"number\",\"amount\",\"date\"}]）");
    }
    JsonNode node;
    if (raw instanceof JsonNode json) {
      node = json;
    } else if (raw instanceof String || raw.getClass().getName().startsWith("org.camunda.spin")) {
      // a String holding the JSON, or a Json variable (Spin's JSON node prints as its JSON)
      String text = raw.toString().strip();
      if (text.isEmpty()) {
        throw new ValidationException(INVOICES, "请至少填写一张发票");
      }
      try {
        node = JSON.readTree(text);
      } catch (JsonProcessingException e) {
        throw new ValidationException(
            INVOICES,
            "发票必须是 JSON 数组，如 [{\"code\":\"044031900111\",\"number\":\"12345678\",\"amount\":120.50,"
                + "\"date\":\"2026-11-20\"}]（第 "
                + e.getLocation().getLineNr()
                + " 行第 "
                + e.getLocation().getColumnNr()
                + " 列无法解析）");
      }
    } else {
      throw new ValidationException(INVOICES, "发票必须是 JSON 数组（类型 Json 或内容为 JSON 的字符串）");
    }
    if (node == null || !node.isArray()) {
      throw new ValidationException(INVOICES, "发票必须是 JSON 数组（[...]），每张发票一个对象");
    }
    return node;
  }

  private static Invoice invoice(JsonNode node, int i, LocalDate today) {
    String at = INVOICES + "[" + i + "]";
    if (node == null || !node.isObject()) {
      throw new ValidationException(at, "每张发票必须是一个对象 {code, number, amount, date}");
    }
    node.fieldNames()
        .forEachRemaining(
            name -> {
              if (!Set.of("code", "number", "amount", "date").contains(name)) {
                throw new ValidationException(
                    at + "." + name, "发票只有 code、number、amount、date 四项，不认识：" + name);
              }
            });
    String number = digits(node.get("number"), at + ".number", "发票号码");
    if (number == null) {
      throw new ValidationException(at + ".number", "发票号码必须填写");
    }
    String code = digits(node.get("code"), at + ".code", "发票代码");
    if (NUMBER_DIGITAL.matcher(number).matches()) {
      // a 数电发票 has no code; one sent anyway (systems that always fill it) must still look like one,
      // and the
      // 20-digit number alone identifies the invoice
      if (code != null && !CODE.matcher(code).matches()) {
        throw new ValidationException(
            at + ".code", "数电发票（20 位号码）的发票代码应留空，或为 10 位、12 位数字（收到：" + code + "）");
      }
    } else if (NUMBER_TRADITIONAL.matcher(number).matches()) {
      if (code == null || !CODE.matcher(code).matches()) {
        throw new ValidationException(
            at + ".code", "发票代码必须是 10 位或 12 位数字（收到：" + (code == null ? "空" : code) + "）");
      }
    } else {
      throw new ValidationException(
          at + ".number", "发票号码必须是 8 位数字（配发票代码）或 20 位数字（数电发票），收到：" + number);
    }
    BigDecimal amount = amount(node.get("amount"), at + ".amount");
    LocalDate date = date(node.get("date"), at + ".date", today);
    return new Invoice(code, number, amount, date);
  }

  private static String digits(JsonNode node, String field, String label) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual() && !node.isIntegralNumber()) {
      throw new ValidationException(field, label + "必须是数字组成的文本");
    }
    String text = node.asText().strip();
    if (text.isEmpty()) {
      return null;
    }
    if (!text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new ValidationException(field, label + "只能包含数字，收到：" + text);
    }
    return text;
  }

  static BigDecimal amount(JsonNode node, String field) {
    if (node == null || node.isNull()) {
      throw new ValidationException(field, "发票金额必须填写（元）");
    }
    BigDecimal amount;
    try {
      amount = node.isNumber() ? node.decimalValue() : new BigDecimal(node.asText().strip());
    } catch (NumberFormatException e) {
      throw new ValidationException(field, "发票金额必须是数字（元），收到：" + node.asText());
    }
    return checkAmount(amount, field, "发票金额");
  }

  /** More than 0, at most two decimals (分), below 1 亿. */
  static BigDecimal checkAmount(BigDecimal amount, String field, String label) {
    if (amount.signum() <= 0) {
      throw new ValidationException(field, label + "必须大于 0，收到：" + amount.toPlainString());
    }
    if (amount.stripTrailingZeros().scale() > 2) {
      throw new ValidationException(field, label + "最多精确到分（两位小数），收到：" + amount.toPlainString());
    }
    if (amount.compareTo(MAX_AMOUNT) >= 0) {
      throw new ValidationException(field, label + "超出上限（1 亿元），收到：" + amount.toPlainString());
    }
    return amount.setScale(2);
  }

  private static LocalDate date(JsonNode node, String field, LocalDate today) {
    if (node == null || !node.isTextual()) {
      throw new ValidationException(field, "开票日期必须填写（YYYY-MM-DD）");
    }
    LocalDate date;
    try {
      date = LocalDate.parse(node.asText().strip());
    } catch (DateTimeParseException e) {
      throw new ValidationException(field, "开票日期格式为 YYYY-MM-DD，收到：" + node.asText());
    }
    if (date.isAfter(today)) {
      throw new ValidationException(field, "开票日期不能晚于今天（" + today + "），收到：" + date);
    }
    return date;
  }
}
