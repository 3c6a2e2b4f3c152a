package app.kadr.live;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Several instances on one PostgreSQL: an event goes out with {@code pg_notify} on a channel of the studio's schema,
 * and every instance (this one too) listens on that channel over a connection of its own and hands what it hears to
 * its open streams. PostgreSQL delivers a notification when the sending transaction commits, and nothing but the
 * database is needed. A lost connection is opened again; events sent meanwhile are missed by this instance's pages,
 * which catch up at their next change or reload.
 */
class PostgresFanout implements LiveFanout, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PostgresFanout.class);
    /** How long one wait for notifications lasts; a stop takes at most this long. */
    private static final Duration WAIT = Duration.ofSeconds(1);
    /** Quiet waits between two checks that the listening connection is still alive. */
    private static final int WAITS_PER_CHECK = 10;

    private static final Duration RETRY = Duration.ofSeconds(1);

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final LiveUpdates updates;
    private final String channel;
    private volatile boolean running;
    private @Nullable Thread listener;

    PostgresFanout(DataSource dataSource, LiveUpdates updates) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.updates = updates;
        this.channel = channelOf(jdbc.queryForObject("select current_schema()", String.class));
    }

    /** One channel per schema, so two studios sharing a database do not hear each other. */
    static String channelOf(@Nullable String schema) {
        String name = "kadr_live_" + (schema == null ? "public" : schema.toLowerCase());
        name = name.replaceAll("[^a-z0-9_]", "_");
        return name.length() > 63 ? name.substring(0, 63) : name;
    }

    /** Runs in the listener's transaction: PostgreSQL sends the notification when it commits. */
    @Override
    public void send(UUID projectId, LiveEvent event) {
        jdbc.query("select pg_notify(?, ?)", rows -> null, channel, encode(projectId, event));
    }

    /** The payload: the project and the event, space-separated, far under PostgreSQL's 8000-byte limit. */
    static String encode(UUID projectId, LiveEvent event) {
        return projectId + " " + event.type() + " " + orDash(event.shotId()) + " " + orDash(event.assetId());
    }

    private static String orDash(@Nullable UUID id) {
        return id == null ? "-" : id.toString();
    }

    private void deliver(String payload) {
        String[] parts = payload.split(" ");
        if (parts.length != 4) {
            log.warn("Ignored a live notification of an unknown shape: {}", payload);
            return;
        }
        updates.deliver(UUID.fromString(parts[0]), new LiveEvent(parts[1], idOrNull(parts[2]), idOrNull(parts[3])));
    }

    private static @Nullable UUID idOrNull(String part) {
        return part.equals("-") ? null : UUID.fromString(part);
    }

    @Override
    public void start() {
        running = true;
        listener = Thread.ofPlatform().daemon().name("live-listener").start(this::listen);
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = listener;
        if (thread != null) {
            try {
                thread.join(WAIT.multipliedBy(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement listen = connection.createStatement()) {
                    listen.execute("listen \"" + channel + "\"");
                }
                log.info("Listening for live updates of all instances on channel {}", channel);
                receive(connection);
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("Live updates of other instances interrupted ({}); listening again in {}", e, RETRY);
                    pause();
                }
            }
        }
    }

    private void receive(Connection connection) throws SQLException {
        PGConnection postgres = connection.unwrap(PGConnection.class);
        int quiet = 0;
        while (running) {
            PGNotification[] notifications = postgres.getNotifications((int) WAIT.toMillis());
            if (notifications == null || notifications.length == 0) {
                if (++quiet >= WAITS_PER_CHECK) {
                    quiet = 0;
                    try (Statement check = connection.createStatement()) {
                        check.execute("select 1");
                    }
                }
                continue;
            }
            for (PGNotification notification : notifications) {
                deliver(notification.getParameter());
            }
        }
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(RETRY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
