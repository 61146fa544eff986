/*
 * The task operations of DESIGN.md §6 as a table: one entry per operation with its button label, the REST call and
 * the fields of its dialog. The 「办理操作」 buttons (plugin.js) offer the task entries that
 * GET /api/tasks/{id}/operations lists for the step, and the signer entry on a signer's own 「加签：…」 subtask;
 * 撤回 (instance) is offered in 我的工作 → 我发起的.
 * A field's options come from a loader: 'staff' (GET user?memberOfGroup=staff of the webapp's engine API),
 * 'returnTargets' (GET /api/tasks/{id}/return-targets) or 'pendingSigners' (GET /api/tasks/{id}/signers, those who
 * have not decided). An entry with {@code requires} is offered when the step allows that operation and its options
 * are not empty (减签 with 加签); {@code method} defaults to POST. A new operation is a new entry here.
 */

const COMMENT_REQUIRED = { name: 'comment', kind: 'textarea', label: '说明', required: true,
  requiredMessage: '请填写说明' };
const COMMENT_OPTIONAL = { name: 'comment', kind: 'textarea', label: '说明（可选）' };

export const OPERATIONS = [
  {
    id: 'return', scope: 'task', label: '退回', title: '退回',
    intro: '退回到本流程已经过的环节，由当时的办理人重新办理。',
    endpoint: id => '/tasks/' + encodeURIComponent(id) + '/return',
    fields: [
      { name: 'target', kind: 'select', label: '退回到', required: true, options: 'returnTargets',
        requiredMessage: '请选择退回到哪个环节' },
      { ...COMMENT_REQUIRED, label: '退回意见', requiredMessage: '请填写退回意见' }
    ],
    body: v => ({ target: v.target, comment: v.comment }),
    done: () => '已退回。'
  },
  {
    id: 'transfer', scope: 'task', label: '转办', title: '转办',
    intro: '把本任务交给另一位同事办理，任务从此属于他。',
    endpoint: id => '/tasks/' + encodeURIComponent(id) + '/transfer',
    fields: [
      { name: 'userId', kind: 'select', label: '转办给', required: true, options: 'staff',
        requiredMessage: '请选择转办对象' },
      COMMENT_REQUIRED
    ],
    body: v => ({ userId: v.userId, comment: v.comment }),
    done: r => '已转办给' + (r && r.assigneeName ? r.assigneeName : '所选同事') + '。'
  },
  {
    id: 'delegate', scope: 'task', label: '委派', title: '委派',
    intro: '请同事协助办理；他办理完毕后任务回到您手中，由您完成。',
    endpoint: id => '/tasks/' + encodeURIComponent(id) + '/delegate',
    fields: [
      { name: 'userId', kind: 'select', label: '委派给', required: true, options: 'staff',
        requiredMessage: '请选择委派对象' },
      COMMENT_REQUIRED
    ],
    body: v => ({ userId: v.userId, comment: v.comment }),
    done: r => '已委派给' + (r && r.assigneeName ? r.assigneeName : '所选同事') + '。'
  },
  {
    id: 'add-signers', scope: 'task', label: '加签', title: '加签',
    intro: '请其他同事一并审批：前加签由他们先审批、再回到本环节；后加签在本环节审批之后由他们审批。',
    endpoint: id => '/tasks/' + encodeURIComponent(id) + '/add-signers',
    fields: [
      { name: 'userIds', kind: 'multiselect', label: '加签人', required: true, options: 'staff',
        requiredMessage: '请选择加签人' },
      { name: 'mode', kind: 'radio', label: '加签方式', required: true, value: 'before',
        options: [{ value: 'before', label: '前加签' }, { value: 'after', label: '后加签' }] },
      COMMENT_REQUIRED
    ],
    body: v => ({ userIds: v.userIds, mode: v.mode, comment: v.comment }),
    done: () => '已加签。'
  },
  {
    // offered with 加签 while the step has signers who have not decided (GET /api/tasks/{id}/signers)
    id: 'remove-signer', scope: 'task', requires: 'add-signers', label: '减签', title: '减签',
    intro: '撤销尚未审批的加签人：他的加签任务随即删除，不再参与本环节审批。',
    method: 'DELETE',
    endpoint: (id, v) => '/tasks/' + encodeURIComponent(id) + '/signers/' + encodeURIComponent(v.userId),
    fields: [
      { name: 'userId', kind: 'select', label: '减签人', required: true, options: 'pendingSigners',
        requiredMessage: '请选择要减签的加签人' }
    ],
    body: () => undefined,
    done: () => '已减签。'
  },
  {
    // on a signer's own subtask 「加签：…」 (scope 'signer'): their decision, as on an approval step
    id: 'decide-signer', scope: 'signer', label: '加签审批', title: '加签审批',
    intro: '您被邀请一并审批本环节：请选择同意或退回并填写意见（退回时必须填写）。',
    endpoint: id => '/signers/' + encodeURIComponent(id) + '/decide',
    fields: [
      { name: 'decision', kind: 'radio', label: '审批结论', required: true, value: 'approve',
        options: [{ value: 'approve', label: '同意' }, { value: 'reject', label: '退回' }] },
      { name: 'comment', kind: 'textarea', label: '审批意见' }
    ],
    body: v => (v.comment ? { decision: v.decision, comment: v.comment } : { decision: v.decision }),
    done: () => '已提交加签意见。'
  },
  {
    id: 'cc', scope: 'task', label: '抄送', title: '抄送',
    intro: '抄送的同事可以查阅本事项（在「我的工作 → 抄送我的」中），并收到通知。',
    endpoint: id => '/tasks/' + encodeURIComponent(id) + '/cc',
    fields: [
      { name: 'userIds', kind: 'multiselect', label: '抄送给', required: true, options: 'staff',
        requiredMessage: '请选择抄送对象' },
      COMMENT_OPTIONAL
    ],
    body: v => (v.comment ? { userIds: v.userIds, comment: v.comment } : { userIds: v.userIds }),
    done: r => '已抄送 ' + (Array.isArray(r) ? r.length : '') + ' 人。'
  },
  {
    id: 'withdraw', scope: 'instance', label: '撤回', title: '撤回',
    intro: '下一环节尚未办理时，可以把本流程撤回到您的第一个环节重新办理。',
    endpoint: id => '/process-instances/' + encodeURIComponent(id) + '/withdraw',
    fields: [{ ...COMMENT_REQUIRED, label: '撤回原因', requiredMessage: '请填写撤回原因' }],
    body: v => ({ comment: v.comment }),
    done: () => '已撤回，请在待办中重新办理。'
  }
];

/** The entry of an operation id, or undefined. */
export function operation(id) {
  return OPERATIONS.find(o => o.id === id);
}
