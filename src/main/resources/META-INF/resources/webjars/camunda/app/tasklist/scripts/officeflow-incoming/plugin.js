/*
 * OfficeFlow 收文附件 for Camunda Tasklist: a 「收文附件」 tab in the task view of every 收文 task (and of the
 * 督办 tasks started for a 收文). It lists the 来文 electronic files with size and SHA-256 and links to them
 * and to the 收文处理笺; while the 收文 is being registered (task 上传扫描件) the clerk uploads and removes
 * files here. Calls GET /api/incoming-documents/by-task/{taskId}, POST/DELETE
 * /api/incoming-documents/{id}/attachments with the Tasklist session and its CSRF token (X-XSRF-TOKEN);
 * the server checks every permission and answers 400 naming the field otherwise.
 *
 * Enabled by app/tasklist/scripts/config.js (customScripts).
 */
import { apiRoot, element, json } from '../officeflow-common.js';

const MAX_SIZE = 20 * 1024 * 1024;

function size(bytes) {
  if (bytes < 1024) {
    return bytes + ' B';
  }
  if (bytes < 1024 * 1024) {
    return (bytes / 1024).toFixed(1) + ' KB';
  }
  return (bytes / 1024 / 1024).toFixed(1) + ' MB';
}

function show(status, kind, text) {
  status.className = kind ? 'alert alert-' + kind : '';
  status.textContent = text;
}

export default {
  id: 'officeflow-incoming',
  pluginPoint: 'tasklist.task.detail',
  priority: 2,
  properties: {
    label: '收文附件'
  },
  render: (node, { api, taskId }) => {
    const root = element('div', { class: 'officeflow-incoming', style: 'padding: 15px; max-width: 860px;' });
    const status = element('div', { role: 'status' });
    const content = element('div');
    root.appendChild(content);
    root.appendChild(status);
    node.appendChild(root);

    async function load() {
      content.textContent = '';
      const response = await fetch(apiRoot() + '/incoming-documents/by-task/' + encodeURIComponent(taskId), {
        credentials: 'same-origin', headers: { 'Accept': 'application/json' }
      });
      const body = await json(response);
      if (response.status === 404) {
        content.appendChild(element('p', {}, '本任务不属于收文，没有收文附件。'));
        return;
      }
      if (!response.ok) {
        show(status, 'danger', (body && body.message) || '读取收文失败（HTTP ' + response.status + '）');
        return;
      }
      render(body);
    }

    function render(doc) {
      const base = apiRoot() + '/incoming-documents/' + encodeURIComponent(doc.id);
      content.appendChild(element('h4', {}, doc.receiptNumber + '　' + doc.title));
      const slip = element('a', { href: base + '/slip', target: '_blank', rel: 'noopener' }, '查看收文处理笺');
      content.appendChild(element('p')).appendChild(slip);
      const table = element('table', { class: 'table table-condensed' });
      const head = element('tr');
      ['序号', '文件', '大小', 'SHA-256', ''].forEach(t => head.appendChild(element('th', {}, t)));
      table.appendChild(head);
      if (doc.attachments.length === 0) {
        const row = element('tr');
        row.appendChild(element('td', { colspan: '5' }, '尚未上传电子文件'));
        table.appendChild(row);
      }
      doc.attachments.forEach(a => {
        const row = element('tr');
        row.appendChild(element('td', {}, String(a.seq)));
        const cell = element('td');
        cell.appendChild(element('a', { href: base + '/attachments/' + encodeURIComponent(a.id) }, a.fileName));
        row.appendChild(cell);
        row.appendChild(element('td', {}, size(a.size)));
        row.appendChild(element('td', { style: 'font-family: monospace; font-size: 85%; word-break: break-all;' }, a.sha256));
        const actions = element('td');
        if (doc.canUpload) {
          const remove = element('button', { type: 'button', class: 'btn btn-xs btn-default' }, '删除');
          remove.addEventListener('click', () => removeFile(base, a));
          actions.appendChild(remove);
        }
        row.appendChild(actions);
        table.appendChild(row);
      });
      content.appendChild(table);
      if (doc.canUpload) {
        const form = element('form', { class: 'officeflow-incoming-upload' });
        const input = element('input', { type: 'file', multiple: 'multiple', name: 'file', id: 'officeflow-incoming-file' });
        const button = element('button', { type: 'submit', class: 'btn btn-primary', style: 'margin-top: 10px;' }, '上传');
        form.appendChild(element('label', { for: 'officeflow-incoming-file' }, '上传来文扫描件（可多选，单个文件不超过 20 MB）'));
        form.appendChild(input);
        form.appendChild(button);
        form.addEventListener('submit', event => {
          event.preventDefault();
          upload(base, input.files, button);
        });
        content.appendChild(form);
      } else if (doc.status === 'REGISTERED') {
        content.appendChild(element('p', {}, '只有文书（收发）可以上传收文附件。'));
      } else {
        content.appendChild(element('p', {}, '收文已送拟办，附件已固定（每个文件的 SHA-256 随归档进入档案哈希链）。'));
      }
    }

    async function upload(base, files, button) {
      if (!files || files.length === 0) {
        show(status, 'danger', '请选择要上传的文件');
        return;
      }
      const data = new FormData();
      for (const file of files) {
        if (file.size > MAX_SIZE) {
          show(status, 'danger', '文件过大（单个不超过 20 MB）：' + file.name);
          return;
        }
        data.append('file', file, file.name);
      }
      button.disabled = true;
      show(status, '', '正在上传…');
      try {
        const response = await fetch(base + '/attachments', {
          method: 'POST', credentials: 'same-origin', body: data,
          headers: { 'Accept': 'application/json', 'X-XSRF-TOKEN': api.CSRFToken }
        });
        const body = await json(response);
        if (response.status === 201) {
          await load();
          show(status, 'success', '已上传 ' + body.length + ' 个文件。');
        } else {
          show(status, 'danger', (body && body.message) || '上传失败（HTTP ' + response.status + '）');
        }
      } catch (e) {
        show(status, 'danger', '上传失败：' + e.message);
      } finally {
        button.disabled = false;
      }
    }

    async function removeFile(base, attachment) {
      if (!window.confirm('删除附件「' + attachment.fileName + '」？')) {
        return;
      }
      const response = await fetch(base + '/attachments/' + encodeURIComponent(attachment.id), {
        method: 'DELETE', credentials: 'same-origin',
        headers: { 'Accept': 'application/json', 'X-XSRF-TOKEN': api.CSRFToken }
      });
      if (response.status === 204) {
        await load();
        show(status, 'success', '已删除：' + attachment.fileName);
      } else {
        const body = await json(response);
        show(status, 'danger', (body && body.message) || '删除失败（HTTP ' + response.status + '）');
      }
    }

    load().catch(e => show(status, 'danger', '读取收文失败：' + e.message));
  },
  unmount: () => {}
};
