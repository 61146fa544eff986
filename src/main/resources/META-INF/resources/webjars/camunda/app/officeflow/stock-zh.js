/*
 * Chinese for the few English words that the stock Camunda 7.24 templates write without a translation key (so
 * locales/zh.json cannot reach them): the 「操作」 column of the variables table, 「无」 for an empty value such as
 * a process instance without a parent, the upload/download links of file variables, 「消息为空。」 for incidents,
 * 「正在加载流程图」 and the authorization 「全选」. Each text is replaced only where the stock template puts it
 * (its element and class), never in user content, and only when the UI speaks Chinese: Camunda picks the
 * language from the browser's first language (navigator.languages[0]) among config.js's availableLocales
 * ['zh', 'en'], falling back to zh. Loaded by the customScripts of Cockpit, Admin, Tasklist and Welcome.
 */
const TEXTS = [
  // [text in the template, Chinese, test of the text node's parent element]
  ['Actions', '操作', (el) => el.matches('thead td.actions, thead th.actions')],
  ['null', '无', (el) => el.matches('span.null-value')],
  ['Message is null.', '消息为空。', (el) => el.matches('i')],
  ['Loading diagram', '正在加载流程图', (el) => el.matches('.loading-text')],
  ['Upload', '上传', (el) => el.matches('a[ng-click^="uploadVariable"]')],
  ['Download', '下载', (el) => el.matches('a[download]')],
  ['Select all', '全选', (el) => el.matches('span[ng-click^="addAllPermissionsTo"]')],
  ['Unselect all', '全不选', (el) => el.matches('span[ng-click^="addNonePermissionsTo"]')]
];

/** 'zh' or 'en', as Camunda's determinePreferredLanguage decides with availableLocales ['zh', 'en']. */
export function uiLanguage(navigator) {
  const nav = navigator || window.navigator;
  const first = (Array.isArray(nav.languages) && nav.languages.length ? nav.languages[0] : nav.language) || '';
  return first.split('-')[0].toLowerCase() === 'en' ? 'en' : 'zh';
}

/** The Chinese for a stock text node, or null when it is none of ours. */
export function chineseFor(text, parent) {
  const trimmed = (text || '').trim();
  for (const [english, chinese, where] of TEXTS) {
    if (trimmed === english && parent && where(parent)) {
      return chinese;
    }
  }
  return null;
}

function translate(root) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const chinese = chineseFor(node.nodeValue, node.parentElement);
    if (chinese) {
      node.nodeValue = node.nodeValue.replace(node.nodeValue.trim(), chinese);
    }
  }
}

if (typeof window !== 'undefined' && !window.officeflowStockZh && uiLanguage() === 'zh') {
  window.officeflowStockZh = true;
  const observer = new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      const target = mutation.target.nodeType === Node.ELEMENT_NODE ? mutation.target : mutation.target.parentElement;
      if (target) {
        translate(target);
      }
    }
  });
  const start = () => {
    translate(document.body);
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  };
  if (document.body) {
    start();
  } else {
    document.addEventListener('DOMContentLoaded', start);
  }
}
