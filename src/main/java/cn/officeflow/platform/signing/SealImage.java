package cn.officeflow.platform.signing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The image of the unit's seal (印章), {@code officeflow.signing.seal-image}: a PNG (red, transparent around the
 * seal) placed over the 落款 of the archived PDF. Optional; a path that is set but unreadable stops the start.
 * The image is only a picture — what proves who issued the file is the electronic signature.
 */
@Component
public class SealImage {

  private final byte[] png;

  public SealImage(@Value("${officeflow.signing.seal-image:}") String path) {
    if (path == null || path.isBlank()) {
      this.png = null;
      return;
    }
    Path file = Path.of(path.strip());
    try {
      byte[] bytes = Files.readAllBytes(file);
      if (ImageIO.read(new ByteArrayInputStream(bytes)) == null) {
        throw new IllegalStateException(
            "officeflow.signing.seal-image 不是可读的 PNG 图片：" + file + "（seal image is not a PNG）");
      }
      this.png = bytes;
    } catch (IOException e) {
      throw new IllegalStateException(
          "officeflow.signing.seal-image 指向的文件无法读取：" + file + "（" + e.getMessage() + "）", e);
    }
  }

  /** The PNG, when the office configured one. */
  public Optional<byte[]> png() {
    return Optional.ofNullable(png);
  }
}
