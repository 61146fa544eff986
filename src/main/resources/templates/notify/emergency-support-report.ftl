<#-- 后方支持组向领导的报告: model emergencyId, level, scenario, location, coordinated, report, reporterName -->
<#assign subject>【应急报告】${level}级事件「${scenario}」后方支持情况</#assign>
<#assign sms>【行政办公·应急】${level}级事件「${scenario}」后方支持报告（${reporterName}）：已协调${coordinated}。${report}</#assign>
${recipientName}，您好：

后方支持组报告（${reporterName}）：

  事件：${level}级「${scenario}」，地点：${location}
  已协调：${coordinated}
  报告：
${report}

  事件编号：${emergencyId}

此邮件由行政办公系统自动发送，请勿直接回复。
