/*
 * OfficeFlow 催办 (reminder) for Camunda Tasklist: a 「催办」 tab in the task view with an optional
 * message (up to 500 characters) and a button that calls POST /api/tasks/{taskId}/reminders with the
 * Tasklist session and its CSRF token (X-XSRF-TOKEN). The server decides who may remind (the office,
 * or a 部门负责人/分管领导 of the assignee's or candidates' department) and answers 403 otherwise.
 *
 * Enabled by app/tasklist/scripts/config.js: customScripts: ['scripts/officeflow-remind/plugin.js']
 */
import { apiRoot, element, json } from '../officeflow-common.js';

const MAX_MESSAGE = 500;

function describe(status, body) {
  if (body && body.message) {
    return body.message;
  }
  return '催办失败（HTTP ' + status + '）';
}

export default {
  id: 'officeflow-remind',
  pluginPoint: 'tasklist.task.detail',
  priority: 1,
  properties: {
    label: '催办'
  },
  render: (node, { api, taskId }) => {
    const form = element('form', { class: 'officeflow-remind', style: 'padding: 15px; max-width: 640px;' });
    form.appendChild(element('p', {}, '向本任务的办理人（未认领时为全部候选人）发送邮件和短信「双提醒」。'
      + '办公室、办理人所在部门的部门负责人和分管领导可以催办。'));
    const label = element('label', { for: 'officeflow-remind-message' }, '催办留言（可选，最多 500 字）');
    const message = element('textarea', {
      id: 'officeflow-remind-message', class: 'form-control', rows: '3', maxlength: String(MAX_MESSAGE)
    });
    const button = element('button', { type: 'submit', class: 'btn btn-primary', style: 'margin-top: 10px;' }, '催办');
    const status = element('div', { role: 'status', style: 'margin-top: 10px;' });
    form.appendChild(label);
    form.appendChild(message);
    form.appendChild(button);
    form.appendChild(status);
    node.appendChild(form);

    form.addEventListener('submit', async event => {
      event.preventDefault();
      const text = message.value.trim();
      if (Array.from(text).length > MAX_MESSAGE) {
        status.className = 'alert alert-danger';
        status.textContent = '催办留言不能超过 500 字';
        return;
      }
      button.disabled = true;
      status.className = '';
      status.textContent = '正在发送…';
      try {
        const response = await fetch(apiRoot() + '/tasks/' + encodeURIComponent(taskId) + '/reminders', {
          method: 'POST',
          credentials: 'same-origin',
          headers: {
            'Content-Type': 'application/json',
            'Accept': 'application/json',
            'X-XSRF-TOKEN': api.CSRFToken
          },
          body: JSON.stringify(text ? { message: text } : {})
        });
        const body = await json(response);
        if (response.status === 201) {
          const count = body && body.notificationIds ? body.notificationIds.length : 0;
          status.className = 'alert alert-success';
          status.textContent = '已催办：已登记 ' + count + ' 条通知（邮件和短信），将在后台发送。';
          message.value = '';
        } else {
          status.className = 'alert alert-danger';
          status.textContent = describe(response.status, body);
        }
      } catch (e) {
        status.className = 'alert alert-danger';
        status.textContent = '催办失败：' + e.message;
      } finally {
        button.disabled = false;
      }
    });
  },
  unmount: () => {}
};
