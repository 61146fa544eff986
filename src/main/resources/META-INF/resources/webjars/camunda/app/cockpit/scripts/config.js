// OfficeFlow: Simplified Chinese (locales/zh.json) is the default; English only for browsers that ask for it.
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
  customScripts: ['../officeflow/stock-zh.js']
};
