-- Issue 13, administration: the audit log of security and moderation events (docs/accounts.md "Administration and
-- audit"). Rows are only ever added. seq orders them (newest first) and is the keyset cursor; id is the event's own
-- id, which for an event sent by another service is the outbox message id, so a repeated delivery adds nothing.
-- No password, token, code or e-mail address is ever written here.
CREATE TABLE audit_event (
    seq            BIGINT       NOT NULL AUTO_INCREMENT,
    id             CHAR(36)     NOT NULL,
    occurred_at    DATETIME(6)  NOT NULL,
    kind           VARCHAR(40)  NOT NULL,
    source         VARCHAR(40)  NOT NULL,
    member_id      CHAR(36)     NULL,
    actor_id       CHAR(36)     NULL,
    client_address VARCHAR(64)  NULL,
    user_agent     VARCHAR(255) NULL,
    detail         VARCHAR(500) NULL,
    PRIMARY KEY (seq),
    CONSTRAINT uk_audit_event_id UNIQUE (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_audit_event_member ON audit_event (member_id, seq);
CREATE INDEX ix_audit_event_kind ON audit_event (kind, seq);
