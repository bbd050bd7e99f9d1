-- Identity: the campus directory lookup (pick a host, an approver, a department in a form) is open
-- to every signed-in member; it shows names, 学号/工号 and units, never contact or identity data.
insert into identity_role_permission (role_code, permission) values
  ('MEMBER', 'identity:directory:read');
