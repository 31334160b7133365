-- The weekly top-10 bonus (README "Weekly top-10 bonus and leaderboard").
-- Where awarding starts: the end of the first week that closed after the first check with the schedule on.
-- One row at most; a fresh install never awards the weeks before it.
CREATE TABLE leaderboard_start (
    singleton       boolean     PRIMARY KEY DEFAULT true CONSTRAINT leaderboard_start_singleton_check CHECK (singleton),
    first_week_end  timestamptz NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now()
);

-- One row per awarded week, written in the transaction that credits its winners: the unique week start is
-- the claim, so racing instances and late runs award a week once.
CREATE TABLE leaderboard_weeks (
    week_start  timestamptz NOT NULL,
    week_end    timestamptz NOT NULL,
    start_date  date        NOT NULL,
    awarded_at  timestamptz NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT leaderboard_weeks_pkey PRIMARY KEY (week_start),
    CONSTRAINT leaderboard_weeks_start_date_key UNIQUE (start_date),
    CONSTRAINT leaderboard_weeks_range_check CHECK (week_end > week_start)
);

-- The awarded result of a week as it stood at its close: a later refund never changes it.
CREATE TABLE leaderboard_winners (
    week_start   timestamptz NOT NULL REFERENCES leaderboard_weeks (week_start),
    place        int         NOT NULL CONSTRAINT leaderboard_winners_place_check CHECK (place >= 1),
    customer_id  uuid        NOT NULL REFERENCES customers (id),
    net_minor    bigint      NOT NULL CONSTRAINT leaderboard_winners_net_check CHECK (net_minor > 0),
    reached_at   timestamptz NOT NULL,
    points       bigint      NOT NULL CONSTRAINT leaderboard_winners_points_check CHECK (points > 0),
    created_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT leaderboard_winners_pkey PRIMARY KEY (week_start, place),
    CONSTRAINT leaderboard_winners_customer_key UNIQUE (week_start, customer_id)
);
CREATE INDEX leaderboard_winners_customer_idx ON leaderboard_winners (customer_id);

-- A week's standings read the purchases recorded in it and the refunds of those purchases.
CREATE INDEX purchases_recorded_idx ON purchases (recorded_at) INCLUDE (customer_id, amount_minor);
