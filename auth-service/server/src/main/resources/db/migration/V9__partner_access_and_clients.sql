-- Issue 14, partner access (docs/partner-api.md): a verified member asks for partner access, an administrator decides;
-- an approved member owns API clients that get tokens by OAuth2 client credentials.

-- One request per member, its current state: asking again after a rejection (or a revocation) overwrites it. The
-- history is in the audit log (PARTNER_ACCESS_* events).
CREATE TABLE partner_access_request (
    member_id     CHAR(36)      NOT NULL,
    organisation  VARCHAR(120)  NOT NULL,
    website       VARCHAR(200)  NULL,
    purpose       VARCHAR(1000) NOT NULL,
    status        VARCHAR(16)   NOT NULL,
    requested_at  DATETIME(6)   NOT NULL,
    decided_at    DATETIME(6)   NULL,
    decision_note VARCHAR(500)  NULL,
    -- The deciding administrator; no foreign key, so that the record outlives the administrator's account.
    decided_by    CHAR(36)      NULL,
    PRIMARY KEY (member_id),
    CONSTRAINT fk_partner_access_member FOREIGN KEY (member_id) REFERENCES member (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_partner_access_status ON partner_access_request (status, requested_at);

-- A partner's API client. The secret is kept only as a keyed hash (HMAC-SHA256 with the server's pepper); revoked
-- clients stay listed to their owner. Deleting the member deletes their clients (after revoking them in the feed).
CREATE TABLE partner_client (
    client_id         VARCHAR(32)  NOT NULL,
    member_id         CHAR(36)     NOT NULL,
    name              VARCHAR(80)  NOT NULL,
    -- Space-separated, as in OAuth2's scope parameter.
    scopes            VARCHAR(200) NOT NULL,
    secret_hash       VARCHAR(100) NOT NULL,
    created_at        DATETIME(6)  NOT NULL,
    secret_rotated_at DATETIME(6)  NULL,
    last_token_at     DATETIME(6)  NULL,
    revoked_at        DATETIME(6)  NULL,
    PRIMARY KEY (client_id),
    CONSTRAINT fk_partner_client_member FOREIGN KEY (member_id) REFERENCES member (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_partner_client_member ON partner_client (member_id, created_at);

-- A revocation may concern one client of the member instead of the member: its tokens are refused (not_before NULL,
-- revoked) or those issued before not_before (secret rotated). The member's own tokens are untouched by such a row.
ALTER TABLE member_revocation
    ADD COLUMN client_id VARCHAR(32) NULL;
