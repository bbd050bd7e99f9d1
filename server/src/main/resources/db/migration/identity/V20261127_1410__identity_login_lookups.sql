-- Sign-in finds the account by lower(username) (Accounts.findByLogin), and so do the device row written at
-- sign-in (AccountSessions), the weak-password scoring, the person directory, the SSO claims (SsoPersons)
-- and password recovery. The unique constraint's index is on username as written, which lower(...)
-- cannot use, so each of these read the whole account table: four full scans per password sign-in
-- (5,000 rows each with the demo data, 20,000 rows read per sign-in; ten times that on a real campus).
create index identity_account_username_lower_idx on identity_account (lower(username));
