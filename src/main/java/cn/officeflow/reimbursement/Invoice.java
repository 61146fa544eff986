package cn.officeflow.reimbursement;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One invoice of a claim. {@code code} is null for a 数电发票 (全面数字化的电子发票: 20-digit number, no 发票代码).
 */
public record Invoice(String code, String number, BigDecimal amount, LocalDate date) {

  /** The key under which an invoice may be claimed once: the 20-digit number, or 代码-号码. */
  public String key() {
    return code == null || number.length() == 20 ? number : code + "-" + number;
  }

  /** 「发票代码 … 号码 …」 or 「数电发票 …」 for messages. */
  public String label() {
    return code == null || number.length() == 20
        ? "数电发票号码 " + number
        : "发票代码 " + code + " 号码 " + number;
  }
}
