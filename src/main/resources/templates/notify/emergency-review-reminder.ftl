<#-- 复盘提醒: model emergencyId, level, scenario, due -->
<#assign subject>【复盘提醒】${level}级事件「${scenario}」请于${due}前完成复盘</#assign>
<#assign sms>【行政办公·应急】${level}级事件「${scenario}」复盘（三维报告）期限${due}，请按期完成。</#assign>
${recipientName}，您好：

${level}级突发事件「${scenario}」已结案，复盘（三维报告：事件经过、处置得失、优化建议）须于 ${due} 前完成。

  事件编号：${emergencyId}

此邮件由行政办公系统自动发送，请勿直接回复。
