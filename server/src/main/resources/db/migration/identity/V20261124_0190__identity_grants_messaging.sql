-- Messaging permissions. Reading one's own inbox and preferences needs only a signed-in person.
insert into identity_role_permission (role_code, permission) values
  ('PLATFORM_ADMIN', 'messaging:message:send'),
  ('PLATFORM_ADMIN', 'messaging:delivery:read'),
  ('PLATFORM_ADMIN', 'messaging:channel:manage'),
  ('PLATFORM_ADMIN', 'messaging:template:manage'),
  ('PLATFORM_ADMIN', 'messaging:category:manage');
