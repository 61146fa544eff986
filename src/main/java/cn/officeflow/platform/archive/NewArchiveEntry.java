package cn.officeflow.platform.archive;

/**
 * What a business process hands over for archiving: the classification 年度-部门-密级, the source
 * record, the electronic file and, when the paper copy is already filed, its box and shelf.
 */
public record NewArchiveEntry(
    int year,
    String departmentId,
    String departmentName,
    String secrecy,
    ArchiveSource source,
    String sourceId,
    String title,
    String documentNumber,
    String fileName,
    String mediaType,
    byte[] content,
    String box,
    String shelf) {}
