-- Applying and tracking: drafts (one per person and item), and the messages the hall sends to applicants
-- (receipt at submit, returned to you, result at the end).

create table hall_draft (
    person_id     uuid         not null,
    service_code  varchar(64)  not null references hall_service (code),
    form_data     jsonb        not null,
    updated_at    timestamptz  not null default now(),
    primary key (person_id, service_code)
);

create index hall_application_status_idx on hall_application (status, submitted_at desc);

insert into messaging_template (code, channel, locale, category_code, title, body) values
  ('hall-submitted', 'default', 'zh-CN', 'result', '已受理：{{service}}',
   '您的「{{service}}」申请已提交（{{time}}），承诺 {{days}} 个工作日内办结。可在“我的申请”中查看进度：{{link}}'),
  ('hall-submitted', 'default', 'en-US', 'result', 'Received: {{service}}',
   'Your application "{{service}}" was submitted ({{time}}); it is promised within {{days}} working days. Follow it under My applications: {{link}}'),
  ('hall-returned', 'default', 'zh-CN', 'result', '需要您处理：{{service}} 已退回',
   '您的「{{service}}」申请已被退回，请修改后重新提交。意见：{{comment}}。{{link}}'),
  ('hall-returned', 'default', 'en-US', 'result', 'Action needed: {{service}} was returned',
   'Your application "{{service}}" was returned to you; edit it and submit it again. Comment: {{comment}}. {{link}}'),
  ('hall-approved', 'default', 'zh-CN', 'result', '办理结果：{{service}} 已通过',
   '您的「{{service}}」申请已办结（通过）。查看详情、下载结果并评价：{{link}}'),
  ('hall-approved', 'default', 'en-US', 'result', 'Approved: {{service}}',
   'Your application "{{service}}" was approved. See the details, download the results and rate the service: {{link}}'),
  ('hall-rejected', 'default', 'zh-CN', 'result', '办理结果：{{service}} 未通过',
   '您的「{{service}}」申请未通过。查看办理过程与意见：{{link}}'),
  ('hall-rejected', 'default', 'en-US', 'result', 'Not approved: {{service}}',
   'Your application "{{service}}" was not approved. See the steps and comments: {{link}}'),
  ('hall-terminated', 'default', 'zh-CN', 'result', '办理结果：{{service}} 已终止',
   '您的「{{service}}」申请已被管理员终止。查看详情：{{link}}'),
  ('hall-terminated', 'default', 'en-US', 'result', 'Stopped: {{service}}',
   'Your application "{{service}}" was stopped by an administrator. See the details: {{link}}')
  on conflict do nothing;
