-- Issue 13, account security: login throttling, the member's profile, session devices and TOTP two-factor.

-- Failed sign-ins per key: 'account:<normalised e-mail>' (whether or not a member has it) or 'address:<client>'.
-- Only a SHA-256 of the key is kept, so the table names no e-mail address that never became a member.
CREATE TABLE login_throttle (
    key_hash        CHAR(64)    NOT NULL,
    failures        INT         NOT NULL,
    last_failure_at DATETIME(6) NOT NULL,
    blocked_until   DATETIME(6) NULL,
    PRIMARY KEY (key_hash)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_login_throttle_last_failure ON login_throttle (last_failure_at);

-- Addresses a member signed in from (SHA-256 of 'known:<e-mail>|<address>'): there, failures from elsewhere do not make
-- the member wait, so that an attacker cannot keep them out of their account.
CREATE TABLE login_known_address (
    key_hash        CHAR(64)    NOT NULL,
    last_success_at DATETIME(6) NOT NULL,
    PRIMARY KEY (key_hash)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_login_known_address_last_success ON login_known_address (last_success_at);

ALTER TABLE member
    ADD COLUMN affiliation VARCHAR(100) NULL,
    ADD COLUMN bio         VARCHAR(500) NULL,
    -- TOTP (RFC 6238): the Base32 secret once enabled, one being set up, and the last time step accepted (a step
    -- is never accepted twice).
    ADD COLUMN totp_secret         VARCHAR(64) NULL,
    ADD COLUMN totp_pending_secret VARCHAR(64) NULL,
    ADD COLUMN totp_enabled_at     DATETIME(6) NULL,
    ADD COLUMN totp_last_step      BIGINT      NULL;

-- The device a login was made from (its User-Agent), carried along each rotation of its refresh tokens.
ALTER TABLE refresh_token ADD COLUMN user_agent VARCHAR(255) NULL;

-- Single-use recovery codes, stored as SHA-256 (they are random, 50+ bits: no slow hash needed).
CREATE TABLE recovery_code (
    member_id  CHAR(36)    NOT NULL,
    code_hash  CHAR(64)    NOT NULL,
    created_at DATETIME(6) NOT NULL,
    used_at    DATETIME(6) NULL,
    PRIMARY KEY (member_id, code_hash),
    CONSTRAINT fk_recovery_code_member FOREIGN KEY (member_id) REFERENCES member (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The second step of a login with two-factor: a short-lived, single-use challenge stored as SHA-256.
CREATE TABLE two_factor_challenge (
    challenge_hash CHAR(64)     NOT NULL,
    member_id      CHAR(36)     NOT NULL,
    created_at     DATETIME(6)  NOT NULL,
    expires_at     DATETIME(6)  NOT NULL,
    failures       INT          NOT NULL,
    used_at        DATETIME(6)  NULL,
    user_agent     VARCHAR(255) NULL,
    PRIMARY KEY (challenge_hash),
    CONSTRAINT fk_two_factor_challenge_member FOREIGN KEY (member_id) REFERENCES member (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
