package cn.officeflow.platform.engine;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * Lets the application end what it keeps beside a user task when the task is deleted instead of completed — by
 * 退回 or 撤回 (process instance modification), a modification in Cockpit, an interrupting boundary event, the
 * deletion of the process instance. Called inside the engine's command and transaction by a built-in task
 * listener on every user task of every model ({@link TaskDeletionListener}), also when custom listeners are
 * skipped. Used by 加签: the step's pending signers end with it.
 */
public interface TaskDeletionHook {

  void taskDeleted(DelegateTask task);
}
