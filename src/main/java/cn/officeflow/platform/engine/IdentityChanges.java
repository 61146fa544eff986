package cn.officeflow.platform.engine;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.impl.cmd.CreateMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.CreateTenantGroupMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.CreateTenantUserMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteGroupCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTenantCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTenantGroupMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTenantUserMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A counter of the changes to who belongs to which group or tenant made through this node's engine (memberships
 * added or removed, groups, tenants or users deleted). What is remembered about a user's memberships is
 * remembered with the counter's value and not used once it has moved; a change made on another node reaches
 * this one when the remembered value expires.
 *
 * <p>The counter moves after the change is committed (after the command, or after the surrounding Spring
 * transaction completes), so that what is read again is the changed state.
 */
@Component
public class IdentityChanges extends CommandInterceptor {

  private static final Set<Class<?>> MEMBERSHIP_COMMANDS =
      Set.of(
          CreateMembershipCmd.class,
          DeleteMembershipCmd.class,
          DeleteGroupCmd.class,
          DeleteUserCmd.class,
          CreateTenantUserMembershipCmd.class,
          CreateTenantGroupMembershipCmd.class,
          DeleteTenantUserMembershipCmd.class,
          DeleteTenantGroupMembershipCmd.class,
          DeleteTenantCmd.class);

  private final AtomicLong version = new AtomicLong();

  /** The number of changes so far. */
  public long version() {
    return version.get();
  }

  @Override
  public <T> T execute(Command<T> command) {
    if (!MEMBERSHIP_COMMANDS.contains(command.getClass())) {
      return next.execute(command);
    }
    try {
      return next.execute(command);
    } finally {
      if (TransactionSynchronizationManager.isSynchronizationActive()) {
        TransactionSynchronizationManager.registerSynchronization(
            new TransactionSynchronization() {
              @Override
              public void afterCompletion(int status) {
                version.incrementAndGet();
              }
            });
      }
      version.incrementAndGet();
    }
  }
}
