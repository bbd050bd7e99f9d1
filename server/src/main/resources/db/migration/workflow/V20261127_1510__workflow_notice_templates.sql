-- Workflow's notices in the recipient's language: the end of an instance (for processes no other module
-- notifies about) and an urge (催办) used to be Chinese text built in code; the to-do notice named the
-- task in Chinese for every language.

insert into messaging_template (code, channel, locale, category_code, title, body) values
  ('workflow-ended', 'default', 'zh-CN', 'result', '您的申请「{{process}}」{{outcome}}',
   '您提交的「{{process}}」{{outcome}}。可在“我的申请”中查看办理过程。'),
  ('workflow-ended', 'default', 'en-US', 'result', 'Your application "{{processEn}}" {{outcomeEn}}',
   'Your application "{{processEn}}" {{outcomeEn}}. See how it was handled under My applications.'),
  ('workflow-urged', 'default', 'zh-CN', 'todo', '催办：{{process}}', '「{{task}}」等待您办理{{note}}'),
  ('workflow-urged', 'default', 'en-US', 'todo', 'Reminder: {{processEn}}', '"{{taskEn}}" is waiting for you{{noteEn}}')
on conflict (code, channel, locale) do nothing;

-- The English to-do notice names the task in English (every sender now passes taskEn); left alone where an
-- administrator has changed the text.
update messaging_template set title = 'New to-do: {{taskEn}}',
  body = 'You have a new to-do "{{taskEn}}". Please handle it soon.'
where code = 'todo-assigned' and channel = 'default' and locale = 'en-US'
  and title = 'New to-do: {{task}}' and body = 'You have a new to-do "{{task}}". Please handle it soon.';
