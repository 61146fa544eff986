/*
 * Read-only Cockpit for auditors (members of `auditors` or `audit-admins` who are not `camunda-admin`): the server refuses their
 * writes anyway (engine authorizations, UserCommandGuard); this takes the write buttons away so that they are
 * not offered. Two parts:
 *  - excludeWritePlugins(), awaited by scripts/config.js before Cockpit registers its plugins: for a read-only
 *    user already logged in, the write actions (cancel, suspend, add variable, job priority, retry, batch) are
 *    left out through <base cam-exclude-plugins>;
 *  - loaded as a custom script: marks <html class="officeflow-readonly"> (styles below hide the inline write
 *    controls: edit and delete of variables, delete deployment, toolbars of actions) and reloads the page once
 *    when a read-only user logs in (after each login or logout request, and on every route change), so that
 *    the plugins are left out for them too.
 */
const WRITE_PLUGINS = [
  'cockpit.processInstance.runtime.action:add-variable-action',
  'cockpit.processInstance.runtime.action:cancel-process-instance-action',
  'cockpit.processInstance.runtime.action:update-suspension-state-action',
  'cockpit.processDefinition.runtime.action:update-suspension-state-action',
  'cockpit.processDefinition.runtime.action:bulk-job-definition-override-job-priority-action',
  'cockpit.jobDefinition.action:update-suspension-state',
  'cockpit.jobDefinition.action:job-definition-override-job-priority-action',
  'cockpit.incident.action:increase-incident-job-retry',
  'cockpit.incident.action:increase-incident-external-task-retry',
  'cockpit.navigation:batch'
];

const STYLE = `
.officeflow-readonly [ng-click^="enableEditMode"], .officeflow-readonly [ng-click^="deleteVariable"],
.officeflow-readonly [ng-click^="editVariableValue"], .officeflow-readonly [ng-click^="saveVariable"],
.officeflow-readonly [ng-click^="deleteDeployment"], .officeflow-readonly [ng-click="onDelete()"],
.officeflow-readonly [ng-click="startEditing()"], .officeflow-readonly .ctn-toolbar .btn,
.officeflow-readonly [ng-click^="uploadVariable"] { display: none !important; }
`;

function appRoot() {
  return document.querySelector('base').getAttribute('app-root') || '/camunda';
}

async function getJson(url) {
  const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) {
    return null;
  }
  try {
    return await response.json();
  } catch (e) {
    return null;
  }
}

/** The logged-in user's id and whether they are read-only (auditors, not camunda-admin); null when nobody is. */
export async function currentUser() {
  const me = await getJson(appRoot() + '/api/admin/auth/user/default');
  if (!me || !me.userId) {
    return null;
  }
  const groups = (await getJson(appRoot() + '/api/engine/engine/default/group?member='
    + encodeURIComponent(me.userId))) || [];
  const ids = groups.map(g => g.id);
  const auditor = ids.includes('auditors') || ids.includes('audit-admins');
  return { id: me.userId, readOnly: auditor && !ids.includes('camunda-admin') };
}

/** For scripts/config.js: leave the write actions out when a read-only user is logged in. */
export async function excludeWritePlugins() {
  try {
    const user = await currentUser();
    if (user && user.readOnly) {
      const base = document.querySelector('base');
      const existing = base.getAttribute('cam-exclude-plugins');
      base.setAttribute('cam-exclude-plugins', (existing ? existing + ',' : '') + WRITE_PLUGINS.join(','));
      window.officeflowReadOnlyUser = user.id;
    }
  } catch (e) {
    // not logged in or the engine API is not reachable: nothing to leave out
  }
}

async function mark() {
  const user = await currentUser();
  const readOnly = !!(user && user.readOnly);
  document.documentElement.classList.toggle('officeflow-readonly', readOnly);
  if (readOnly && window.officeflowReadOnlyUser !== user.id
    && window.sessionStorage.getItem('officeflow-readonly-reloaded') !== user.id) {
    // logged in after Cockpit registered its plugins: once more (once), now with the write actions left out
    window.sessionStorage.setItem('officeflow-readonly-reloaded', user.id);
    window.location.reload();
  }
}

if (!document.getElementById('officeflow-readonly-style')) {
  const style = document.createElement('style');
  style.id = 'officeflow-readonly-style';
  style.textContent = STYLE;
  document.head.appendChild(style);
  mark();
  window.addEventListener('hashchange', () => mark());
  // a login or logout in the page (Cockpit's login form posts with XMLHttpRequest; the hash may stay the same)
  const open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    if (String(method).toUpperCase() === 'POST' && /\/api\/admin\/auth\/user\/[^/]+\/(login|logout)/.test(url)) {
      this.addEventListener('loadend', () => mark());
    }
    return open.call(this, method, url, ...rest);
  };
}

export default [];
