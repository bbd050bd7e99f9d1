-- Single sign-on: the app registry, OpenID Connect signing keys, CAS tickets and back-channel logout
-- deliveries, plus the tables of Spring Authorization Server's JDBC services.

-- Spring Authorization Server's JDBC repositories use these fixed table names (they cannot be
-- prefixed); the schema is theirs with PostgreSQL types (text for blob, timestamptz for timestamp).
-- Rows of oauth2_registered_client are written only by the app registry (identity_sso_app is the
-- source of truth), never edited by hand.
create table oauth2_registered_client (
    id                            varchar(100)  not null primary key,
    client_id                     varchar(100)  not null unique,
    client_id_issued_at           timestamptz   not null default current_timestamp,
    client_secret                 varchar(200),
    client_secret_expires_at      timestamptz,
    client_name                   varchar(200)  not null,
    client_authentication_methods varchar(1000) not null,
    authorization_grant_types     varchar(1000) not null,
    redirect_uris                 varchar(1000),
    post_logout_redirect_uris     varchar(1000),
    scopes                        varchar(1000) not null,
    client_settings               varchar(2000) not null,
    token_settings                varchar(2000) not null
);

create table oauth2_authorization (
    id                            varchar(100) not null primary key,
    registered_client_id          varchar(100) not null,
    principal_name                varchar(200) not null,
    authorization_grant_type      varchar(100) not null,
    authorized_scopes             varchar(1000),
    attributes                    text,
    state                         varchar(500),
    authorization_code_value      text,
    authorization_code_issued_at  timestamptz,
    authorization_code_expires_at timestamptz,
    authorization_code_metadata   text,
    access_token_value            text,
    access_token_issued_at        timestamptz,
    access_token_expires_at       timestamptz,
    access_token_metadata         text,
    access_token_type             varchar(100),
    access_token_scopes           varchar(1000),
    oidc_id_token_value           text,
    oidc_id_token_issued_at       timestamptz,
    oidc_id_token_expires_at      timestamptz,
    oidc_id_token_metadata        text,
    refresh_token_value           text,
    refresh_token_issued_at       timestamptz,
    refresh_token_expires_at      timestamptz,
    refresh_token_metadata        text,
    user_code_value               text,
    user_code_issued_at           timestamptz,
    user_code_expires_at          timestamptz,
    user_code_metadata            text,
    device_code_value             text,
    device_code_issued_at         timestamptz,
    device_code_expires_at        timestamptz,
    device_code_metadata          text
);
create index oauth2_authorization_principal_idx on oauth2_authorization (principal_name);
create index oauth2_authorization_state_idx on oauth2_authorization (state);
create index oauth2_authorization_code_idx on oauth2_authorization (md5(authorization_code_value));
create index oauth2_authorization_access_idx on oauth2_authorization (md5(access_token_value));
create index oauth2_authorization_refresh_idx on oauth2_authorization (md5(refresh_token_value));

create table oauth2_authorization_consent (
    registered_client_id varchar(100)  not null,
    principal_name       varchar(200)  not null,
    authorities          varchar(1000) not null,
    primary key (registered_client_id, principal_name)
);

-- The app registry: every campus system that may receive tickets (CAS) or tokens (OIDC).
create table identity_sso_app (
    id                       uuid         primary key,
    code                     varchar(100) not null unique,  -- the OIDC client_id; a stable name for CAS services
    name                     varchar(200) not null,
    name_en                  varchar(200),
    owner_org_code           varchar(64)  not null,
    protocol                 varchar(8)   not null check (protocol in ('CAS', 'OIDC')),
    service_patterns         jsonb        not null default '[]',  -- CAS: regular expressions of service URLs
    redirect_uris            jsonb        not null default '[]',  -- OIDC
    post_logout_redirect_uris jsonb       not null default '[]',  -- OIDC
    grant_types              jsonb        not null default '[]',  -- OIDC: authorization_code, refresh_token, client_credentials
    scopes                   jsonb        not null default '[]',  -- OIDC
    released_attributes      jsonb        not null default '[]',  -- name, email, phone, username, affiliations, ...
    allowed_affiliations     jsonb        not null default '[]',  -- affiliation types; empty: everyone
    requires_second_factor   boolean      not null default false,
    require_consent          boolean      not null default true,
    backchannel_logout_uri   varchar(1000),                       -- OIDC back-channel logout (CAS: the service URL)
    enabled                  boolean      not null default true,
    created_at               timestamptz  not null default now(),
    updated_at               timestamptz  not null default now()
);

-- Signing keys of ID tokens and access tokens; private keys encrypted with the platform data key.
create table identity_sso_signing_key (
    kid                varchar(64) primary key,
    private_key_cipher text        not null,
    public_jwk         text        not null,
    status             varchar(16) not null check (status in ('CURRENT', 'PREVIOUS', 'RETIRED')),
    created_at         timestamptz not null default now(),
    retired_at         timestamptz
);

-- CAS ticket-granting tickets: one per browser session that used CAS.
create table identity_cas_tgt (
    id           varchar(128) primary key,
    account_id   uuid         not null references identity_account (id) on delete cascade,
    username     varchar(64)  not null,
    session_id   varchar(128),
    created_at   timestamptz  not null default now(),
    last_used_at timestamptz  not null default now(),
    expires_at   timestamptz  not null,
    ended_at     timestamptz
);
create index identity_cas_tgt_session_idx on identity_cas_tgt (session_id);

-- Service tickets (ST), proxy tickets (PT) and proxy-granting tickets (PGT).
create table identity_cas_ticket (
    id            varchar(128) primary key,
    kind          varchar(4)   not null check (kind in ('ST', 'PT', 'PGT')),
    tgt_id        varchar(128) not null references identity_cas_tgt (id) on delete cascade,
    app_id        uuid         not null references identity_sso_app (id) on delete cascade,
    service       varchar(2000) not null,
    renewed       boolean      not null default false,
    proxies       jsonb        not null default '[]',
    pgt_iou       varchar(128),
    created_at    timestamptz  not null default now(),
    expires_at    timestamptz  not null,
    used_at       timestamptz
);
create index identity_cas_ticket_tgt_idx on identity_cas_ticket (tgt_id);

-- Back-channel logout messages (CAS single logout, OIDC back-channel logout) and how delivery went.
create table identity_sso_logout_delivery (
    id              uuid          primary key,
    app_id          uuid          not null references identity_sso_app (id) on delete cascade,
    protocol        varchar(8)    not null,
    endpoint        varchar(2000) not null,
    payload         text          not null,
    username        varchar(64)   not null,
    status          varchar(16)   not null check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        int           not null default 0,
    last_error      varchar(500),
    next_attempt_at timestamptz   not null default now(),
    created_at      timestamptz   not null default now(),
    delivered_at    timestamptz
);
create index identity_sso_logout_delivery_due_idx on identity_sso_logout_delivery (status, next_attempt_at);

insert into identity_role_permission (role_code, permission) values
  ('PLATFORM_ADMIN', 'identity:app:manage');
