<#-- 督办黄灯预警 (双提醒): model title, itemId, departmentName, handlerName, due -->
<#assign subject>【督办预警】「${title}」临近办结期限（${due}）</#assign>
<#assign sms>【行政办公】督办事项「${title}」（主办：${departmentName}<#if handlerName?has_content>，承办人：${handlerName}</#if>）已亮黄灯，办结期限${due}，请抓紧办理并及时反馈进度。</#assign>
${recipientName}，您好：

督办事项已亮黄灯（临近办结期限），请抓紧办理并及时反馈进度：

  事项：${title}
  主办部门：${departmentName}
<#if handlerName?has_content>
  承办人：${handlerName}
</#if>
  办结期限：${due}
  督办编号：${itemId}

逾期未办结的事项将亮红灯，自动升级至分管领导督办并列入通报。

此邮件由行政办公系统自动发送，请勿直接回复。
