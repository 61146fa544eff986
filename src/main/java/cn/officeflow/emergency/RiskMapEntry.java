package cn.officeflow.emergency;

import java.time.LocalDateTime;

/**
 * One risk of the 风险地图.
 *
 * @param dimension 人员 | 资产 | 声誉
 * @param scenario the scenario as the decision table {@code emergency_level} names it (火灾, 舆情发酵 …)
 * @param level Ⅰ | Ⅱ | Ⅲ | Ⅳ (U+2160…U+2163), Ⅰ highest
 * @param ownerGroup the group that owns the response
 * @param ownerGroupName its Chinese name
 * @param monitoringPoint the 异常行为监测点 that watches for it (may be null)
 * @param description the first measures (may be null)
 */
public record RiskMapEntry(
    String id,
    String dimension,
    String scenario,
    String level,
    String ownerGroup,
    String ownerGroupName,
    String monitoringPoint,
    String description,
    String updatedBy,
    LocalDateTime updatedAt) {}
