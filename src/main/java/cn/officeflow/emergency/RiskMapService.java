package cn.officeflow.emergency;

import cn.officeflow.platform.engine.CurrentUser;
import cn.officeflow.platform.engine.EngineClock;
import cn.officeflow.platform.org.OrgService;
import cn.officeflow.platform.org.RoleGroups;
import cn.officeflow.platform.web.ConflictException;
import cn.officeflow.platform.web.FormValues;
import cn.officeflow.platform.web.NotFoundException;
import cn.officeflow.platform.web.ValidationException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 风险地图: the office's risks by 维度 (人员/资产/声誉) with their level, the group that owns the
 * response and the 异常行为监测点. Everyone reads it; {@code emergency-command} (and the admin) maintain it.
 */
@Service
public class RiskMapService {

  /** 人员 | 资产 | 声誉, as a case reports them. */
  static final List<String> DIMENSIONS = EmergencyService.DIMENSIONS;

  /** Ⅰ … Ⅳ, as the alerting is configured per level. */
  static final List<String> LEVELS = EmergencyConfiguration.LEVELS;

  static final Set<String> EDITORS = Set.of("emergency-command", RoleGroups.CAMUNDA_ADMIN);

  static final String DIMENSION = "dimension";
  static final String SCENARIO = "scenario";
  static final String LEVEL = "level";
  static final String OWNER_GROUP = "ownerGroup";
  static final String MONITORING_POINT = "monitoringPoint";
  static final String DESCRIPTION = "description";
  private static final Set<String> FIELDS =
      Set.of(DIMENSION, SCENARIO, LEVEL, OWNER_GROUP, MONITORING_POINT, DESCRIPTION);

  private final RiskMapRepository repository;
  private final OrgService org;
  private final IdentityService identity;

  public RiskMapService(RiskMapRepository repository, OrgService org, IdentityService identity) {
    this.repository = repository;
    this.org = org;
    this.identity = identity;
  }

  public List<RiskMapEntry> list(String dimension) {
    String wanted =
        dimension == null || dimension.isBlank()
            ? null
            : FormValues.oneOf(dimension, DIMENSION, DIMENSIONS, "维度", null);
    return repository.list(wanted).stream().map(this::entry).toList();
  }

  public RiskMapEntry get(String id) {
    return entry(repository.find(id).orElseThrow(() -> notFound(id)));
  }

  @Transactional
  public RiskMapEntry create(Map<String, Object> input) {
    requireEditor("新增风险");
    RiskMapRepository.Row row = validated(UUID.randomUUID().toString(), input);
    repository
        .findByScenario(row.dimension(), row.scenario())
        .ifPresent(
            existing -> {
              throw duplicate(row);
            });
    try {
      repository.insert(row);
    } catch (DuplicateKeyException e) {
      throw duplicate(row);
    }
    return entry(row);
  }

  @Transactional
  public RiskMapEntry update(String id, Map<String, Object> input) {
    requireEditor("修改风险");
    repository.find(id).orElseThrow(() -> notFound(id));
    RiskMapRepository.Row row = validated(id, input);
    repository
        .findByScenario(row.dimension(), row.scenario())
        .filter(other -> !other.id().equals(id))
        .ifPresent(
            other -> {
              throw duplicate(row);
            });
    try {
      repository.update(row);
    } catch (DuplicateKeyException e) {
      throw duplicate(row);
    }
    return entry(row);
  }

  @Transactional
  public void delete(String id) {
    requireEditor("删除风险");
    if (repository.delete(id) == 0) {
      throw notFound(id);
    }
  }

  private RiskMapRepository.Row validated(String id, Map<String, Object> input) {
    if (input == null) {
      throw new ValidationException(SCENARIO, "请求体必须是 JSON 对象");
    }
    for (String name : input.keySet()) {
      if (!FIELDS.contains(name)) {
        throw new ValidationException(
            name, "风险地图没有此字段（可用：" + String.join("、", FIELDS.stream().sorted().toList()) + "）");
      }
    }
    String dimension = FormValues.oneOf(input.get(DIMENSION), DIMENSION, DIMENSIONS, "维度", null);
    String scenario = FormValues.requiredText(input.get(SCENARIO), SCENARIO, 100, "场景");
    String level = FormValues.oneOf(input.get(LEVEL), LEVEL, LEVELS, "等级", null);
    String ownerGroup = FormValues.requiredText(input.get(OWNER_GROUP), OWNER_GROUP, 64, "责任组");
    if (identity.createGroupQuery().groupId(ownerGroup).count() == 0) {
      throw new ValidationException(OWNER_GROUP, "用户组「" + ownerGroup + "」不存在");
    }
    String monitoringPoint =
        FormValues.optionalText(input.get(MONITORING_POINT), MONITORING_POINT, 500, "监测点");
    String description = FormValues.optionalText(input.get(DESCRIPTION), DESCRIPTION, 1000, "处置要点");
    return new RiskMapRepository.Row(
        id,
        dimension,
        scenario,
        level,
        ownerGroup,
        monitoringPoint,
        description,
        CurrentUser.idOrSystem(identity),
        EngineClock.now());
  }

  private void requireEditor(String action) {
    CurrentUser.requireAnyGroup(identity, EDITORS, action);
  }

  private RiskMapEntry entry(RiskMapRepository.Row row) {
    return new RiskMapEntry(
        row.id(),
        row.dimension(),
        row.scenario(),
        row.level(),
        row.ownerGroup(),
        org.groupName(row.ownerGroup()),
        row.monitoringPoint(),
        row.description(),
        row.updatedBy(),
        row.updatedAt());
  }

  private static ConflictException duplicate(RiskMapRepository.Row row) {
    return new ConflictException("风险地图中已有「" + row.dimension() + "/" + row.scenario() + "」");
  }

  private static NotFoundException notFound(String id) {
    return new NotFoundException("风险地图中没有 " + id);
  }
}
