-- Issue 13: the transactional outbox (service-kit dev.hitter.kit.outbox; docs/internal-calls.md). community-service tells
-- auth-service's audit log about moderation decisions, written in the decision's transaction.
CREATE TABLE outbox_message (
  id              CHAR(36)      NOT NULL,
  destination     VARCHAR(64)   NOT NULL,
  type            VARCHAR(64)   NOT NULL,
  payload         TEXT          NOT NULL,
  created_at      DATETIME(6)   NOT NULL,
  next_attempt_at DATETIME(6)   NOT NULL,
  attempts        INT           NOT NULL DEFAULT 0,
  last_error      VARCHAR(1000) NULL,
  delivered_at    DATETIME(6)   NULL,
  given_up_at     DATETIME(6)   NULL,
  PRIMARY KEY (id),
  -- The relay's question: what is due and neither delivered nor given up.
  KEY outbox_message_due (delivered_at, given_up_at, next_attempt_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
