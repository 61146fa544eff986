package cn.officeflow.platform.files;

import cn.officeflow.platform.archive.ArchiveChain;
import cn.officeflow.platform.engine.CurrentUser;
import cn.officeflow.platform.engine.EngineClock;
import cn.officeflow.platform.engine.StoredFileLimits;
import cn.officeflow.platform.engine.SystemAuthentication;
import cn.officeflow.platform.org.OrgService;
import cn.officeflow.platform.web.NotFoundException;
import cn.officeflow.platform.web.ValidationException;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files kept for a business record (evidence: photos, call records, documents), with the limits of the 收文
 * uploads ({@link StoredFileLimits}: a file, and all files of one record together; a name of at most 200
 * characters without paths or control characters; no empty file) and the uploader from authentication. The
 * owning process decides who may upload and until when (it checks before calling); this service only stores.
 */
@Service
public class StoredFileService {

  public static final int MAX_FILE_NAME = 200;
  public static final int MAX_FILES = 50;

  private final StoredFileRepository files;
  private final StoredFileLimits limits;
  private final IdentityService identity;
  private final OrgService org;

  public StoredFileService(
      StoredFileRepository files,
      StoredFileLimits limits,
      IdentityService identity,
      OrgService org) {
    this.files = files;
    this.limits = limits;
    this.identity = identity;
    this.org = org;
  }

  /** Stores one file for {@code ownerKey}; 400 naming {@code file} when it breaks a limit. */
  @Transactional
  public StoredFile store(
      String ownerKey, String step, String originalName, String mediaType, byte[] content) {
    String user = CurrentUser.id(identity).orElseThrow(() -> new IllegalStateException("no user"));
    String name = fileName(originalName == null ? "" : originalName);
    if (name.isEmpty()) {
      throw new ValidationException("file", "文件名不能为空（去掉路径和控制字符后什么也没有剩下）");
    }
    int length = name.codePointCount(0, name.length());
    if (length > MAX_FILE_NAME) {
      throw new ValidationException(
          "file", "文件名不能超过 " + MAX_FILE_NAME + " 个字符，当前 " + length + " 个，请改短后再上传");
    }
    if (content == null || content.length == 0) {
      throw new ValidationException("file", "文件是空的：" + name);
    }
    if (content.length > limits.fileBytes()) {
      throw new ValidationException(
          "file", "文件过大：" + name + "，单个文件不能超过 " + mb(limits.fileBytes()) + limits.reason());
    }
    List<StoredFile> existing = files.byOwner(ownerKey);
    if (existing.size() >= MAX_FILES) {
      throw new ValidationException("file", "每个事项最多 " + MAX_FILES + " 个文件");
    }
    if (files.totalSize(ownerKey) + content.length > limits.documentBytes()) {
      throw new ValidationException(
          "file", "每个事项的文件合计不能超过 " + mb(limits.documentBytes()) + limits.reason());
    }
    String type =
        mediaType == null || mediaType.isBlank() || mediaType.length() > 200
            ? "application/octet-stream"
            : mediaType.strip();
    StoredFile file =
        new StoredFile(
            UUID.randomUUID().toString(),
            ownerKey,
            name,
            type,
            content.length,
            ArchiveChain.sha256(content),
            step,
            user,
            SystemAuthentication.call(identity, () -> org.displayName(user)),
            EngineClock.now());
    files.insert(file, content);
    return file;
  }

  public List<StoredFile> list(String ownerKey) {
    return files.byOwner(ownerKey);
  }

  public StoredFile file(String ownerKey, String id) {
    return files.find(ownerKey, id).orElseThrow(() -> new NotFoundException("文件不存在：" + id));
  }

  public byte[] content(String ownerKey, String id) {
    return files.content(file(ownerKey, id).id());
  }

  @Transactional
  public void remove(String ownerKey, String id) {
    if (files.delete(ownerKey, id) == 0) {
      throw new NotFoundException("文件不存在：" + id);
    }
  }

  /** The last path segment of an uploaded name, without control characters, stripped. */
  static String fileName(String raw) {
    String name = raw.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1);
    return name.replaceAll("\\p{Cntrl}", "").strip();
  }

  private static String mb(long bytes) {
    return (bytes / (1024 * 1024)) + " MB";
  }
}
