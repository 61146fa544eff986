package cn.officeflow.platform.docgen;

/** A PDF could not be made; the message is in Chinese and says what to do. */
public class PdfConversionException extends RuntimeException {

  public PdfConversionException(String message) {
    super(message);
  }

  public PdfConversionException(String message, Throwable cause) {
    super(message, cause);
  }
}
