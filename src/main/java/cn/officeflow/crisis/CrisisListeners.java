package cn.officeflow.crisis;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The thin listeners and delegates of bpmn/crisis_pr.bpmn ({@code camunda:delegateExpression}), each handing
 * over to {@link CrisisService}. Execution listeners (process start, user task end) because only their
 * exceptions reach REST and Tasklist as 400 naming the field; an {@code expression} listener would wrap them.
 */
@Configuration
public class CrisisListeners {

  @Bean
  ExecutionListener crisisReportedListener(CrisisService crises) {
    return crises::startReported;
  }

  @Bean
  ExecutionListener crisisAlertedListener(CrisisService crises) {
    return crises::startAlerted;
  }

  @Bean
  ExecutionListener crisisMonitorListener(CrisisService crises) {
    return crises::monitor;
  }

  @Bean
  ExecutionListener crisisAssessListener(CrisisService crises) {
    return crises::assess;
  }

  @Bean
  ExecutionListener crisisLegalListener(CrisisService crises) {
    return crises::legalOpinion;
  }

  @Bean
  ExecutionListener crisisDraftListener(CrisisService crises) {
    return crises::brandDraft;
  }

  @Bean
  ExecutionListener crisisPublishListener(CrisisService crises) {
    return crises::publish;
  }

  @Bean
  ExecutionListener crisisFollowUpListener(CrisisService crises) {
    return crises::followUp;
  }

  @Bean
  ExecutionListener crisisFurtherResponseListener(CrisisService crises) {
    return crises::furtherResponse;
  }

  @Bean
  ExecutionListener crisisPrepareReviewListener(CrisisService crises) {
    return crises::prepareReview;
  }

  @Bean
  ExecutionListener crisisReviewListener(CrisisService crises) {
    return crises::review;
  }

  @Bean
  ExecutionListener crisisPrepareImprovementListener(CrisisService crises) {
    return crises::prepareImprovement;
  }

  @Bean
  ExecutionListener crisisImprovementListener(CrisisService crises) {
    return crises::improvementDone;
  }

  @Bean
  JavaDelegate crisisWarnDelegate(CrisisService crises) {
    return crises::warn;
  }

  @Bean
  JavaDelegate crisisEscalateDelegate(CrisisService crises) {
    return crises::escalate;
  }
}
