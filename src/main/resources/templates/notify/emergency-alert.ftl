<#-- 应急分级通知: model emergencyId, level, dimension, scenario, location, description, injured, reportedAt, reporterName, safetyMinutes -->
<#assign subject>【${level}级突发事件】${scenario}（${location}）</#assign>
<#assign sms>【行政办公·应急】${level}级${dimension}事件：${scenario}，地点${location}，受伤${injured}人，报告人${reporterName}（${reportedAt}）。请于${safetyMinutes}分钟内确认人员安全。</#assign>
${recipientName}，您好：

发生${level}级突发事件，请立即按应急预案响应：

  维度：${dimension}
  情形：${scenario}
  地点：${location}
  受伤人数：${injured}
  经过：${description}
  报告人：${reporterName}（${reportedAt}）
  人员安全确认时限：${safetyMinutes} 分钟
  事件编号：${emergencyId}

此邮件由行政办公系统自动发送，请勿直接回复。
