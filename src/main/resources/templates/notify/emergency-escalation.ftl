<#-- 应急升级: model emergencyId, level, scenario, location, what (何事超时), due -->
<#assign subject>【应急升级】${level}级事件「${scenario}」${what}</#assign>
<#assign sms>【行政办公·应急】${level}级事件「${scenario}」（${location}）${what}，期限${due}，请督促处理。</#assign>
${recipientName}，您好：

${level}级突发事件「${scenario}」（地点：${location}）${what}。

  期限：${due}
  事件编号：${emergencyId}

请督促相关人员立即处理。

此邮件由行政办公系统自动发送，请勿直接回复。
