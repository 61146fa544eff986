package cn.officeflow.outgoing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 生成版式文件 ({@code camunda:delegateExpression="${renderPrintCopiesDelegate}"}, asynchronous): the
 * PDF/A print copy of the document named by {@code documentId}.
 */
@Component("renderPrintCopiesDelegate")
public class RenderPrintCopiesDelegate implements JavaDelegate {

  private final OutgoingPrintCopies printCopies;

  public RenderPrintCopiesDelegate(OutgoingPrintCopies printCopies) {
    this.printCopies = printCopies;
  }

  @Override
  public void execute(DelegateExecution execution) {
    printCopies.render((String) execution.getVariable(OutgoingDocumentVariables.DOCUMENT_ID));
  }
}
