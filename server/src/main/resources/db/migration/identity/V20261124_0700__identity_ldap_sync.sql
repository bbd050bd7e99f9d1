-- Directory (LDAP / Active Directory) sync: which 学号/工号 came from the directory, so that entries removed
-- there end their affiliation here; and who may start a sync by hand.
create table identity_ldap_entry (
    identifier varchar(64) primary key,
    dn         varchar(1000) not null,
    synced_at  timestamptz   not null default now()
);

insert into identity_role_permission (role_code, permission) values
  ('PLATFORM_ADMIN', 'identity:directory:sync');
