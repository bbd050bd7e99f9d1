-- The notice an applicant gets when an approver returns their instance to them (processes that no other module
-- notifies about): rendered by messaging in the recipient's language.

insert into messaging_template (code, channel, locale, category_code, title, body) values
  ('workflow-returned', 'default', 'zh-CN', 'result', '您的申请「{{process}}」已退回',
   '您提交的「{{process}}」已退回给您，请在“我的申请”中修改后重新提交。'),
  ('workflow-returned', 'default', 'en-US', 'result', 'Your application "{{processEn}}" was returned',
   'Your application "{{processEn}}" was returned to you; edit it under My applications and submit it again.');
