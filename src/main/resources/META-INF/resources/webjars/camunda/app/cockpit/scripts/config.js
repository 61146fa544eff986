// OfficeFlow: Simplified Chinese (locales/zh.json) is the default; English only for browsers that ask for it.
import { excludeWritePlugins } from './officeflow-readonly.js';

// auditors are read-only: Cockpit's write actions are left out before it registers its plugins
await excludeWritePlugins();
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
  // Chinese for the few English words of the stock templates that have no translation key (app/officeflow)
  // 「流程审计」 (history search, instance page, audit log: /api/audit) and the read-only Cockpit of auditors
  customScripts: ['../officeflow/stock-zh.js', 'scripts/officeflow-audit/plugin.js', 'scripts/officeflow-readonly.js']
};
