package cn.officeflow.platform.docgen;

import java.util.List;

/** Turns generated .docx files into PDF/A-2b, as a real renderer lays them out. */
public interface PdfConverter {

  /** The PDF of one .docx. */
  default byte[] toPdf(byte[] docx) {
    return toPdf(List.of(docx)).get(0);
  }

  /**
   * The PDFs of several .docx files, in the same order; one renderer start for all of them.
   *
   * @throws PdfConversionException when the renderer is missing or fails (message in Chinese)
   */
  List<byte[]> toPdf(List<byte[]> docxFiles);
}
