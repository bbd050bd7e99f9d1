-- Messaging: templates for identity's weak-password campaigns and second-factor resets (security category).
insert into messaging_template (code, channel, locale, category_code, title, body) values
  ('weak-password-campaign', 'default', 'zh-CN', 'security', '请修改弱密码：{{title}}',
   '您的账号密码强度较弱。{{notice}} 请在 {{deadline}} 前登录“个人中心 - 账号安全”修改为强密码；逾期未改的账号将在下次登录时被要求修改密码。'),
  ('weak-password-campaign', 'default', 'en-US', 'security', 'Please change your weak password: {{titleEn}}',
   'The password of your account is weak. {{notice}} Change it to a strong one under Account security before {{deadline}}; accounts still weak after that must change their password at their next sign-in.'),
  ('weak-password-reminder', 'default', 'zh-CN', 'security', '提醒：{{title}}',
   '您的账号仍在使用弱密码，请在 {{deadline}} 前修改。{{notice}}'),
  ('weak-password-reminder', 'default', 'en-US', 'security', 'Reminder: {{titleEn}}',
   'Your account still uses a weak password. Change it before {{deadline}}. {{notice}}'),
  ('weak-password-forced', 'default', 'zh-CN', 'security', '弱密码须修改：{{title}}',
   '修改期限（{{deadline}}）已过，您的账号仍在使用弱密码，下次登录时须先修改密码。'),
  ('weak-password-forced', 'default', 'en-US', 'security', 'Weak password must be changed: {{titleEn}}',
   'The deadline ({{deadline}}) has passed and your account still uses a weak password: you must change it at your next sign-in.'),
  ('mfa-reset', 'default', 'zh-CN', 'security', '二次验证已被重置',
   '{{name}}，管理员已于 {{time}} 重置了您账号的二次验证（动态口令与恢复码）。请登录后在“账号安全”中重新启用。如有疑问，请联系信息中心。'),
  ('mfa-reset', 'default', 'en-US', 'security', 'Your second factor was reset',
   '{{name}}, an administrator reset the second factor (authenticator app and recovery codes) of your account at {{time}}. Sign in and set it up again under Account security. Contact the IT centre if in doubt.');
