package cn.officeflow.supervision;

import cn.officeflow.platform.worklist.BusinessRecord;
import cn.officeflow.platform.worklist.BusinessRecords;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** 督办事项 in 我的工作: title and status with its light (红灯 = 超期); no number, no 紧急程度 of its own. */
@Component
public class SupervisionBusinessRecords implements BusinessRecords {

  private final SupervisionRepository items;

  public SupervisionBusinessRecords(SupervisionRepository items) {
    this.items = items;
  }

  @Override
  public Set<String> processKeys() {
    return Set.of(SupervisionVariables.PROCESS_KEY);
  }

  @Override
  public Optional<BusinessRecord> describe(String businessKey) {
    return items
        .find(businessKey)
        .map(
            i ->
                new BusinessRecord(
                    i.title(),
                    null,
                    i.status().name(),
                    label(i.status()) + (i.light() == null ? "" : "（" + i.light().label() + "）"),
                    null,
                    null,
                    null));
  }

  static String label(SupervisionStatus status) {
    return switch (status) {
      case ASSIGNING -> "待交办";
      case HANDLING -> "承办中";
      case INSPECTING -> "督查中";
      case ASSESSING -> "考核中";
      case DONE -> "已办结";
    };
  }
}
