package cn.officeflow.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.officeflow.support.HttpTest;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The {@code workingDays} bean in Camunda expressions, as the class javadoc shows it: a timer's timeDate and a
 * user task's due date, driven by the engine clock.
 */
@HttpTest
class WorkingDaysInBpmnTest {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final String KEY = "calendar_expression_test";

  @Autowired ProcessEngine engine;

  Deployment deployment;

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    if (deployment != null) {
      engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
    }
  }

  @Test
  void timerAndDueDateCountWorkingDaysAcross国庆() {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(KEY)
            .name("工作日表达式测试")
            .camundaHistoryTimeToLive(180)
            .startEvent("Start")
            .name("开始")
            .userTask("Task_Handle")
            .name("办理")
            .camundaDueDate("${workingDays.add(now(), deadlineDays)}")
            .boundaryEvent("Timer_Remind")
            .name("催办")
            .cancelActivity(false)
            .timerWithDate("${workingDays.add(now(), 1)}")
            .endEvent("End_Reminded")
            .name("已催办")
            .moveToActivity("Task_Handle")
            .boundaryEvent("Timer_Escalate")
            .name("升级")
            .cancelActivity(false)
            .timerWithDate("${workingDays.addFromNow(4)}")
            .endEvent("End_Escalated")
            .name("已升级")
            .moveToActivity("Task_Handle")
            .endEvent("End")
            .name("结束")
            .done();
    deployment =
        engine
            .getRepositoryService()
            .createDeployment()
            .addModelInstance(KEY + ".bpmn", model)
            .deploy();

    ClockUtil.setCurrentTime(at(2026, 9, 30, 10, 0));
    ProcessInstance pi =
        engine.getRuntimeService().startProcessInstanceByKey(KEY, Map.of("deadlineDays", 3));

    Task task =
        engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(task.getDueDate())
        .isEqualTo(at(2026, 10, 10, 10, 0)); // 10-08, 10-09, 调休 Saturday 10-10
    Job remind = timer(pi, "Timer_Remind");
    assertThat(remind.getDuedate()).isEqualTo(at(2026, 10, 8, 10, 0));
    Job escalate = timer(pi, "Timer_Escalate");
    assertThat(escalate.getDuedate()).isEqualTo(at(2026, 10, 12, 10, 0)); // Sunday 10-11 is off
  }

  Job timer(ProcessInstance pi, String activityId) {
    return engine
        .getManagementService()
        .createJobQuery()
        .processInstanceId(pi.getId())
        .timers()
        .list()
        .stream()
        .filter(
            job ->
                engine
                    .getManagementService()
                    .createJobDefinitionQuery()
                    .jobDefinitionId(job.getJobDefinitionId())
                    .singleResult()
                    .getActivityId()
                    .equals(activityId))
        .findFirst()
        .orElseThrow();
  }

  static Date at(int year, int month, int day, int hour, int minute) {
    return Date.from(ZonedDateTime.of(year, month, day, hour, minute, 0, 0, SHANGHAI).toInstant());
  }
}
