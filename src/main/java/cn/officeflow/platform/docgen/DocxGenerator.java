package cn.officeflow.platform.docgen;

import org.springframework.stereotype.Component;

/** TEMPORARY STUB — replaced by the real generator. */
@Component
public class DocxGenerator {
  public byte[] generate(OfficialDocument doc) {
    return new byte[] {1};
  }
}
