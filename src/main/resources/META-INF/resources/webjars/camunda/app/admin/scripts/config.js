// OfficeFlow: Simplified Chinese (locales/zh.json) is the default; English only for browsers that ask for it.
export default {
  app: {
    name: '行政办公',
    vendor: 'OfficeFlow'
  },
  dateFormat: {
    normal: 'LLL',
    long: 'LLLL'
  },
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  }
};
