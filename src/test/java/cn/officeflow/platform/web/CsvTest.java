package cn.officeflow.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** CSV cells: quoting, formula guard, and no control character ever written raw. */
class CsvTest {

  @Test
  void controlCharactersAreNeverWrittenRaw() {
    assertThat(Csv.cell("a\u0000b\u0007c\u001bd\u007fe\u0085f")).isEqualTo("abcdef");
    // removing them cannot smuggle a formula past the guard
    assertThat(Csv.cell("\u0000=cmd|' /C calc'!A0")).isEqualTo("'=cmd|' /C calc'!A0");
    assertThat(Csv.cell("行一\r\n行二\t列")).isEqualTo("\"行一\r\n行二\t列\"");
  }

  @Test
  void quotingAndFormulaGuardAsBefore() {
    assertThat(Csv.cell(null)).isEmpty();
    assertThat(Csv.cell("市水发〔2026〕9号")).isEqualTo("市水发〔2026〕9号");
    assertThat(Csv.cell("a,\"b\"")).isEqualTo("\"a,\"\"b\"\"\"");
    assertThat(Csv.cell("=1+1")).isEqualTo("'=1+1");
    assertThat(Csv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
  }
}
