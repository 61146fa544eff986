package cn.officeflow.platform.engine;

import java.util.List;
import org.camunda.bpm.engine.history.UserOperationLogEntry;

/**
 * The application's part when an administrative change is made (user, group, membership, tenant,
 * authorization, deployment): called with the user operation log entries of one operation (one entry per
 * property), inside the engine's transaction just before it commits (see {@link AdminOperationEvents}).
 */
public interface AdminOperationHook {

  void onAdminOperation(List<UserOperationLogEntry> entries);
}
