<#-- 督办红灯超期 (双提醒): model title, itemId, departmentName, handlerName, due, escalatedToNames -->
<#assign subject>【督办超期】「${title}」已超过办结期限（${due}）</#assign>
<#assign sms>【行政办公】督办事项「${title}」（主办：${departmentName}<#if handlerName?has_content>，承办人：${handlerName}</#if>）已超期亮红灯（期限${due}），已升级至${escalatedToNames}督办并列入通报。</#assign>
${recipientName}，您好：

督办事项已超过办结期限，亮红灯：

  事项：${title}
  主办部门：${departmentName}
<#if handlerName?has_content>
  承办人：${handlerName}
</#if>
  办结期限：${due}
  督办编号：${itemId}

本事项已升级至分管领导（${escalatedToNames}）督办，并列入督查通报。

此邮件由行政办公系统自动发送，请勿直接回复。
