-- How the sign-in behind a CAS ticket was made (RFC 8176 methods: pwd, otp), so that a ticket for an
-- app requiring a second factor is never valid without one, and validation can release amr and acr.
alter table identity_cas_ticket add column amr jsonb not null default '["pwd"]';
