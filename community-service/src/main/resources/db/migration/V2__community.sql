-- The community: posts, comments with one level of replies, likes, reports and notifications.
-- Portable SQL for MySQL 8 and MariaDB 10.6+ alike (no JSON type, no MariaDB-only syntax): ids are UUID strings,
-- times DATETIME(6) in UTC, an embedded analysis snapshot is JSON text.

create table posts (
    id             char(36)     not null primary key,
    author_id      char(36)     not null,
    -- A copy taken at write time and refreshed by the rename hook, so that no row needs auth-service;
    -- null once the member is anonymised ("deleted member").
    author_name    varchar(100),
    category       varchar(20)  not null,
    title          varchar(200) not null,
    body           mediumtext   not null,
    -- The first characters of the body, kept so that lists never read whole bodies.
    excerpt        varchar(300) not null,
    -- Title and body as Lucene (Nori for Korean, the English analyzer for the rest) tokenised them, each token
    -- prefixed so that it is at least innodb_ft_min_token_size (3) characters long; see SearchText.
    search_text    mediumtext   not null,
    prediction_id  char(36),
    analysis       mediumtext,
    state          varchar(10)  not null default 'VISIBLE',
    views          bigint       not null default 0,
    likes          int          not null default 0,
    comments       int          not null default 0,
    created_at     datetime(6)  not null,
    edited_at      datetime(6),
    index ix_posts_newest (state, created_at, id),
    index ix_posts_category_newest (state, category, created_at, id),
    index ix_posts_likes (state, likes, created_at, id),
    index ix_posts_comments (state, comments, created_at, id),
    index ix_posts_author (author_id, created_at, id),
    fulltext index ft_posts_search (search_text)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table comments (
    id           char(36)    not null primary key,
    post_id      char(36)    not null,
    parent_id    char(36),
    author_id    char(36)    not null,
    author_name  varchar(100),
    body         text        not null,
    deleted      boolean     not null default false,
    state        varchar(10) not null default 'VISIBLE',
    likes        int         not null default 0,
    created_at   datetime(6) not null,
    edited_at    datetime(6),
    index ix_comments_post (post_id, parent_id, created_at, id),
    index ix_comments_author (author_id),
    constraint fk_comments_post foreign key (post_id) references posts (id) on delete cascade
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- One like per member: the primary key makes a second like a no-op, and the counter moves only when a row did.
create table post_likes (
    post_id    char(36)    not null,
    member_id  char(36)    not null,
    created_at datetime(6) not null,
    primary key (post_id, member_id),
    constraint fk_post_likes_post foreign key (post_id) references posts (id) on delete cascade
) engine = InnoDB;

create table comment_likes (
    comment_id char(36)    not null,
    member_id  char(36)    not null,
    created_at datetime(6) not null,
    primary key (comment_id, member_id),
    constraint fk_comment_likes_comment foreign key (comment_id) references comments (id) on delete cascade
) engine = InnoDB;

create table reports (
    id             char(36)      not null primary key,
    target_type    varchar(20)   not null,
    target_id      char(36)      not null,
    reason         varchar(1000) not null,
    reporter_id    char(36)      not null,
    reporter_name  varchar(100),
    state          varchar(10)   not null default 'OPEN',
    action         varchar(10),
    note           varchar(1000),
    created_at     datetime(6)   not null,
    resolved_at    datetime(6),
    resolved_by    char(36),
    index ix_reports_queue (state, created_at, id),
    index ix_reports_target (target_type, target_id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table notifications (
    id             char(36)    not null primary key,
    recipient_id   char(36)    not null,
    kind           varchar(20) not null,
    actor_id       char(36)    not null,
    actor_name     varchar(100),
    post_id        char(36),
    comment_id     char(36),
    prediction_id  char(36),
    created_at     datetime(6) not null,
    read_at        datetime(6),
    index ix_notifications_recipient (recipient_id, created_at, id),
    index ix_notifications_unread (recipient_id, read_at)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
