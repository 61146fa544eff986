package cn.officeflow.procurement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The thin listeners and delegates of procurement.bpmn and supplier_review.bpmn ({@code delegateExpression}): only
 * the exceptions of delegates reach REST and Tasklist unwrapped (400 naming the field, 409); expression listeners
 * would wrap them in a ProcessEngineException.
 */
final class ProcurementListeners {

  private ProcurementListeners() {}

  @Component("procurementStartListener")
  static class ProcurementStartListener implements ExecutionListener {
    private final ProcurementService service;

    ProcurementStartListener(ProcurementService service) {
      this.service = service;
    }

    @Override
    public void notify(DelegateExecution execution) {
      service.start(execution);
    }
  }

  @Component("researchListener")
  static class ResearchListener implements ExecutionListener {
    private final ProcurementService service;

    ResearchListener(ProcurementService service) {
      this.service = service;
    }

    @Override
    public void notify(DelegateExecution execution) {
      service.research(execution);
    }
  }

  @Component("compareQuotesListener")
  static class CompareQuotesListener implements ExecutionListener {
    private final ProcurementService service;

    CompareQuotesListener(ProcurementService service) {
      this.service = service;
    }

    @Override
    public void notify(DelegateExecution execution) {
      service.compareQuotes(execution);
    }
  }

  @Component("singleSourceListener")
  static class SingleSourceListener implements ExecutionListener {
    private final ProcurementService service;

    SingleSourceListener(ProcurementService service) {
      this.service = service;
    }

    @Override
    public void notify(DelegateExecution execution) {
      service.singleSourceDecision(execution);
    }
  }

  @Component("sampleTrialListener")
  static class SampleTrialListener implements ExecutionListener {
    private final ProcurementService service;

    SampleTrialListener(ProcurementService service) {
      this.service = service;
    }

    @Override
    public void notify(DelegateExecution execution) {
      service.sampleTrial(execution);
    }
  }

  @Component("procurementApprovalListener")
  static class ProcurementApprovalListener implements ExecutionListener {
    private final ProcurementService service;

    ProcurementApprovalListener(ProcurementService service) {
      this.service = service;
    }

    @Override
    public void notify(DelegateExecution execution) {
      service.approve(execution);
    }
  }

  @Component("leaderBudgetListener")
  static class LeaderBudgetListener implements ExecutionListener {
    private final ProcurementService service;

    LeaderBudgetListener(ProcurementService service) {
      this.service = service;
    }

    @Override
    public void notify(DelegateExecution execution) {
      service.leaderBudget(execution);
    }
  }

  @Component("orderListener")
  static class OrderListener implements ExecutionListener {
    private final ProcurementService service;

    OrderListener(ProcurementService service) {
      this.service = service;
    }

    @Override
    public void notify(DelegateExecution execution) {
      service.order(execution);
    }
  }

  @Component("receiveListener")
  static class ReceiveListener implements ExecutionListener {
    private final ProcurementService service;

    ReceiveListener(ProcurementService service) {
      this.service = service;
    }

    @Override
    public void notify(DelegateExecution execution) {
      service.receive(execution);
    }
  }

  @Component("issueFromStockDelegate")
  static class IssueFromStockDelegate implements JavaDelegate {
    private final ProcurementService service;

    IssueFromStockDelegate(ProcurementService service) {
      this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
      service.issueFromStock(execution);
    }
  }

  @Component("budgetCheckDelegate")
  static class BudgetCheckDelegate implements JavaDelegate {
    private final ProcurementService service;

    BudgetCheckDelegate(ProcurementService service) {
      this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
      service.checkBudget(execution);
    }
  }

  @Component("supplierReviewListener")
  static class SupplierReviewListener implements ExecutionListener {
    private final SupplierService service;

    SupplierReviewListener(SupplierService service) {
      this.service = service;
    }

    @Override
    public void notify(DelegateExecution execution) {
      service.recordReview(execution);
    }
  }
}
