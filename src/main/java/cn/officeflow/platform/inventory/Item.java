package cn.officeflow.platform.inventory;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * An item the office keeps in stock (物资).
 *
 * @param code the office's item code (BG-001)
 * @param category 办公用品 | 耗材 | 办公设备 | 家具 | …
 * @param shareable lent out (共享领用) instead of issued for good
 * @param reorderPoint stock below this starts a procurement request (JIT)
 * @param reorderQuantity how many such a request asks for
 * @param unitValue the value of one unit in yuan (领用 approval threshold, write-off)
 * @param reorderOpen a reorder has been requested and nothing was received since
 */
public record Item(
    String id,
    String code,
    String name,
    String category,
    String unit,
    boolean shareable,
    int reorderPoint,
    int reorderQuantity,
    int stock,
    BigDecimal unitValue,
    boolean active,
    boolean reorderOpen,
    String updatedBy,
    LocalDateTime updatedAt) {}
