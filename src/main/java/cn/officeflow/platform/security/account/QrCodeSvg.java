package cn.officeflow.platform.security.account;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/** A QR code (ZXing) as an inline SVG: no image request, nothing for the Content-Security-Policy to block. */
final class QrCodeSvg {

  private QrCodeSvg() {}

  static String of(String text) {
    try {
      BitMatrix matrix =
          new QRCodeWriter()
              .encode(
                  text,
                  BarcodeFormat.QR_CODE,
                  0,
                  0,
                  Map.of(
                      EncodeHintType.ERROR_CORRECTION,
                      ErrorCorrectionLevel.M,
                      EncodeHintType.MARGIN,
                      4));
      int size = matrix.getWidth();
      StringBuilder path = new StringBuilder();
      for (int y = 0; y < matrix.getHeight(); y++) {
        for (int x = 0; x < size; x++) {
          if (matrix.get(x, y)) {
            path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
          }
        }
      }
      return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "
          + size
          + " "
          + matrix.getHeight()
          + "\" width=\"240\" height=\"240\" role=\"img\" aria-label=\"动态口令二维码\""
          + " shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
          + "<path fill=\"#000\" d=\""
          + path
          + "\"/></svg>";
    } catch (WriterException e) {
      throw new IllegalStateException("QR code of " + text.length() + " characters", e);
    }
  }
}
