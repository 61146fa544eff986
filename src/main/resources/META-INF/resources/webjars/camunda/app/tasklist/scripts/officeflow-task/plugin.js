/*
 * OfficeFlow around each task in Camunda Tasklist, from GET /api/tasks/{id}/record and /trail (404 for a task the
 * user may not read):
 * - officeflow-task-card (tasklist.card): the card says which document the task is for — title, 文号/收文编号 and
 *   紧急程度 (the engine does not hand process variables to candidates, so filter variables stay empty for them);
 * - officeflow-task-state (tasklist.task.action): above the form, why it is read-only (「此任务尚未认领：请先点击
 *   「认领」，再填写表单」 or 「此任务由 X 办理」), updated on 认领/取消认领; and it hides Tasklist's own controls the
 *   engine would refuse the user (dates and 添加用户组 need UPDATE, the assignee field and 取消认领 TASK_ASSIGN, 认领
 *   TASK_WORK: candidates have TASK_WORK only, the office READ) through classes that user-styles.css reads;
 * - officeflow-trail (tasklist.task.detail, 「历史」): the review trail (审批意见) of the task's business record — all
 *   earlier steps — in place of the stock history tab, which config.js excludes (it shows only the engine's
 *   operation log of this one task, so it said 「没有历史」 while the trail existed).
 *
 * Enabled by app/tasklist/scripts/config.js (customScripts).
 */
import { call, element, failure } from '../officeflow-common.js';

const URGENT = { '特急': 'label-danger', '加急': 'label-warning' };
/** Tasklist re-renders every card when it reloads its list (every 10 s and after each action): one call a minute. */
const CARD_TTL_MS = 60 * 1000;
const cards = new Map();

function cardRecord(api, taskId) {
  const cached = cards.get(taskId);
  if (cached && Date.now() - cached.at < CARD_TTL_MS) {
    return cached.promise;
  }
  const promise = call(api, 'GET', taskPath(taskId, 'record'));
  cards.set(taskId, { at: Date.now(), promise });
  promise.then(result => {
    if (!result.ok) {
      cards.delete(taskId);
    }
  }, () => cards.delete(taskId));
  if (cards.size > 500) {
    cards.clear();
  }
  return promise;
}

function taskPath(taskId, what) {
  return '/tasks/' + encodeURIComponent(taskId) + '/' + what;
}

const card = {
  id: 'officeflow-task-card',
  pluginPoint: 'tasklist.card',
  priority: 10,
  render: (node, { api, taskId }) => {
    const root = element('div', { class: 'officeflow-task-card' });
    node.appendChild(root);
    cardRecord(api, taskId).then(result => {
      if (!result.ok || !result.body) {
        return;
      }
      const r = result.body;
      if (r.title) {
        root.appendChild(element('div', { class: 'officeflow-card-title' }, r.title));
      }
      const line = element('div', { class: 'officeflow-card-meta' });
      if (r.number) {
        line.appendChild(element('span', { class: 'officeflow-card-number' }, r.number));
      }
      if (r.urgency) {
        line.appendChild(element('span', {
          class: 'officeflow-card-urgency label ' + (URGENT[r.urgency] || 'label-default'),
          title: '紧急程度'
        }, r.urgency));
      }
      if (line.childNodes.length) {
        root.appendChild(line);
      }
    }).catch(() => {});
  },
  unmount: () => {}
};

/** The hint for the user: null when the task is theirs. */
function hint(record) {
  if (record.mine) {
    return null;
  }
  if (!record.assignee) {
    return record.candidate || record.mayWork
      ? { kind: 'warning', text: '此任务尚未认领：请先点击「认领」，再填写表单。' }
      : { kind: 'info', text: '此任务尚未认领，您不是它的候选人，只能查看。' };
  }
  return { kind: 'info', text: '此任务由' + (record.assigneeName || record.assignee) + '办理'
    + (record.mayAssign ? '。' : '，您只能查看。') };
}

/** The task view's classes for Tasklist's own controls (user-styles.css hides what the engine would refuse). */
function applyControls(record) {
  const view = document.querySelector('.task-details') || document.body;
  [document.body, view].forEach(el => {
    el.classList.toggle('officeflow-no-task-update', !!record && !record.mayUpdate);
    el.classList.toggle('officeflow-no-task-assign', !!record && !record.mayAssign);
    el.classList.toggle('officeflow-no-task-work', !!record && !record.mayWork);
  });
}

const state = {
  id: 'officeflow-task-state',
  pluginPoint: 'tasklist.task.action',
  priority: 60,
  render: (node, { api }, scope) => {
    const box = element('div', { class: 'officeflow-task-state', role: 'status' });
    node.appendChild(box);
    let shown = null;

    /* The action bar is one narrow line beside 添加意见; the hint goes above the task itself (the column's content
       cell), where it covers nothing. Tasklist keeps that cell, so the box is moved once and removed with the scope. */
    function place() {
      const section = node.closest('section');
      const content = section && section.querySelector(':scope > .three-cols-layout-cell.content');
      if (content && box.parentNode !== content) {
        content.insertBefore(box, content.firstChild);
      }
    }

    async function load(taskId, key) {
      shown = key;
      if (!taskId) {
        box.className = 'officeflow-task-state';
        box.textContent = '';
        return;
      }
      const result = await call(api, 'GET', taskPath(taskId, 'record'));
      if (shown !== key) {
        return;
      }
      if (!result.ok || !result.body) {
        box.className = 'officeflow-task-state';
        box.textContent = '';
        return;
      }
      applyControls(result.body);
      place();
      const h = hint(result.body);
      box.className = 'officeflow-task-state' + (h ? ' alert alert-' + h.kind : '');
      box.textContent = h ? h.text : '';
    }

    const stop = scope.$watch(() => (scope.task ? scope.task.id + '|' + (scope.task.assignee || '') : null), key => {
      if (key !== shown) {
        load(key ? scope.task.id : null, key).catch(() => {});
      }
    });
    scope.$on('$destroy', () => {
      stop();
      box.remove();
      applyControls(null);
    });
  },
  unmount: () => {}
};

const trail = {
  id: 'officeflow-trail',
  pluginPoint: 'tasklist.task.detail',
  priority: 800,
  properties: {
    label: '历史'
  },
  render: (node, { api, taskId }) => {
    const root = element('div', { class: 'officeflow-trail', style: 'padding: 15px; max-width: 960px;' });
    node.appendChild(root);
    root.appendChild(element('p', { class: 'text-muted' }, '正在读取审批意见…'));
    call(api, 'GET', taskPath(taskId, 'trail')).then(result => {
      root.textContent = '';
      if (!result.ok || !Array.isArray(result.body)) {
        root.appendChild(element('div', { class: 'alert alert-danger', role: 'alert' }, failure(result, '读取审批意见')));
        return;
      }
      root.appendChild(element('h4', {}, '审批意见'));
      if (result.body.length === 0) {
        root.appendChild(element('p', {}, '本业务尚无审批意见。'));
        return;
      }
      const table = element('table', { class: 'table table-condensed officeflow-trail-table' });
      const head = element('tr');
      ['时间', '环节', '办理人', '意见'].forEach(t => head.appendChild(element('th', {}, t)));
      table.appendChild(element('thead')).appendChild(head);
      const body = element('tbody');
      result.body.forEach(entry => {
        const row = element('tr');
        row.appendChild(element('td', { style: 'white-space: nowrap;' }, entry.time));
        row.appendChild(element('td', {}, entry.step + (entry.version ? '（第' + entry.version + '稿）' : '')));
        row.appendChild(element('td', { style: 'white-space: nowrap;' }, entry.name || entry.userId));
        row.appendChild(element('td', {}, entry.opinion));
        body.appendChild(row);
      });
      table.appendChild(body);
      root.appendChild(table);
    }).catch(e => {
      root.textContent = '';
      root.appendChild(element('div', { class: 'alert alert-danger', role: 'alert' }, '读取审批意见失败：' + e.message));
    });
  },
  unmount: () => {}
};

export default [card, state, trail];
