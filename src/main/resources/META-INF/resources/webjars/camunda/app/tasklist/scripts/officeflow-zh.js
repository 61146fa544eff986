/*
 * Chinese texts for what form-js (Camunda Forms in Tasklist 7.24) writes in English whatever the locale: its
 * validation messages ("Field is required.") and date placeholders. Loaded once by officeflow-common.js; a
 * MutationObserver translates them as forms render. The server checks the same rules again (DESIGN.md §5).
 */
const MESSAGES = [
  [/^Field is required\.$/, () => '此项必须填写。'],
  [/^Field must have minimum length of (\d+)\.$/, (m) => '至少填写 ' + m[1] + ' 个字符。'],
  [/^Field must have maximum length of (\d+)\.$/, (m) => '最多填写 ' + m[1] + ' 个字符。'],
  [/^Field must have minimum value of (.+)\.$/, (m) => '不能小于 ' + m[1] + '。'],
  [/^Field must have maximum value of (.+)\.$/, (m) => '不能大于 ' + m[1] + '。'],
  [/^Field must match pattern (.+)\.$/, (m) => '格式不正确（应符合 ' + m[1] + '）。'],
  [/^Field must be a valid email\.$/, () => '请填写有效的电子邮件地址。'],
  [/^Field must be a valid\s+international phone number\..*$/, () => '请填写有效的国际电话号码（如 +8610xxxxxxxx）。']
];
// form-js derives the date format from the browser's locale (zh-CN: yyyy/mm/dd) and accepts input in that order
const DATE_PLACEHOLDER = /^(y{2,4}|m{1,2}|d{1,2})([/.-])(y{2,4}|m{1,2}|d{1,2})([/.-])(y{2,4}|m{1,2}|d{1,2})$/i;
const DATE_PARTS = { y: '年', m: '月', d: '日' };
const TIME_PLACEHOLDER = /^hh:mm( ?[ap]m)?$/i;

export function translateText(text) {
  const trimmed = (text || '').trim();
  for (const [pattern, chinese] of MESSAGES) {
    const match = trimmed.match(pattern);
    if (match) {
      return chinese(match);
    }
  }
  return null;
}

function translateNode(root) {
  if (!(root instanceof Element)) {
    return;
  }
  root.querySelectorAll('.fjs-form-field-error li, .fjs-form-field-error span').forEach((item) => {
    const chinese = translateText(item.textContent);
    if (chinese) {
      item.textContent = chinese;
    }
  });
  root.querySelectorAll('.fjs-form input[placeholder]').forEach((input) => {
    const placeholder = input.getAttribute('placeholder');
    const date = DATE_PLACEHOLDER.exec(placeholder || '');
    if (date) {
      // same order and separators as the format the field parses: yyyy/mm/dd → 年/月/日
      const part = (token) => DATE_PARTS[token[0].toLowerCase()];
      input.setAttribute('placeholder', part(date[1]) + date[2] + part(date[3]) + date[4] + part(date[5]));
    } else if (TIME_PLACEHOLDER.test(placeholder)) {
      input.setAttribute('placeholder', '时:分');
    }
  });
}

if (typeof window !== 'undefined' && !window.officeflowZh) {
  window.officeflowZh = true;
  const observer = new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      const target = mutation.target instanceof Element ? mutation.target : mutation.target.parentElement;
      if (target) {
        translateNode(target.closest('.fjs-form') || target);
      }
    }
  });
  const start = () => observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  if (document.body) {
    start();
  } else {
    document.addEventListener('DOMContentLoaded', start);
  }
}
