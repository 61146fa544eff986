/*
 * OfficeFlow 我的工作 for Camunda Tasklist: a 「我的工作」 link in the navbar (plugin point tasklist.navbar.action)
 * opening a page over the task list with the four lists of a Chinese OA, from GET /api/worklist?view=…:
 * 待办 (mine and my groups' tasks, 特急 → 加急 → 普通, then by due date; the title opens the task), 已办 (my decision
 * and the record's status now), 我发起的 (status, current steps, the .docx of an issued 发文, 撤回) and 抄送我的
 * (已阅). Calls go with the Tasklist session and, for changes, its CSRF token; refusals show the server's message.
 *
 * Enabled by app/tasklist/scripts/config.js (customScripts).
 */
import { call, contextRoot, element, failure, formatTime, openDialog } from '../officeflow-common.js';
import { operation } from '../officeflow-operations/operations.js';

const VIEWS = [
  { id: 'todo', label: '待办', empty: '没有待办任务。' },
  { id: 'done', label: '已办', empty: '还没有办理过任务。' },
  { id: 'started', label: '我发起的', empty: '还没有发起过流程。' },
  { id: 'cc', label: '抄送我的', empty: '没有抄送给您的事项。' }
];

const TODO_STATE = { assigned: '我办理', candidate: '待认领', delegated: '已委派' };
const STARTED_STATE = { active: '进行中', completed: '已办结', ended: '已终止' };

function urgencyBadge(urgency) {
  if (!urgency) {
    return element('span', { class: 'text-muted' }, '—');
  }
  const kind = urgency.includes('特急') ? 'danger' : urgency.includes('加急') ? 'warning' : 'default';
  return element('span', { class: 'label label-' + kind }, urgency);
}

function cell(row, content) {
  const td = element('td');
  if (content instanceof Node) {
    td.appendChild(content);
  } else {
    td.textContent = content == null || content === '' ? '—' : String(content);
  }
  row.appendChild(td);
  return td;
}

function titleOf(entry) {
  return entry.title || entry.processName || '（无标题）';
}

function download(entry) {
  if (!entry.link) {
    return '—';
  }
  return element('a', { href: contextRoot() + entry.link, target: '_blank', rel: 'noopener' },
    entry.linkLabel || '查看');
}

export default {
  id: 'officeflow-worklist',
  pluginPoint: 'tasklist.navbar.action',
  priority: 200,
  render: (node, { api }) => {
    const link = element('a', { href: '', class: 'officeflow-worklist-link', role: 'button' }, '我的工作');
    node.appendChild(link);
    let page = null;

    function close() {
      if (page) {
        page.remove();
        page = null;
      }
    }

    /** Opens the task in Tasklist's own view, keeping the current filter and sorting. */
    function openTask(taskId) {
      close();
      const [path, query] = (window.location.hash || '#/').split('?');
      const params = new URLSearchParams(query || '');
      params.set('task', taskId);
      params.delete('detailsTab');
      window.location.hash = (path || '#/') + '?' + params.toString();
    }

    function open(viewId) {
      close();
      page = element('div', {
        class: 'officeflow-worklist-page', role: 'region', 'aria-label': '我的工作',
        style: 'position: fixed; top: 0; left: 0; right: 0; bottom: 0; z-index: 1030; background: #fff;'
          + ' overflow-y: auto; padding: 15px 25px;'
      });
      const header = element('div', { style: 'display: flex; align-items: center; justify-content: space-between;' });
      header.appendChild(element('h2', { style: 'margin: 5px 0 15px;' }, '我的工作'));
      const back = element('button', { type: 'button', class: 'btn btn-default' }, '返回任务列表');
      back.addEventListener('click', close);
      header.appendChild(back);
      page.appendChild(header);
      const tabs = element('ul', { class: 'nav nav-tabs', role: 'tablist' });
      const status = element('div', { role: 'status', style: 'margin-top: 10px;' });
      const content = element('div', { style: 'margin-top: 10px;' });
      VIEWS.forEach(view => {
        const li = element('li', { role: 'presentation', class: view.id === viewId ? 'active' : '' });
        const a = element('a', { href: '', role: 'tab', 'data-view': view.id,
          'aria-selected': String(view.id === viewId) }, view.label);
        a.addEventListener('click', event => {
          event.preventDefault();
          open(view.id);
        });
        li.appendChild(a);
        tabs.appendChild(li);
      });
      page.appendChild(tabs);
      page.appendChild(status);
      page.appendChild(content);
      document.body.appendChild(page);
      page.addEventListener('keydown', event => {
        if (event.key === 'Escape' && !document.querySelector('.officeflow-dialog')) {
          close();
        }
      });
      load(VIEWS.find(v => v.id === viewId), content, status);
    }

    async function load(view, content, status) {
      content.textContent = '正在加载…';
      const result = await call(api, 'GET', '/worklist?view=' + view.id);
      content.textContent = '';
      if (!result.ok || !Array.isArray(result.body)) {
        status.className = 'alert alert-danger';
        status.textContent = failure(result, '读取' + view.label);
        return;
      }
      if (result.body.length === 0) {
        content.appendChild(element('p', { class: 'text-muted officeflow-worklist-empty' }, view.empty));
        return;
      }
      const table = element('table', { class: 'table table-hover table-condensed officeflow-worklist-' + view.id });
      const head = element('tr');
      const columns = {
        todo: ['紧急程度', '标题', '文号/编号', '流程', '环节', '办理状态', '到期时间', '到达时间'],
        done: ['标题', '文号/编号', '流程', '环节', '我的意见', '办理时间', '当前状态', '文件'],
        started: ['标题', '文号/编号', '流程', '发起时间', '状态', '当前环节', '文件', '操作'],
        cc: ['标题', '流程', '环节', '抄送人', '抄送时间', '当前状态', '文件', '阅读']
      }[view.id];
      columns.forEach(c => head.appendChild(element('th', {}, c)));
      const thead = element('thead');
      thead.appendChild(head);
      table.appendChild(thead);
      const body = element('tbody');
      result.body.forEach(entry => body.appendChild(row(view.id, entry, content, status)));
      table.appendChild(body);
      content.appendChild(table);
    }

    function row(viewId, entry, content, status) {
      const tr = element('tr', { 'data-id': entry.id, 'data-process-instance-id': entry.processInstanceId || '' });
      if (viewId === 'todo') {
        cell(tr, urgencyBadge(entry.urgency));
        const title = element('a', { href: '', class: 'officeflow-worklist-open' }, titleOf(entry));
        title.addEventListener('click', event => {
          event.preventDefault();
          openTask(entry.taskId);
        });
        cell(tr, title);
        cell(tr, entry.number);
        cell(tr, entry.processName);
        cell(tr, entry.taskName);
        cell(tr, entry.state === 'delegated' ? '已委派（' + (entry.assigneeName || entry.assignee) + '办理中）'
          : TODO_STATE[entry.state]);
        cell(tr, formatTime(entry.due));
        cell(tr, formatTime(entry.created));
      } else if (viewId === 'done') {
        cell(tr, titleOf(entry));
        cell(tr, entry.number);
        cell(tr, entry.processName);
        cell(tr, entry.taskName);
        cell(tr, entry.decisionLabel + (entry.comment ? '：' + entry.comment : ''));
        cell(tr, formatTime(entry.ended));
        cell(tr, entry.statusLabel);
        cell(tr, download(entry));
      } else if (viewId === 'started') {
        cell(tr, titleOf(entry));
        cell(tr, entry.number);
        cell(tr, entry.processName);
        cell(tr, formatTime(entry.created));
        cell(tr, entry.statusLabel || STARTED_STATE[entry.state]);
        cell(tr, entry.currentSteps);
        cell(tr, download(entry));
        const actions = cell(tr, '');
        actions.textContent = '';
        if (entry.state === 'active') {
          const withdraw = operation('withdraw');
          const button = element('button', { type: 'button', class: 'btn btn-xs btn-default' }, withdraw.label);
          button.addEventListener('click', () => openDialog({
            title: withdraw.title + '：' + titleOf(entry), intro: withdraw.intro, fields: withdraw.fields,
            submitLabel: withdraw.label,
            submit: async values => {
              const result = await call(api, 'POST', withdraw.endpoint(entry.processInstanceId), withdraw.body(values));
              if (!result.ok) {
                return failure(result, withdraw.label);
              }
              open('started');
              showDone(withdraw.done(result.body));
              return null;
            }
          }));
          actions.appendChild(button);
        }
      } else {
        cell(tr, titleOf(entry));
        cell(tr, entry.processName);
        cell(tr, entry.taskName);
        cell(tr, entry.from);
        cell(tr, formatTime(entry.created));
        cell(tr, entry.statusLabel);
        cell(tr, download(entry));
        const read = cell(tr, '');
        read.textContent = '';
        if (entry.state === 'read') {
          read.appendChild(element('span', { class: 'text-muted' }, '已阅 ' + formatTime(entry.ended)));
        } else {
          const button = element('button', { type: 'button', class: 'btn btn-xs btn-primary' }, '已阅');
          button.addEventListener('click', async () => {
            button.disabled = true;
            const result = await call(api, 'POST', '/cc/' + encodeURIComponent(entry.id) + '/read');
            if (result.ok) {
              open('cc');
              showDone('已标记为已阅。');
            } else {
              button.disabled = false;
              status.className = 'alert alert-danger';
              status.textContent = failure(result, '标记已阅');
            }
          });
          read.appendChild(button);
        }
      }
      return tr;
    }

    function showDone(text) {
      const status = page && page.querySelector('[role=status]');
      if (status) {
        status.className = 'alert alert-success';
        status.textContent = text;
      }
    }

    link.addEventListener('click', event => {
      event.preventDefault();
      open('todo');
    });
  },
  unmount: () => {}
};
