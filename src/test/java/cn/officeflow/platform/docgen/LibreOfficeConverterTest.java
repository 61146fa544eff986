package cn.officeflow.platform.docgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Without LibreOffice the converter says so in Chinese and how to install it (no soffice needed). */
class LibreOfficeConverterTest {

  @Test
  void missingSofficeIsAClearChineseMessage() {
    // started directly (nice 0) and through nice (the default), which itself starts
    for (int nice : new int[] {0, 10}) {
      LibreOfficeConverter converter =
          new LibreOfficeConverter("/nonexistent/officeflow/soffice", "", 10, nice);

      assertThat(converter.available()).isFalse();
      assertThatThrownBy(() -> converter.toPdf(new byte[] {1, 2, 3}))
          .as("nice " + nice)
          .isInstanceOf(PdfConversionException.class)
          .hasMessageContaining("未找到 LibreOffice")
          .hasMessageContaining("apt-get install libreoffice-writer-nogui fonts-noto-cjk");
      assertThat(converter.toPdf(List.of())).isEmpty();
    }
  }

  @Test
  void conversionsRunUnderNiceUnlessSwitchedOffAndTheLevelIsChecked() {
    assertThat(new LibreOfficeConverter("soffice", "", 10, 10).prefix())
        .containsExactly("nice", "-n", "10");
    assertThat(new LibreOfficeConverter("soffice", "", 10, 0).prefix()).isEmpty();
    assertThatThrownBy(() -> new LibreOfficeConverter("soffice", "", 10, 20))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("officeflow.docgen.nice");
  }
}
