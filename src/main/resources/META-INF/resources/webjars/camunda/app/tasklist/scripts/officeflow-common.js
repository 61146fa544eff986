/*
 * Shared by the OfficeFlow Tasklist plugins (officeflow-remind, officeflow-incoming, officeflow-operations,
 * officeflow-worklist): where the project's /api lives, a small DOM helper, a JSON reader that tolerates empty or
 * non-JSON error bodies, calls with the session's CSRF token, times as 2026-12-03 15:43, and a small dialog.
 * Importing it also installs the Chinese texts for form-js (officeflow-zh.js).
 */
import './officeflow-zh.js';

/** The project's /api at the servlet context root (app-root is e.g. "/camunda" or "/ctx/camunda"). */
export function apiRoot() {
  const appRoot = document.querySelector('base').getAttribute('app-root') || '';
  return appRoot.replace(/\/camunda\/?$/, '') + '/api';
}

/** A new element with attributes and, optionally, text content (never HTML). */
export function element(tag, attributes, text) {
  const el = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => el.setAttribute(name, value));
  if (text) {
    el.textContent = text;
  }
  return el;
}

/** The response body as JSON, or null when there is none. */
export async function json(response) {
  try {
    return await response.json();
  } catch (e) {
    return null;
  }
}

/** The servlet context root ("" or e.g. "/ctx"): /api links from the server (e.g. "/api/…/docx") go below it. */
export function contextRoot() {
  return apiRoot().replace(/\/api$/, '');
}

/**
 * Calls the project's /api (path below /api, e.g. "/tasks/1/transfer") with the Tasklist session and, for
 * anything but GET, its CSRF token; answers {status, ok, body} with the JSON body or null.
 */
export async function call(api, method, path, payload) {
  const headers = { 'Accept': 'application/json' };
  if (method !== 'GET') {
    headers['X-XSRF-TOKEN'] = api.CSRFToken;
  }
  if (payload !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(apiRoot() + path, {
    method, credentials: 'same-origin', headers,
    body: payload === undefined ? undefined : JSON.stringify(payload)
  });
  return { status: response.status, ok: response.ok, body: await json(response) };
}

/** The server's Chinese message, or a short Chinese fallback naming the HTTP status. */
export function failure(result, action) {
  if (result.body && result.body.message) {
    // the sentence alone: the field key is for programs (body.field), not for the clerk
    const prefix = result.body.field ? '字段 ' + result.body.field + '：' : null;
    const message = String(result.body.message);
    return prefix && message.startsWith(prefix) ? message.substring(prefix.length) : message;
  }
  if (result.status === 404) {
    return action + '失败：服务器尚未提供此功能或对象已不存在（HTTP 404）';
  }
  return action + '失败（HTTP ' + result.status + '）';
}

/** "2026-12-03T15:43:12" (or a Date) as "2026-12-03 15:43"; "" for none. */
export function formatTime(value) {
  if (!value) {
    return '';
  }
  if (value instanceof Date) {
    const pad = n => String(n).padStart(2, '0');
    return value.getFullYear() + '-' + pad(value.getMonth() + 1) + '-' + pad(value.getDate()) + ' '
      + pad(value.getHours()) + ':' + pad(value.getMinutes());
  }
  return String(value).replace('T', ' ').substring(0, 16);
}

/** Staff members for user pickers: [{id, name}] sorted by id (GET user of the webapp's engine API). */
export async function staffMembers(api) {
  const response = await fetch(api.engineApi + '/user?memberOfGroup=staff&sortBy=userId&sortOrder=asc', {
    credentials: 'same-origin', headers: { 'Accept': 'application/json' }
  });
  const users = (await json(response)) || [];
  return users.map(u => ({ id: u.id, name: ((u.firstName || '') + (u.lastName || '')) || u.id }));
}

/**
 * A modal dialog (role=dialog, labelled by its title) with the given fields; resolves nothing, calls
 * submit(values) on 确定 and closes when it answers null, else shows the returned message (role=alert).
 * Field kinds: text, textarea, select, multiselect, radio — each {name, kind, label, required, options:[{value,
 * label}], placeholder, value, requiredMessage}.
 */
export function openDialog({ title, intro, fields, submitLabel, submit }) {
  const backdrop = element('div', {
    class: 'officeflow-dialog-backdrop',
    style: 'position: fixed; inset: 0; background: rgba(0,0,0,0.4); z-index: 2000; overflow-y: auto;'
  });
  const dialog = element('div', {
    class: 'officeflow-dialog', role: 'dialog', 'aria-modal': 'true', 'aria-label': title,
    style: 'background: #fff; max-width: 560px; margin: 80px auto; padding: 20px; border-radius: 4px;'
      + ' box-shadow: 0 5px 15px rgba(0,0,0,0.5);'
  });
  dialog.appendChild(element('h3', { style: 'margin-top: 0;' }, title));
  if (intro) {
    dialog.appendChild(element('p', { class: 'text-muted' }, intro));
  }
  const form = element('form', { novalidate: 'novalidate' });
  const inputs = {};
  fields.forEach((field, index) => {
    const id = 'officeflow-dialog-' + field.name + '-' + index;
    const group = element('div', { class: 'form-group' });
    if (field.kind === 'radio') {
      group.appendChild(element('div', { style: 'font-weight: bold; margin-bottom: 5px;' },
        field.label + (field.required ? '*' : '')));
      const radios = [];
      field.options.forEach((option, i) => {
        const label = element('label', { class: 'radio-inline' });
        const radio = element('input', { type: 'radio', name: id, value: option.value });
        if (option.value === field.value || (field.value === undefined && i === 0)) {
          radio.checked = true;
        }
        label.appendChild(radio);
        label.appendChild(document.createTextNode(' ' + option.label));
        group.appendChild(label);
        radios.push(radio);
      });
      inputs[field.name] = { field, read: () => (radios.find(r => r.checked) || {}).value || '' };
    } else {
      group.appendChild(element('label', { for: id }, field.label + (field.required ? '*' : '')));
      let input;
      if (field.kind === 'textarea') {
        input = element('textarea', { id, class: 'form-control', rows: '3', maxlength: '500' });
      } else if (field.kind === 'select' || field.kind === 'multiselect') {
        input = element('select', { id, class: 'form-control' });
        if (field.kind === 'multiselect') {
          input.multiple = true;
          input.size = Math.min(8, Math.max(3, field.options.length));
        } else {
          input.appendChild(element('option', { value: '' }, field.placeholder || '请选择'));
        }
        field.options.forEach(option => input.appendChild(element('option', { value: option.value }, option.label)));
      } else {
        input = element('input', { id, type: 'text', class: 'form-control' });
      }
      if (field.placeholder && field.kind !== 'select') {
        input.setAttribute('placeholder', field.placeholder);
      }
      group.appendChild(input);
      if (field.kind === 'multiselect') {
        group.appendChild(element('p', { class: 'help-block' }, '按住 Ctrl（Mac 为 ⌘）可多选'));
      }
      const read = field.kind === 'multiselect'
        ? () => Array.from(input.selectedOptions).map(o => o.value)
        : () => input.value.trim();
      inputs[field.name] = { field, read, input };
    }
    form.appendChild(group);
  });
  const alert = element('div', { role: 'alert' });
  const buttons = element('div', { class: 'text-right', style: 'margin-top: 15px;' });
  const cancel = element('button', { type: 'button', class: 'btn btn-default' }, '取消');
  const ok = element('button', { type: 'submit', class: 'btn btn-primary', style: 'margin-left: 10px;' },
    submitLabel || '确定');
  buttons.appendChild(cancel);
  buttons.appendChild(ok);
  form.appendChild(alert);
  form.appendChild(buttons);
  dialog.appendChild(form);
  backdrop.appendChild(dialog);
  document.body.appendChild(backdrop);
  const first = Object.values(inputs).find(i => i.input);
  if (first) {
    first.input.focus();
  }

  const close = () => backdrop.remove();
  // the page's own 「请填写…」 goes once the user fills something in; a server's answer stays until the next submit
  form.addEventListener('input', () => {
    if (alert.dataset.local) {
      delete alert.dataset.local;
      alert.className = '';
      alert.textContent = '';
    }
  });
  cancel.addEventListener('click', close);
  backdrop.addEventListener('keydown', event => {
    if (event.key === 'Escape') {
      close();
    }
  });
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const values = {};
    for (const [name, { field, read }] of Object.entries(inputs)) {
      const value = read();
      if (field.required && (value === '' || (Array.isArray(value) && value.length === 0))) {
        alert.className = 'alert alert-danger';
        alert.textContent = field.requiredMessage || ('请填写' + field.label);
        alert.dataset.local = 'required';
        return;
      }
      values[name] = value;
    }
    ok.disabled = true;
    alert.className = '';
    alert.textContent = '正在提交…';
    delete alert.dataset.local;
    try {
      const message = await submit(values);
      if (message) {
        alert.className = 'alert alert-danger';
        alert.textContent = message;
      } else {
        close();
      }
    } catch (e) {
      alert.className = 'alert alert-danger';
      alert.textContent = '提交失败：' + e.message;
    } finally {
      ok.disabled = false;
    }
  });
  return { close, element: dialog };
}
