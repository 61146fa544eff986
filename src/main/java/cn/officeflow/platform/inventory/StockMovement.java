package cn.officeflow.platform.inventory;

import java.time.LocalDateTime;

/**
 * One change of an item's stock, as the 出入库台账 lists it.
 *
 * @param quantity how many units moved (always positive; the kind says which way)
 * @param stockAfter the stock right after this movement
 * @param reference the business record it belongs to (the process's business key), may be null
 * @param userId who did it (authentication), or {@code system}
 */
public record StockMovement(
    String id,
    String itemId,
    MovementKind kind,
    int quantity,
    int stockAfter,
    String reason,
    String reference,
    String userId,
    LocalDateTime at) {}
