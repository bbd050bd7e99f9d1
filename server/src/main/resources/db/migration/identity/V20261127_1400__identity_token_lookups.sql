-- Spring Authorization Server finds an authorization by the exact token value (`access_token_value = ?`,
-- or all seven token columns OR-ed when the token type is not given, as in introspection without a hint).
-- The md5(...) expression indexes of V20261124_0200 never matched those conditions, so every
-- introspection, revocation and userinfo call scanned the whole table, which grows by one row per token.
-- Hash indexes match equality on the exact column, hold any length of value (a btree entry is limited
-- to about 2.7 kB, a signed JWT with many claims is not) and leave NULL values out, so a
-- client-credentials authorization (only an access token) adds one entry instead of five.
drop index oauth2_authorization_state_idx;
drop index oauth2_authorization_code_idx;
drop index oauth2_authorization_access_idx;
drop index oauth2_authorization_refresh_idx;
create index oauth2_authorization_state_idx on oauth2_authorization using hash (state);
create index oauth2_authorization_code_idx on oauth2_authorization using hash (authorization_code_value);
create index oauth2_authorization_access_idx on oauth2_authorization using hash (access_token_value);
create index oauth2_authorization_id_token_idx on oauth2_authorization using hash (oidc_id_token_value);
create index oauth2_authorization_refresh_idx on oauth2_authorization using hash (refresh_token_value);
create index oauth2_authorization_user_code_idx on oauth2_authorization using hash (user_code_value);
create index oauth2_authorization_device_code_idx on oauth2_authorization using hash (device_code_value);
