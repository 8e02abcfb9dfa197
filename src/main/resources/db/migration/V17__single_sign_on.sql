-- Single sign-on: an account made at the first sign-in through an OpenID Connect provider is linked
-- to that provider's issuer and the person's subject there (never to an account by name or e-mail).
-- Both are null for the portal's own accounts.

alter table users add column oidc_issuer varchar(500);
alter table users add column oidc_subject varchar(255);

create unique index uq_users_oidc on users (oidc_issuer, oidc_subject);
