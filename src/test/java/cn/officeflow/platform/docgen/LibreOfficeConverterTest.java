package cn.officeflow.platform.docgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Without LibreOffice the converter says so in Chinese and how to install it (no soffice needed). */
class LibreOfficeConverterTest {

  @Test
  void missingSofficeIsAClearChineseMessage() {
    LibreOfficeConverter converter =
        new LibreOfficeConverter("/nonexistent/officeflow/soffice", "", 10);

    assertThat(converter.available()).isFalse();
    assertThatThrownBy(() -> converter.toPdf(new byte[] {1, 2, 3}))
        .isInstanceOf(PdfConversionException.class)
        .hasMessageContaining("未找到 LibreOffice")
        .hasMessageContaining("apt-get install libreoffice-writer-nogui fonts-noto-cjk");
    assertThat(converter.toPdf(List.of())).isEmpty();
  }
}
