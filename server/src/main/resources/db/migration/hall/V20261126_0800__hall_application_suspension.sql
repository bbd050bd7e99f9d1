-- Suspended applications (a process administrator put the workflow instance on hold): since when it is on hold
-- and how long it was on hold before, so the statistics push the promised deadline back by the time on hold.

alter table hall_application
    add column suspended_at       timestamptz,
    add column suspended_seconds  bigint not null default 0;

insert into messaging_template (code, channel, locale, category_code, title, body) values
  ('hall-suspended', 'default', 'zh-CN', 'result', '已暂停办理：{{service}}',
   '您的「{{service}}」申请已被{{actor}}挂起，暂停办理。原因：{{reason}}。恢复后将继续办理，挂起期间不计入承诺办结时间。{{link}}'),
  ('hall-suspended', 'default', 'en-US', 'result', 'On hold: {{service}}',
   'Your application "{{service}}" was put on hold by {{actor}}. Reason: {{reason}}. It continues once resumed; the time on hold does not count against the promised time. {{link}}'),
  ('hall-resumed', 'default', 'zh-CN', 'result', '已恢复办理：{{service}}',
   '您的「{{service}}」申请已恢复办理。说明：{{reason}}。{{link}}'),
  ('hall-resumed', 'default', 'en-US', 'result', 'Resumed: {{service}}',
   'Your application "{{service}}" is being handled again. Note: {{reason}}. {{link}}')
  on conflict do nothing;
