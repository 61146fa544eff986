/*
 * OfficeFlow 流程审计 for Camunda Cockpit (CE has no history views): a 「流程审计」 entry in the navbar (plugin point
 * cockpit.navigation, shown to those who may read it: auditors and camunda-admin) opening a page of our own
 * (cockpit.route #/officeflow-audit) over GET /api/audit/…:
 *  - 流程实例: search finished and running instances by process, status, start date, person, title or 文号; CSV export;
 *  - one instance: the BPMN diagram with the path taken marked (Cockpit's own bpmn-js viewer widget), the
 *    timeline (who, when, how long), the review trail with versions, the variables as they were at the end, the files
 *    (SHA-256) and archive entries, the user operation log and the incidents;
 *  - 安全审计日志 (auditors only): logins, reads, exports and administrative changes, 核验 of the hash chain, CSV.
 * Read-only: every call is a GET. Enabled by app/cockpit/scripts/config.js (customScripts).
 */
import { apiRoot, element, formatTime, json } from '../../../tasklist/scripts/officeflow-common.js';

const ROUTE = '/officeflow-audit';
const STATES = [['', '全部'], ['false', '进行中'], ['true', '已办结']];
const EVENT_TYPES = [['', '全部'], ['LOGIN', '登录'], ['READ', '查阅'], ['EXPORT', '导出'], ['ADMIN', '管理变更'],
  ['PURGE', '保留期清理']];
const RESULTS = { SUCCESS: '成功', FAILURE: '失败', DENIED: '拒绝' };

async function get(path) {
  const response = await fetch(apiRoot() + path, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  return { status: response.status, ok: response.ok, body: await json(response) };
}

function duration(millis) {
  if (millis == null) {
    return '';
  }
  const s = Math.round(millis / 1000);
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d > 0) {
    return d + '天' + h + '小时';
  }
  if (h > 0) {
    return h + '小时' + m + '分';
  }
  return m > 0 ? m + '分' + (s % 60) + '秒' : (s % 60) + '秒';
}

function table(headers, rows, empty) {
  if (!rows.length) {
    return element('p', { class: 'text-muted' }, empty);
  }
  const t = element('table', { class: 'cam-table table table-condensed officeflow-audit-table' });
  const head = element('tr');
  headers.forEach(h => head.appendChild(element('th', {}, h)));
  t.appendChild(element('thead')).appendChild(head);
  const body = t.appendChild(element('tbody'));
  rows.forEach(cells => {
    const tr = body.appendChild(element('tr'));
    cells.forEach(c => {
      const td = tr.appendChild(element('td'));
      if (c instanceof Node) {
        td.appendChild(c);
      } else {
        td.textContent = c == null || c === '' ? '—' : String(c);
      }
    });
  });
  return t;
}

function section(parent, title, content) {
  const box = parent.appendChild(element('section', { class: 'officeflow-audit-section' }));
  box.appendChild(element('h4', {}, title));
  box.appendChild(content);
  return box;
}

function field(form, label, input) {
  const group = form.appendChild(element('div', { class: 'form-group' }));
  const id = 'officeflow-audit-' + input.getAttribute('name');
  input.setAttribute('id', id);
  input.classList.add('form-control', 'input-sm');
  group.appendChild(element('label', { for: id }, label));
  group.appendChild(input);
  return input;
}

function select(name, options) {
  const s = element('select', { name });
  options.forEach(([value, label]) => {
    const o = element('option', { value }, label);
    s.appendChild(o);
  });
  return s;
}

function query(form) {
  const params = new URLSearchParams();
  new FormData(form).forEach((value, name) => {
    if (String(value).trim() !== '') {
      params.set(name, String(value).trim());
    }
  });
  return params.toString();
}

function message(node, text, kind) {
  node.replaceChildren(element('div', { class: 'alert alert-' + (kind || 'danger'), role: 'alert' }, text));
}

function failure(result, action) {
  if (result.body && result.body.message) {
    return result.body.message;
  }
  return action + '失败（HTTP ' + result.status + '）';
}

/** The BPMN diagram with Cockpit's own viewer widget (bpmn-js), the activities taken marked. */
async function diagram(node, api, definitionId, taken) {
  const response = await fetch(api.engineApi + '/process-definition/' + encodeURIComponent(definitionId) + '/xml',
    { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  const body = await json(response);
  const angular = window.angular;
  const injector = angular && angular.element(document.documentElement).injector();
  if (!response.ok || !body || !injector) {
    node.appendChild(element('p', { class: 'text-muted' }, '流程图无法显示（HTTP ' + response.status + '）'));
    return;
  }
  const scope = injector.get('$rootScope').$new(true);
  scope.diagramData = body.bpmn20Xml;
  scope.control = {};
  scope.marked = () => taken.forEach(id => {
    try {
      scope.control.highlight(id);
    } catch (e) {
      // an activity of a called or event sub-process that the diagram does not show
    }
  });
  const holder = element('div', { class: 'officeflow-audit-diagram', 'data-taken': taken.join(' ') });
  holder.appendChild(element('div', { 'cam-widget-bpmn-viewer': '', 'diagram-data': 'diagramData', control: 'control',
    'on-load': 'marked()', 'disable-navigation': 'false' }));
  node.appendChild(holder);
  injector.get('$compile')(holder)(scope);
  scope.$applyAsync();
}

function instancePage(node, api, id, back) {
  node.replaceChildren(element('p', { class: 'text-muted' }, '正在加载……'));
  get('/audit/process-instances/' + encodeURIComponent(id)).then(async result => {
    if (!result.ok) {
      message(node, failure(result, '查看流程实例'));
      return;
    }
    const d = result.body;
    const i = d.instance;
    node.replaceChildren();
    const backLink = node.appendChild(element('a', { href: '', class: 'officeflow-audit-back' }, '← 返回查询结果'));
    backLink.addEventListener('click', e => {
      e.preventDefault();
      back();
    });
    node.appendChild(element('h3', { class: 'officeflow-audit-title' }, (i.title || i.processName) +
      (i.number ? '（' + i.number + '）' : '')));
    node.appendChild(table(['流程', '实例状态', '业务状态', '发起人', '开始', '结束', '历时', '流程实例编号'],
      [[i.processName + ' v' + i.processVersion, i.stateLabel, i.recordStatusLabel, i.startUserName,
        formatTime(i.startTime), formatTime(i.endTime), duration(i.durationMillis), i.id]], ''));
    const pic = section(node, '流程图（已经过的节点已标出）', element('div'));
    await diagram(pic, api, i.processDefinitionId, d.activitiesTaken || []);
    section(node, '办理时间线', table(['节点', '类型', '办理人', '开始', '结束', '历时', '状态'],
      d.timeline.map(s => [s.activityName || s.activityId, s.activityType, s.assigneeName || s.assignee,
        formatTime(s.startTime), formatTime(s.endTime), duration(s.durationMillis),
        s.canceled ? '已取消' : s.endTime ? '已完成' : '进行中']), '没有节点记录。'));
    section(node, '审批意见', table(['时间', '步骤', '姓名', '意见', '说明', '稿次'],
      d.trail.map(r => [formatTime(r.time), r.step, r.name || r.user, decision(r.decision), r.comment,
        r.version == null ? '' : '第 ' + r.version + ' 稿']), '没有审批意见。'));
    section(node, '流程变量（结束时）', table(['名称', '类型', '值', '作用域'],
      d.variables.map(v => [v.name, v.type, v.value, v.scope ? '节点 ' + v.scope : '流程']), '没有变量。'));
    section(node, '文件', table(['文件名', '大小（字节）', 'SHA-256', '步骤', '上传人', '上传时间'],
      d.files.map(f => [f.fileName, f.size, f.sha256, f.step, f.uploadedByName || f.uploadedBy,
        formatTime(f.uploadedAt)]), '没有上传的文件。'));
    section(node, '归档', table(['来源', '文件名', 'SHA-256', '状态', '盒号', '架位', '归档人', '归档时间', '链序号'],
      d.archive.map(a => [a.source, a.fileName, a.sha256, a.statusLabel, a.box, a.shelf, a.archivedBy,
        formatTime(a.archivedAt), a.seq]), '尚未归档。'));
    section(node, '操作日志', table(['时间', '用户', '操作', '对象', '属性', '原值', '新值'],
      d.operations.map(o => [formatTime(o.timestamp), o.userName || o.userId, o.operationType, o.entityType,
        o.property, o.orgValue, o.newValue]), '没有用户操作记录。'));
    section(node, '事件（incident）', table(['时间', '类型', '节点', '信息', '状态', '结束'],
      d.incidents.map(x => [formatTime(x.createTime), x.incidentType, x.activityId, x.message, x.state,
        formatTime(x.endTime)]), '没有事件。'));
    if (d.subProcesses.length) {
      section(node, '子流程', table(['流程', '状态', '开始', '结束'], d.subProcesses.map(s => [
        link(s.title || s.processName, () => instancePage(node, api, s.id, back)), s.stateLabel,
        formatTime(s.startTime), formatTime(s.endTime)]), ''));
    }
  });
}

const DECISIONS = { approve: '同意', reject: '退回', propose: '拟办', instruct: '批示', read: '已阅', void: '作废',
  transfer: '转办', delegate: '委派', cc: '抄送', return: '退回', withdraw: '撤回', 'add-signers': '加签',
  'remove-signer': '减签' };

function decision(code) {
  return DECISIONS[code] || code;
}

function link(text, onClick) {
  const a = element('a', { href: '' }, text || '（无标题）');
  a.addEventListener('click', e => {
    e.preventDefault();
    onClick();
  });
  return a;
}

async function processOptions(api) {
  const response = await fetch(api.engineApi + '/process-definition?latestVersion=true&sortBy=name&sortOrder=asc',
    { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  const list = (await json(response)) || [];
  return [['', '全部流程']].concat(list.map(p => [p.key, p.name || p.key]));
}

async function instancesTab(node, api) {
  const form = element('form', { class: 'form-inline officeflow-audit-search', role: 'search' });
  field(form, '流程', select('processDefinitionKey', await processOptions(api)));
  field(form, '状态', select('finished', STATES));
  field(form, '开始日期起', element('input', { type: 'date', name: 'startedAfter' }));
  field(form, '开始日期止', element('input', { type: 'date', name: 'startedBefore' }));
  field(form, '人员（用户名）', element('input', { type: 'text', name: 'user', maxlength: '128' }));
  field(form, '标题或文号', element('input', { type: 'text', name: 'q', maxlength: '100' }));
  form.appendChild(element('button', { type: 'submit', class: 'btn btn-primary btn-sm' }, '查询'));
  const csv = form.appendChild(element('a', { class: 'btn btn-default btn-sm officeflow-audit-csv', href: '' },
    '导出 CSV'));
  const results = element('div', { class: 'officeflow-audit-results', 'aria-live': 'polite' });
  node.replaceChildren(form, results);
  const detail = element('div', { class: 'officeflow-audit-instance' });

  function showList() {
    detail.remove();
    form.hidden = false;
    results.hidden = false;
  }

  function open(id) {
    form.hidden = true;
    results.hidden = true;
    node.appendChild(detail);
    instancePage(detail, api, id, showList);
  }

  async function search() {
    const q = query(form);
    csv.setAttribute('href', apiRoot() + '/audit/process-instances.csv' + (q ? '?' + q : ''));
    results.replaceChildren(element('p', { class: 'text-muted' }, '正在查询……'));
    const result = await get('/audit/process-instances' + (q ? '?' + q : ''));
    if (!result.ok) {
      message(results, failure(result, '查询'));
      return;
    }
    results.replaceChildren(table(['标题', '文号/编号', '流程', '实例状态', '业务状态', '发起人', '开始', '结束', '历时'],
      result.body.map(i => [link(i.title || i.businessKey || i.id, () => open(i.id)), i.number, i.processName,
        i.stateLabel, i.recordStatusLabel, i.startUserName, formatTime(i.startTime), formatTime(i.endTime),
        duration(i.durationMillis)]), '没有符合条件的流程实例。'));
  }

  form.addEventListener('submit', e => {
    e.preventDefault();
    search();
  });
  const requested = new URLSearchParams((window.location.hash.split('?')[1]) || '').get('instance');
  if (requested) {
    open(requested);
  }
  search();
}

function eventsTab(node) {
  const form = element('form', { class: 'form-inline officeflow-audit-events-search', role: 'search' });
  field(form, '用户', element('input', { type: 'text', name: 'user', maxlength: '128' }));
  field(form, '类型', select('type', EVENT_TYPES));
  field(form, '起始日期', element('input', { type: 'date', name: 'from' }));
  field(form, '截止日期', element('input', { type: 'date', name: 'to' }));
  form.appendChild(element('button', { type: 'submit', class: 'btn btn-primary btn-sm' }, '查询'));
  const csv = form.appendChild(element('a', { class: 'btn btn-default btn-sm', href: apiRoot() + '/audit/events.csv' },
    '导出 CSV'));
  const verify = form.appendChild(element('button', { type: 'button', class: 'btn btn-default btn-sm' }, '核验哈希链'));
  const status = element('div', { class: 'officeflow-audit-verify', 'aria-live': 'polite' });
  const results = element('div', { 'aria-live': 'polite' });
  node.replaceChildren(form, status, results);

  async function search() {
    const q = query(form);
    csv.setAttribute('href', apiRoot() + '/audit/events.csv' + (q ? '?' + q : ''));
    const result = await get('/audit/events' + (q ? '?' + q : ''));
    if (!result.ok) {
      message(results, failure(result, '查询'));
      return;
    }
    results.replaceChildren(table(['序号', '时间', '类型', '操作', '用户', '来源地址', '对象', '结果', '说明'],
      result.body.map(e => [e.seq, formatTime(e.occurredAt), e.typeLabel, e.action, e.userId, e.sourceAddress,
        e.target, RESULTS[e.result] || e.result, e.detail]), '没有符合条件的审计记录。'));
  }

  verify.addEventListener('click', async () => {
    const result = await get('/audit/events/verify');
    if (!result.ok) {
      message(status, failure(result, '核验'));
    } else if (result.body.intact) {
      message(status, '哈希链完整：已核验 ' + result.body.checked + ' 条记录。', 'success');
    } else {
      const b = result.body.firstBroken;
      message(status, '篡改预警：第 ' + b.seq + ' 条记录 ' + b.message);
    }
  });
  form.addEventListener('submit', e => {
    e.preventDefault();
    search();
  });
  search();
}

function page(node, api) {
  node.classList.add('officeflow-audit');
  node.style.padding = '0 20px 20px';
  node.replaceChildren();
  node.appendChild(element('h2', {}, '流程审计'));
  calendarNotice(node);
  const tabs = node.appendChild(element('ul', { class: 'nav nav-tabs', role: 'tablist' }));
  const body = node.appendChild(element('div', { class: 'officeflow-audit-body' }));
  const entries = [['instances', '流程实例', () => instancesTab(body, api)], ['events', '安全审计日志', () => eventsTab(body)]];
  const items = entries.map(([id, label, show]) => {
    const li = tabs.appendChild(element('li', { role: 'presentation', 'data-tab': id }));
    const a = li.appendChild(element('a', { href: '', role: 'tab' }, label));
    a.addEventListener('click', e => {
      e.preventDefault();
      items.forEach(other => other.classList.toggle('active', other === li));
      show();
    });
    return li;
  });
  items[0].classList.add('active');
  instancesTab(body, api);
  // the audit log is for auditors only
  get('/audit/events/head').then(result => {
    items[1].hidden = !result.ok;
  });
}

/**
 * 工作日历 notice on the dashboard (and on top of 流程审计): from 1 December, while next year's 法定节假日 are not
 * loaded, GET /api/calendar/status carries a warning; shown to everyone who opens Cockpit.
 */
function calendarNotice(node) {
  get('/calendar/status').then(result => {
    if (result.ok && result.body && result.body.warning) {
      node.appendChild(element('div', { class: 'alert alert-warning officeflow-calendar-warning', role: 'alert' },
        '工作日历：' + result.body.warning));
    }
  });
}

export default [
  {
    id: 'officeflow-calendar-notice',
    pluginPoint: 'cockpit.dashboard',
    priority: 100,
    render: node => calendarNotice(node)
  },
  {
    id: 'officeflow-audit-navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 40,
    properties: {
      pagePath: '#' + ROUTE,
      checkActive: path => path.indexOf('#' + ROUTE) > -1
    },
    render: node => {
      const a = element('a', { href: '#' + ROUTE, class: 'officeflow-audit-link' }, '流程审计');
      node.appendChild(a);
      get('/audit/process-instances?maxResults=1').then(result => {
        if (!result.ok) {
          a.remove();
        }
      });
    }
  },
  {
    id: 'officeflow-audit-page',
    pluginPoint: 'cockpit.route',
    properties: { path: ROUTE, label: '流程审计' },
    render: (node, { api }) => page(node, api)
  }
];
