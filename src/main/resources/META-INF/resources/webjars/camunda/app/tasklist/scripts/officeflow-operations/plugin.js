/*
 * OfficeFlow 办理操作 for Camunda Tasklist: buttons in the task view (plugin point tasklist.task.action) for the
 * operations the step allows — GET /api/tasks/{id}/operations, in the order of operations.js — each opening a
 * dialog and calling the REST endpoint with the Tasklist session and its CSRF token. A refusal shows the server's
 * Chinese message in the dialog; a success closes it, says so and refreshes the task, the task list and the buttons
 * (「减签」 appears once the step has signers who have not decided). On a signer's own 「加签：…」 subtask the one
 * button is 「加签审批」 (POST /api/signers/{id}/decide).
 * It also hides the task tabs that do not apply to the task (「收文附件」 outside 收文, 「催办」 for users who may
 * not remind: GET /api/tasks/{id}/reminders/allowed) — Tasklist shows every registered tab on every task.
 *
 * Enabled by app/tasklist/scripts/config.js (customScripts).
 */
import { call, element, failure, openDialog, staffMembers } from '../officeflow-common.js';
import { OPERATIONS } from './operations.js';

/** The name of a signer's subtask starts so (SignersService.SUBTASK_PREFIX). */
const SIGNER_TASK_PREFIX = '加签：';

/** Which tabs apply to a task: tab label → async (api, taskId) → boolean. */
const TAB_CHECKS = {
  '收文附件': async (api, taskId) =>
    (await call(api, 'GET', '/incoming-documents/by-task/' + encodeURIComponent(taskId))).status !== 404,
  '催办': async (api, taskId) => {
    const result = await call(api, 'GET', '/tasks/' + encodeURIComponent(taskId) + '/reminders/allowed');
    // when in doubt (an error) the tab stays and the server's 403 remains the answer
    return !result.ok || !result.body || result.body.allowed !== false;
  }
};

async function options(api, source, taskId) {
  if (source === 'staff') {
    return (await staffMembers(api)).map(u => ({ value: u.id, label: u.name + '（' + u.id + '）' }));
  }
  if (source === 'returnTargets') {
    const result = await call(api, 'GET', '/tasks/' + encodeURIComponent(taskId) + '/return-targets');
    if (!result.ok || !Array.isArray(result.body)) {
      throw new Error(failure(result, '读取可退回的环节'));
    }
    return result.body.map(t => ({ value: t.activityId,
      label: t.name + (t.assignee ? '（' + (t.assigneeName || t.assignee) + '）' : '') }));
  }
  if (source === 'pendingSigners') {
    const result = await call(api, 'GET', '/tasks/' + encodeURIComponent(taskId) + '/signers');
    if (!result.ok || !Array.isArray(result.body)) {
      throw new Error(failure(result, '读取加签人'));
    }
    const pending = result.body.filter(s => !s.decision);
    if (pending.length === 0) {
      return [];
    }
    const names = new Map((await staffMembers(api)).map(u => [u.id, u.name]));
    return pending.map(s => ({ value: s.userId, label: (names.get(s.userId) || s.userId)
      + '（' + (s.mode === 'after' ? '后加签' : '前加签') + (s.subtaskId ? '，审批中' : '，待本环节审批后') + '）' }));
  }
  return source || [];
}

/**
 * Hides the task tabs with these labels (Tasklist renders one per registered plugin for every task; the task view
 * lives in another scope than the actions, so this works on the rendered tabs) and leaves a hidden active tab.
 */
function applyHiddenTabs(hidden) {
  const items = document.querySelectorAll('.task-details .nav-tabs > li');
  let activeHidden = false;
  items.forEach(li => {
    const hide = hidden.has(li.textContent.trim());
    li.style.display = hide ? 'none' : '';
    activeHidden = activeHidden || (hide && li.classList.contains('active'));
  });
  if (activeHidden) {
    const first = Array.from(items).find(li => li.style.display !== 'none');
    if (first && first.querySelector('a')) {
      first.querySelector('a').click();
    }
  }
}

export default {
  id: 'officeflow-operations',
  pluginPoint: 'tasklist.task.action',
  priority: 50,
  render: (node, { api }, scope) => {
    const root = element('div', { class: 'officeflow-operations', style: 'margin: 5px 16px 5px 0;' });
    const bar = element('div', { class: 'btn-group', role: 'group', 'aria-label': '办理操作' });
    const status = element('div', { role: 'status', style: 'margin-top: 5px;' });
    root.appendChild(bar);
    root.appendChild(status);
    node.appendChild(root);
    let current = null;
    let hidden = new Set();
    const observer = new MutationObserver(() => applyHiddenTabs(hidden));
    observer.observe(document.body, { childList: true, subtree: true });

    function refresh() {
      if (scope.taskData) {
        scope.taskData.changed('task');
        scope.taskData.changed('taskList');
      }
      scope.$applyAsync();
    }

    async function showTabs(taskId) {
      hidden = new Set();
      const labels = Object.keys(TAB_CHECKS);
      const applies = await Promise.all(labels.map(l => TAB_CHECKS[l](api, taskId).catch(() => true)));
      if (current === taskId) {
        hidden = new Set(labels.filter((l, i) => !applies[i]));
        applyHiddenTabs(hidden);
      }
    }

    function open(op, taskId) {
      Promise.all(op.fields.map(async f => ({ ...f, options: await options(api, f.options, taskId) })))
        .then(fields => openDialog({
          title: op.title, intro: op.intro, fields, submitLabel: op.label,
          submit: async values => {
            const result = await call(api, op.method || 'POST', op.endpoint(taskId, values), op.body(values));
            if (!result.ok) {
              return failure(result, op.label);
            }
            refresh();
            if (op.scope === 'task') {
              // the buttons may change (减签 after 加签; none once the task is someone else's)
              await load(taskId).catch(() => {});
            } else {
              bar.textContent = '';
            }
            status.className = 'alert alert-success';
            status.textContent = op.done(result.body);
            return null;
          }
        }))
        .catch(e => {
          status.className = 'alert alert-danger';
          status.textContent = e.message;
        });
    }

    function addButton(op, taskId) {
      const button = element('button', { type: 'button', class: 'btn btn-default btn-sm',
        'data-operation': op.id }, op.label);
      button.addEventListener('click', () => open(op, taskId));
      bar.appendChild(button);
    }

    async function load(taskId) {
      current = taskId;
      bar.textContent = '';
      status.className = '';
      status.textContent = '';
      if (!taskId) {
        return;
      }
      showTabs(taskId);
      const task = scope.task || {};
      if (task.parentTaskId && String(task.name || '').startsWith(SIGNER_TASK_PREFIX)) {
        // a signer's own subtask (outside any process): their decision instead of the step's operations
        OPERATIONS.filter(op => op.scope === 'signer').forEach(op => addButton(op, taskId));
        return;
      }
      const result = await call(api, 'GET', '/tasks/' + encodeURIComponent(taskId) + '/operations');
      if (current !== taskId || !result.ok || !result.body) {
        return;
      }
      const allowed = result.body.operations || [];
      const offered = await Promise.all(OPERATIONS.filter(op => op.scope === 'task').map(async op => {
        if (op.requires) {
          // offered only when there is something to choose (e.g. 减签: a signer who has not decided)
          return allowed.includes(op.requires)
            && (await Promise.all(op.fields.map(f => options(api, f.options, taskId).catch(() => []))))
              .every(list => list.length > 0);
        }
        return allowed.includes(op.id);
      }));
      if (current !== taskId) {
        return;
      }
      bar.textContent = '';
      OPERATIONS.filter(op => op.scope === 'task').filter((op, i) => offered[i]).forEach(op => addButton(op, taskId));
    }

    const stop = scope.$watch(() => (scope.task ? scope.task.id : null), id => {
      if (id !== current) {
        load(id).catch(e => {
          status.className = 'alert alert-danger';
          status.textContent = '读取可办理的操作失败：' + e.message;
        });
      }
    });
    scope.$on('$destroy', () => {
      stop();
      observer.disconnect();
    });
  },
  unmount: () => {}
};
