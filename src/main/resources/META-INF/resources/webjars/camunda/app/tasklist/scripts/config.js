// OfficeFlow: Simplified Chinese (locales/zh.json) is the default; English only for browsers that ask for it.

// The stock 「历史」 tab shows only the engine's operation log of the one task (so it said there was no history
// while the review trail existed); scripts/officeflow-task brings a 「历史」 tab with the trail instead. Tasklist
// reads the plugins to leave out from <base cam-exclude-plugins> when it registers them, after this file is loaded.
document.querySelector('base').setAttribute('cam-exclude-plugins', 'tasklist.task.detail:task-detail-history');

export default {
  app: {
    name: '行政办公',
    vendor: 'OfficeFlow'
  },
  // dates as a Chinese office writes them: 2026-12-03 15:43 (moment.js formats)
  dateFormat: {
    normal: 'YYYY-MM-DD HH:mm',
    long: 'YYYY-MM-DD HH:mm:ss'
  },
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },
  // 「催办」 tab (POST /api/tasks/{id}/reminders) and 「收文附件」 tab (/api/incoming-documents) in the task view;
  // 办理操作 buttons on the task (/api/tasks/{id}/operations) and 「我的工作」 in the navbar (/api/worklist);
  // the document on each card, 「请先认领」, the 「历史」 tab with the review trail (/api/tasks/{id}/record, /trail)
  customScripts: ['scripts/officeflow-remind/plugin.js', 'scripts/officeflow-incoming/plugin.js',
    'scripts/officeflow-operations/plugin.js', 'scripts/officeflow-worklist/plugin.js',
    'scripts/officeflow-task/plugin.js',
    // Chinese for the few English words of the stock templates that have no translation key (app/officeflow)
    '../officeflow/stock-zh.js'],
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: '认领当前选中的任务'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: '将焦点移到第一个过滤器'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: '将焦点移到任务列表的第一个任务'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: '将焦点移到任务表单的第一个输入框'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: '打开“发起流程”对话框'
    }
  }
};
